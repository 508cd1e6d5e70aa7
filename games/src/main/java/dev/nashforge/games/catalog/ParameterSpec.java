package dev.nashforge.games.catalog;

import java.math.BigDecimal;

/**
 * One documented parameter of a catalog family or of its distribution: its name, value type, default, allowed
 * closed range {@code [min, max]} (ignored for {@link Type#LONG}, which accepts every 64-bit integer) and meaning.
 * Immutable.
 */
public record ParameterSpec(String name, Type type, Object defaultValue, double min, double max, String meaning) {

    /** Value types of catalog parameters. */
    public enum Type {
        INT("integer"),
        LONG("64-bit integer"),
        DOUBLE("real");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static ParameterSpec integer(String name, int defaultValue, int min, int max, String meaning) {
        return new ParameterSpec(name, Type.INT, defaultValue, min, max, meaning);
    }

    static ParameterSpec longInteger(String name, long defaultValue, String meaning) {
        return new ParameterSpec(name, Type.LONG, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                meaning);
    }

    static ParameterSpec real(String name, double defaultValue, double min, double max, String meaning) {
        return new ParameterSpec(name, Type.DOUBLE, defaultValue, min, max, meaning);
    }

    /** The allowed values in words, e.g. {@code integer 2..10} or {@code real 0..1}. */
    public String allowed() {
        if (type == Type.LONG) {
            return type.label();
        }
        if (type == Type.INT) {
            return type.label() + " " + (long) min + ".." + (long) max;
        }
        return type.label() + " " + format(min) + ".." + format(max);
    }

    /** One line for listings: {@code players = 2 (integer 2..6): number of players}. */
    public String describe() {
        return name + " = " + format(defaultValue) + " (" + allowed() + "): " + meaning;
    }

    /**
     * Parses and range-checks {@code raw} for this parameter of {@code family}.
     *
     * @return an {@link Integer}, {@link Long} or {@link Double}
     * @throws CatalogException naming the parameter, the value and the allowed range
     */
    Object parse(String family, String raw) {
        String value = raw.trim();
        try {
            switch (type) {
                case INT -> {
                    long v = Long.parseLong(value);
                    if (v < min || v > max) {
                        throw outOfRange(family, value);
                    }
                    return (int) v;
                }
                case LONG -> {
                    return Long.parseLong(value);
                }
                default -> {
                    double v = Double.parseDouble(value);
                    if (!(v >= min && v <= max)) {
                        throw outOfRange(family, value);
                    }
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            throw new CatalogException(family + ": " + name + "=" + value + " is not a valid " + type.label()
                    + "; allowed " + allowed());
        }
    }

    private CatalogException outOfRange(String family, String value) {
        return new CatalogException(family + ": " + name + "=" + value + " is out of range; allowed " + allowed());
    }

    /** Canonical text of a parameter value: integers as they are, reals without trailing zeros. */
    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isInfinite() || d.isNaN()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}

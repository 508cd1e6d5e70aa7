package dev.nashforge.host.backend;

/**
 * Floating-point precision of a backend's solver state and arithmetic.
 *
 * <p>{@link #DOUBLE} is the reference path. {@link #FLOAT} stores every solver quantity (regrets, strategies,
 * realization plans, counterfactual values, averages, joint-play weights) as IEEE binary32 and performs the
 * primitives' arithmetic in binary32. Metrics are always evaluated in double on the host, from the read-back
 * values (method.md §4).
 */
public enum Precision {
    DOUBLE("double"),
    FLOAT("float");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** The label used in command options, results and checkpoint files ({@code double}, {@code float}). */
    public String label() {
        return label;
    }

    /** Parses a {@link #label()} (case-insensitive). */
    public static Precision fromLabel(String label) {
        for (Precision p : values()) {
            if (p.label.equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + label + "': use 'double' or 'float'");
    }
}

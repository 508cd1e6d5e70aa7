package dev.nashforge.games.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Resolved parameter values of one family (defaults filled in), in the family's declaration order. Immutable.
 */
public final class ParameterValues {

    private final Map<String, Object> values;

    private ParameterValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves {@code given} (name to raw text, already known to belong to {@code specs}) against {@code specs}.
     *
     * @throws CatalogException if a value is malformed or out of range
     */
    static ParameterValues resolve(String family, List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String raw = given.get(spec.name());
            values.put(spec.name(), raw == null ? spec.defaultValue() : spec.parse(family, raw));
        }
        return new ParameterValues(values);
    }

    /** Value of an {@code INT} parameter. */
    public int intValue(String name) {
        return (Integer) get(name);
    }

    /** Value of a {@code LONG} parameter. */
    public long longValue(String name) {
        return (Long) get(name);
    }

    /** Value of a {@code DOUBLE} parameter. */
    public double doubleValue(String name) {
        return (Double) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; parameters are " + values.keySet());
        }
        return v;
    }

    /** Name-to-value view in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** {@code name=value,name=value} in declaration order (empty if there are no parameters). */
    public String canonical() {
        StringJoiner j = new StringJoiner(",");
        values.forEach((k, v) -> j.add(k + "=" + ParameterSpec.format(v)));
        return j.toString();
    }
}

package dev.nashforge.bench.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} command-line arguments of the meta runners, in order. Stateless. */
final class KeyValueArguments {

    private KeyValueArguments() {
    }

    /** The arguments as a map; an argument without '=' is an error naming it. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value");
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return a;
    }
}

package dev.nashforge.games.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed catalog spec in OpenSpiel's syntax: {@code name} or {@code name(param=value,param=value)}; blanks
 * around names, values, commas and parentheses are ignored and {@code name()} equals {@code name}. Values are
 * kept as text; the family checks them. Immutable.
 *
 * @param name      the family name
 * @param arguments parameter name to raw value, in the order given
 */
public record GameSpec(String name, Map<String, String> arguments) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String SYNTAX = "expected name or name(param=value,...), e.g. kuhn_poker(players=3)";

    public GameSpec {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * @throws CatalogException if the text is not a well-formed spec (the message shows the spec and the syntax)
     */
    public static GameSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CatalogException("empty game spec; " + SYNTAX);
        }
        String s = text.trim();
        int open = s.indexOf('(');
        String name = (open < 0 ? s : s.substring(0, open)).trim();
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new CatalogException("malformed game spec '" + s + "': '" + name + "' is not a game name; " + SYNTAX);
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new CatalogException("malformed game spec '" + s + "': missing ')' at the end; " + SYNTAX);
            }
            String body = s.substring(open + 1, s.length() - 1).trim();
            if (body.indexOf('(') >= 0 || body.indexOf(')') >= 0) {
                throw new CatalogException("malformed game spec '" + s + "': nested parentheses; " + SYNTAX);
            }
            if (!body.isEmpty()) {
                for (String part : body.split(",", -1)) {
                    int eq = part.indexOf('=');
                    String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
                    String value = eq < 0 ? "" : part.substring(eq + 1).trim();
                    if (eq < 0 || !IDENTIFIER.matcher(key).matches() || value.isEmpty()) {
                        throw new CatalogException("malformed game spec '" + s + "': '" + part.trim()
                                + "' is not param=value; " + SYNTAX);
                    }
                    if (args.put(key, value) != null) {
                        throw new CatalogException("malformed game spec '" + s + "': parameter '" + key
                                + "' is given twice");
                    }
                }
            }
        }
        return new GameSpec(name, args);
    }
}

package dev.nashforge.games.catalog;

/**
 * A catalog spec that cannot be served: unknown game, unknown parameter, malformed spec or a value out of range.
 * The message is one line that names what is wrong, where, and what is allowed, so a command-line tool can print
 * it as it is.
 */
public final class CatalogException extends IllegalArgumentException {

    public CatalogException(String message) {
        super(message);
    }
}

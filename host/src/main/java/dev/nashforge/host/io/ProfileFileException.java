package dev.nashforge.host.io;

/**
 * A profile file that cannot be used: unreadable, malformed JSON, or content that does not fit the game. The
 * message is one line and names the file, the line (and column) where that is known, what is wrong and what to
 * do about it.
 */
public final class ProfileFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ProfileFileException(String message) {
        super(message);
    }

    public ProfileFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

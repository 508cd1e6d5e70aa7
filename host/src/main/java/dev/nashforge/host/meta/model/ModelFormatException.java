package dev.nashforge.host.meta.model;

/**
 * A model or training-checkpoint file that cannot be used: truncated or not JSON, another format, an unsupported
 * version, a missing or invalid field, a checksum mismatch, or weights that do not fit the architecture. The
 * message names the file, what is wrong and what to do.
 */
public final class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

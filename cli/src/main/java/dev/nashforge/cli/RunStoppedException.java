package dev.nashforge.cli;

/**
 * A long run stopped on a signal ({@link StopSignals}) after saving what it could. {@link CliErrorHandler} prints
 * the message as {@code nash: <message>} (not as an error) and exits with {@link #exitCode()}.
 */
final class RunStoppedException extends RuntimeException {

    private final int exitCode;

    /**
     * @param exitCode 128 + the signal's number
     * @param message  what was saved and how to continue
     */
    RunStoppedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

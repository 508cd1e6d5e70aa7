package dev.nashforge.cli;

/**
 * A long run stopped on a signal ({@link StopSignals}) after saving what it could. {@link CliErrorHandler} prints
 * the message as {@code nash: <message>} (not as an error) and exits with {@link #exitCode()}.
 */
final class RunStoppedException extends RuntimeException {

    private final int exitCode;

    /**
     * @param signal  the signal that stopped the run ({@code SIGINT}, {@code SIGTERM}, {@code SIGHUP}); the exit code
     *                is 128 + its number ({@link StopSignals#exitCode})
     * @param message what was saved and how to continue
     */
    RunStoppedException(String signal, String message) {
        super(message);
        this.exitCode = StopSignals.exitCode(signal);
    }

    int exitCode() {
        return exitCode;
    }
}

package dev.nashforge.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * Turns every failure of a {@code nash} command into one line {@code nash: error: <message>} on the command's
 * error stream and an exit code: {@value #USAGE} for usage errors (bad options or arguments, unknown game or
 * game parameter: a {@link ParameterException}), {@value #FAILURE} for any other failure (unreadable or
 * invalid input files, failed computations). A run stopped by a signal ({@link RunStoppedException}) prints
 * {@code nash: <what was saved>} and exits with 128 + the signal's number. No stack trace is printed unless
 * {@code debug} is set ({@code --debug} on the command line), in which case it follows the error line.
 */
final class CliErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of usage errors. */
    static final int USAGE = 2;
    /** Exit code of other failures. */
    static final int FAILURE = 1;

    private final boolean debug;

    CliErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        StringBuilder message = new StringBuilder(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        message.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        report(cmd.getErr(), message.toString(), ex);
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof RunStoppedException stopped) {
            cmd.getErr().println("nash: " + oneLine(stopped.getMessage()));
            cmd.getErr().flush();
            return stopped.exitCode();
        }
        String message;
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
            message = oneLine(ex.getMessage());
        } else {
            message = "internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()))
                    + (debug ? "" : " (rerun with --debug for the stack trace, and please report it)");
        }
        report(cmd.getErr(), message, ex);
        return FAILURE;
    }

    private void report(PrintWriter err, String message, Throwable cause) {
        err.println("nash: error: " + message);
        if (debug) {
            cause.printStackTrace(err);
        }
        err.flush();
    }

    /** {@code s} with line breaks (and the spaces around them) replaced by single spaces. */
    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}

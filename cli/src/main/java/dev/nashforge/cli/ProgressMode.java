package dev.nashforge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How a long-running command ({@code solve}, {@code compare}, {@code train}) reports progress on stderr, from
 * {@code --progress auto|always|log|never}:
 * <ul>
 *   <li>{@code auto} (the default): on a terminal, a bar redrawn in place ({@link #BAR_AFTER_DELAY}); when stderr
 *       is a file or a pipe (a background job, a batch system), plain log lines instead
 *       ({@link #LOG_AFTER_DELAY}); either only once the run has lasted a second, so short runs print nothing;</li>
 *   <li>{@code always}: the bar from the first update ({@link #BAR});</li>
 *   <li>{@code log}: log lines from the first update ({@link #LOG}), one complete line at most every
 *       {@value ProgressOutput#LOG_INTERVAL_MS} ms, plus one at the end (and, for training, one per held-out
 *       evaluation), so {@code 2> run.log} reads like a log;</li>
 *   <li>{@code never}: nothing ({@link #NEVER}).</li>
 * </ul>
 * stdout is never touched, so {@code --json > out.json} stays clean JSON in every mode.
 */
enum ProgressMode {

    /** The bar, once the run has lasted a second ({@code auto} on a terminal). */
    BAR_AFTER_DELAY(true, true),
    /** The bar from the first update ({@code always}). */
    BAR(true, false),
    /** Log lines, once the run has lasted a second ({@code auto} when stderr is not a terminal). */
    LOG_AFTER_DELAY(false, true),
    /** Log lines from the first update ({@code log}). */
    LOG(false, false),
    /** Nothing ({@code never}). */
    NEVER(false, false);

    private final boolean bar;
    private final boolean delayed;

    ProgressMode(boolean bar, boolean delayed) {
        this.bar = bar;
        this.delayed = delayed;
    }

    /** Whether updates redraw one line in place (a carriage return) rather than append complete lines. */
    boolean bar() {
        return bar;
    }

    /** Whether nothing is drawn until the run has lasted {@value ProgressOutput#DELAY_MS} ms. */
    boolean delayed() {
        return delayed;
    }

    /** The mode {@code text} names, {@code auto} resolved by whether stderr is a terminal; a usage error otherwise. */
    static ProgressMode parse(CommandSpec spec, String text) {
        return parse(spec, text, ProgressMode::stderrIsTerminal);
    }

    /** As {@link #parse(CommandSpec, String)}, with the terminal test given (for tests). */
    static ProgressMode parse(CommandSpec spec, String text, BooleanSupplier stderrIsTerminal) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> stderrIsTerminal.getAsBoolean() ? BAR_AFTER_DELAY : LOG_AFTER_DELAY;
            case "always" -> BAR;
            case "log" -> LOG;
            case "never" -> NEVER;
            default -> throw new ParameterException(spec.commandLine(), "--progress " + text
                    + ": use auto, always, log or never");
        };
    }

    /**
     * Whether this process's stderr (file descriptor 2) is a terminal. On Linux this reads the link
     * {@code /proc/self/fd/2} (a terminal is {@code /dev/pts/N} or {@code /dev/ttyX}); where there is no
     * {@code /proc}, it falls back to {@link System#console()} (which looks at stdin and stdout).
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}

package dev.nashforge.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * When and how a progress report reaches stderr, shared by {@link ProgressBar} and {@link TrainingProgressLine},
 * which only format the text. In a bar mode an update redraws one line in place (carriage return, padded over
 * the previous text) at most every {@value #REDRAW_MS} ms; in a log mode it appends a complete line at most every
 * {@value #LOG_INTERVAL_MS} ms. A forced update (the last iteration, a held-out evaluation) skips that rate limit,
 * but not the initial delay of the delayed modes. Not thread-safe: a run reports from its own thread.
 */
final class ProgressOutput {

    /** How long a delayed mode waits before its first report. */
    static final long DELAY_MS = 1000;
    /** The shortest time between two redraws of a bar. */
    static final long REDRAW_MS = 200;
    /** The shortest time between two unforced log lines. */
    static final long LOG_INTERVAL_MS = 30_000;

    private final PrintWriter err;
    private final ProgressMode mode;
    private final LongSupplier nanoClock;
    private final long start;
    private long now;
    private long lastDraw;
    private boolean drawn;
    private int longest;

    ProgressOutput(PrintWriter err, ProgressMode mode, LongSupplier nanoClock) {
        this.err = err;
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** The mode reports are written in. */
    ProgressMode mode() {
        return mode;
    }

    /** Whether a report should be written now; {@code force} for the final or an otherwise notable update. */
    boolean due(boolean force) {
        if (mode == ProgressMode.NEVER) {
            return false;
        }
        now = nanoClock.getAsLong();
        if (mode.delayed() && !drawn && now - start < DELAY_MS * 1_000_000) {
            return false;
        }
        long interval = mode.bar() ? REDRAW_MS : LOG_INTERVAL_MS;
        return !drawn || force || now - lastDraw >= interval * 1_000_000;
    }

    /** Seconds from construction to the last {@link #due} call. */
    private double elapsedSeconds() {
        return (now - start) / 1e9;
    }

    /**
     * The elapsed time of the last {@link #due} call, and unless {@code completed >= total} an estimate of the time
     * left, extrapolating the rate of the units done since {@code before} (the count when the run started, so a
     * resumed run is not credited with earlier work): {@code 41.0 s, about 2 min 03 s left}.
     */
    String timing(int completed, int before, int total) {
        double elapsed = elapsedSeconds();
        if (completed >= total) {
            return seconds(elapsed);
        }
        int done = completed - before;
        return seconds(elapsed) + ", about " + seconds(done <= 0 ? 0 : elapsed / done * (total - completed)) + " left";
    }

    private static String seconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }

    /** Writes {@code text} (one line, no line break) as the report {@link #due} just allowed. */
    void write(String text) {
        lastDraw = now;
        if (mode.bar()) {
            err.print("\r" + text + " ".repeat(Math.max(0, longest - text.length())));
            longest = Math.max(longest, text.length());
        } else {
            err.println(text);
        }
        err.flush();
        drawn = true;
    }

    /** Ends a drawn bar's line (log lines are already complete). */
    void finish() {
        if (drawn && mode.bar()) {
            err.println();
            err.flush();
        }
    }
}

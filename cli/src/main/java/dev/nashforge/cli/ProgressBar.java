package dev.nashforge.cli;

import dev.nashforge.host.run.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar of {@code nash solve} on the error stream (stdout stays clean for the results): one line
 * redrawn in place with a carriage return, e.g.
 * {@code solve cfr+ leduc_poker(players=2)  [##########··········]  512/1024  50%  1.2 s, about 1.2 s left},
 * and a final newline from {@link #finish()}.
 *
 * <p>{@link Mode#AUTO} draws only once a run has lasted {@value #AUTO_DELAY_MS} ms, so short runs print
 * nothing; {@link Mode#ALWAYS} draws from the first iteration; {@link Mode#NEVER} never draws. Redraws are at
 * most every {@value #REDRAW_MS} ms (and at the last iteration). Not thread-safe: the run calls it from its
 * own thread.
 */
final class ProgressBar implements ProgressListener {

    /** When the bar is shown. */
    enum Mode { AUTO, ALWAYS, NEVER }

    static final long AUTO_DELAY_MS = 1000;
    static final long REDRAW_MS = 200;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String verb;
    private final String label;
    private final Mode mode;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastDraw;
    private int firstCompleted = -1;
    private boolean drawn;
    private int longest;

    /** A bar labelled {@code label} on {@code err}, timed with {@link System#nanoTime()}. */
    ProgressBar(PrintWriter err, String label, Mode mode) {
        this(err, label, mode, System::nanoTime);
    }

    ProgressBar(PrintWriter err, String label, Mode mode, LongSupplier nanoClock) {
        this(err, "solve", label, mode, nanoClock);
    }

    /** A bar whose line starts with {@code verb} instead of {@code solve} (e.g. {@code compare}). */
    ProgressBar(PrintWriter err, String verb, String label, Mode mode, LongSupplier nanoClock) {
        this.err = err;
        this.verb = verb;
        this.label = label;
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void onIteration(int completed, int total) {
        if (mode == Mode.NEVER) {
            return;
        }
        if (firstCompleted < 0) {
            firstCompleted = completed - 1;
        }
        long now = nanoClock.getAsLong();
        if (mode == Mode.AUTO && !drawn && now - start < AUTO_DELAY_MS * 1_000_000) {
            return;
        }
        if (drawn && completed < total && now - lastDraw < REDRAW_MS * 1_000_000) {
            return;
        }
        lastDraw = now;
        draw(completed, total, (now - start) / 1e9);
    }

    /** Ends the bar's line if it was drawn. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    private void draw(int completed, int total, double elapsed) {
        int filled = (int) ((long) WIDTH * completed / total);
        double done = completed - firstCompleted;
        double left = completed >= total || done <= 0 ? 0 : elapsed / done * (total - completed);
        String line = String.format(Locale.ROOT, "\r%s %s  [%s%s]  %d/%d  %3d%%  %s%s", verb, label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), completed, total, (int) (100L * completed / total), seconds(elapsed),
                completed >= total ? "" : ", about " + seconds(left) + " left");
        int length = line.length();
        err.print(line + " ".repeat(Math.max(0, longest - length)));
        longest = Math.max(longest, length);
        err.flush();
        drawn = true;
    }

    private static String seconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}

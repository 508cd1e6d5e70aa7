package dev.nashforge.cli;

import dev.nashforge.host.run.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress report of {@code nash solve} and {@code nash compare} on the error stream (stdout stays clean for
 * the results). In a bar mode ({@link ProgressMode#bar()}) one line redrawn in place, e.g.
 * {@code solve cfr+ leduc_poker(players=2)  [##########··········]  512/1024  50%  1.2 s, about 1.2 s left},
 * and a final newline from {@link #finish()}; in a log mode the same text without the bar, as complete lines,
 * e.g. {@code solve cfr+ leduc_poker(players=2)  512/1024  50%  1.2 s, about 1.2 s left}. {@link ProgressOutput}
 * decides when a report is written. Not thread-safe: the run calls it from its own thread.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final ProgressOutput output;
    private final String verb;
    private final String label;
    private int firstCompleted = -1;

    /** A report labelled {@code label} on {@code err}, timed with {@link System#nanoTime()}. */
    ProgressBar(PrintWriter err, String label, ProgressMode mode) {
        this(err, "solve", label, mode, System::nanoTime);
    }

    /** A report whose line starts with {@code verb} instead of {@code solve} (e.g. {@code compare}). */
    ProgressBar(PrintWriter err, String verb, String label, ProgressMode mode, LongSupplier nanoClock) {
        this.output = new ProgressOutput(err, mode, nanoClock);
        this.verb = verb;
        this.label = label;
    }

    @Override
    public void onIteration(int completed, int total) {
        if (firstCompleted < 0) {
            firstCompleted = completed - 1;
        }
        if (output.due(completed >= total)) {
            output.write(text(completed, total));
        }
    }

    /** Ends the bar's line if it was drawn. */
    void finish() {
        output.finish();
    }

    private String text(int completed, int total) {
        int filled = (int) ((long) WIDTH * completed / total);
        String bar = output.mode().bar() ? "  [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]" : "";
        return String.format(Locale.ROOT, "%s %s%s  %d/%d  %3d%%  %s", verb, label, bar, completed, total,
                (int) (100L * completed / total), output.timing(completed, firstCompleted, total));
    }
}

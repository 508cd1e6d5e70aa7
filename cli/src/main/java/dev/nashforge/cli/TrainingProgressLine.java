package dev.nashforge.cli;

import dev.nashforge.host.meta.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line of {@code nash train} on stderr, redrawn in place:
 * {@code train biased_shapley  step 250/2000  12%  loss 3.1e-3  held-out NashGap 2.0e-4  41.0 s}; the held-out
 * NashGap is the last evaluated one. Drawn like {@link ProgressBar} (auto: after a second; at most every 200 ms,
 * and at every evaluation). Not thread-safe: the trainer calls it from its thread.
 */
final class TrainingProgressLine implements TrainingProgress {

    private final PrintWriter err;
    private final String label;
    private final ProgressBar.Mode mode;
    private final long start = System.nanoTime();
    private long lastDraw;
    private double heldOut = Double.NaN;
    private boolean drawn;
    private int longest;

    TrainingProgressLine(PrintWriter err, String label, ProgressBar.Mode mode) {
        this.err = err;
        this.label = label;
        this.mode = mode;
    }

    @Override
    public void onStep(int step, int totalSteps, double loss, double heldOutNashGap) {
        if (!Double.isNaN(heldOutNashGap)) {
            heldOut = heldOutNashGap;
        }
        if (mode == ProgressBar.Mode.NEVER) {
            return;
        }
        long now = System.nanoTime();
        if (mode == ProgressBar.Mode.AUTO && !drawn && now - start < ProgressBar.AUTO_DELAY_MS * 1_000_000) {
            return;
        }
        boolean evaluation = !Double.isNaN(heldOutNashGap) || step == totalSteps;
        if (drawn && !evaluation && now - lastDraw < ProgressBar.REDRAW_MS * 1_000_000) {
            return;
        }
        lastDraw = now;
        String line = String.format(Locale.ROOT, "\rtrain %s  step %d/%d  %3d%%  loss %s  held-out NashGap %s  %.1f s",
                label, step, totalSteps, (int) (100L * step / Math.max(1, totalSteps)), NumberText.compact(loss),
                Double.isNaN(heldOut) ? "-" : NumberText.compact(heldOut), (now - start) / 1e9);
        err.print(line + " ".repeat(Math.max(0, longest - line.length())));
        longest = Math.max(longest, line.length());
        err.flush();
        drawn = true;
    }

    /** Ends the line if it was drawn. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}

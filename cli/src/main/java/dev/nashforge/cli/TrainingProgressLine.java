package dev.nashforge.cli;

import dev.nashforge.host.meta.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress report of {@code nash train} on stderr:
 * {@code train biased_shapley  step 250/2000  12%  loss 3.1e-3  held-out NashGap 2.0e-4  41.0 s, about 4 min 47 s
 * left}; the held-out NashGap is the last evaluated one, the time left extrapolates this run's steps per second.
 * Redrawn in place in a bar mode, appended as complete lines in a log mode ({@link ProgressOutput} decides when);
 * every held-out evaluation and the last step are always reported (after the initial delay of the delayed modes).
 * Not thread-safe: the trainer calls it from its thread.
 */
final class TrainingProgressLine implements TrainingProgress {

    private final ProgressOutput output;
    private final String label;
    private double heldOut = Double.NaN;
    private int firstStep = -1;

    TrainingProgressLine(PrintWriter err, String label, ProgressMode mode) {
        this(err, label, mode, System::nanoTime);
    }

    TrainingProgressLine(PrintWriter err, String label, ProgressMode mode, LongSupplier nanoClock) {
        this.output = new ProgressOutput(err, mode, nanoClock);
        this.label = label;
    }

    @Override
    public void onStep(int step, int totalSteps, double loss, double heldOutNashGap) {
        if (!Double.isNaN(heldOutNashGap)) {
            heldOut = heldOutNashGap;
        }
        if (firstStep < 0) {
            firstStep = step - 1;
        }
        boolean evaluation = !Double.isNaN(heldOutNashGap) || step == totalSteps;
        if (!output.due(evaluation)) {
            return;
        }
        output.write(String.format(Locale.ROOT, "train %s  step %d/%d  %3d%%  loss %s  held-out NashGap %s  %s",
                label, step, totalSteps, (int) (100L * step / Math.max(1, totalSteps)), NumberText.compact(loss),
                Double.isNaN(heldOut) ? "-" : NumberText.compact(heldOut), output.timing(step, firstStep, totalSteps)));
    }

    /** Ends the line if it was drawn as a bar. */
    void finish() {
        output.finish();
    }
}

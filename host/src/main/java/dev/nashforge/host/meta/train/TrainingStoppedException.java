package dev.nashforge.host.meta.train;

import java.nio.file.Path;

/**
 * Training stopped early on its stop request (Ctrl-C) after {@link #step()} of {@link #totalSteps()} steps. The
 * step was completed and, when there is a checkpoint path, written to it, so the same training with resume
 * continues exactly as an uninterrupted run would have.
 */
public final class TrainingStoppedException extends RuntimeException {

    private final int step;
    private final int totalSteps;
    private final Path checkpoint;

    /**
     * @param step       the steps completed
     * @param totalSteps the steps the run was asked for
     * @param checkpoint where step {@code step} was saved, or null when training had no checkpoint path
     */
    public TrainingStoppedException(int step, int totalSteps, Path checkpoint) {
        super("training stopped after step " + step + " of " + totalSteps
                + (checkpoint == null ? " (no checkpoint was written)" : "; checkpoint " + checkpoint));
        this.step = step;
        this.totalSteps = totalSteps;
        this.checkpoint = checkpoint;
    }

    /** The steps completed (and saved, with a checkpoint path). */
    public int step() {
        return step;
    }

    /** The steps the run was asked for. */
    public int totalSteps() {
        return totalSteps;
    }

    /** Where the completed steps were saved, or null. */
    public Path checkpoint() {
        return checkpoint;
    }
}

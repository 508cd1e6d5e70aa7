package dev.nashforge.host.meta.train;

/**
 * Training stopped because the loss, the gradient or the parameters became non-finite, or the loss diverged. The
 * message names the step, what went wrong and where the last good checkpoint is.
 */
public final class TrainingDivergedException extends RuntimeException {

    private final int step;

    public TrainingDivergedException(int step, String message) {
        super(message);
        this.step = step;
    }

    /** The step at which training stopped (its update was not applied). */
    public int step() {
        return step;
    }
}

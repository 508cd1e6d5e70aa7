package dev.nashforge.host.meta.train;

/** Receives training progress (for example to draw a progress bar). Called on the training thread. */
@FunctionalInterface
public interface TrainingProgress {

    /**
     * @param step           optimizer steps done
     * @param totalSteps     steps of the run
     * @param loss           mean meta-loss of this step's minibatch
     * @param heldOutNashGap median NashGap of the average profile after T iterations over the held-out games,
     *                       NaN at steps without an evaluation
     */
    void onStep(int step, int totalSteps, double loss, double heldOutNashGap);

    /** Ignores everything. */
    static TrainingProgress none() {
        return (step, totalSteps, loss, gap) -> { };
    }
}

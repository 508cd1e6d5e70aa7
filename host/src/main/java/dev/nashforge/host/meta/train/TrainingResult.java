package dev.nashforge.host.meta.train;

import dev.nashforge.host.meta.model.NpcfrModel;

/**
 * Outcome of a meta-training run.
 *
 * @param model             the trained model (weights after the last step)
 * @param finalLoss         mean meta-loss of the last minibatch (NaN if no step ran)
 * @param heldOutNashGap    median NashGap after T iterations over the held-out games at the end
 * @param elapsedMillis     wall-clock time of this call
 * @param bytesPerIteration memory of one unrolled iteration of one game (reverse-mode record)
 */
public record TrainingResult(NpcfrModel model, double finalLoss, double heldOutNashGap, long elapsedMillis,
                             long bytesPerIteration) {
}

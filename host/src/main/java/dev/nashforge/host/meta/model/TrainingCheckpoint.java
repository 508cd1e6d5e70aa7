package dev.nashforge.host.meta.model;

import dev.nashforge.host.meta.train.TrainingConfig;

/**
 * The resumable state of a meta-training run after {@code step} optimizer steps: the configuration, the network
 * parameters and Adam's moments. Minibatches are a pure function of (seed, step), so nothing else is needed to
 * continue bit-identically. Arrays are copied on construction and on access.
 *
 * @param config      the run's configuration
 * @param step        optimizer steps done
 * @param parameters  network weights
 * @param firstMoment Adam's first moments
 * @param secondMoment Adam's second moments
 * @param adamStep    Adam's step count
 */
public record TrainingCheckpoint(TrainingConfig config, int step, double[] parameters, double[] firstMoment,
                                 double[] secondMoment, long adamStep) {

    public TrainingCheckpoint {
        if (config == null || parameters == null || firstMoment == null || secondMoment == null) {
            throw new IllegalArgumentException("training checkpoint: config, parameters and moments are required");
        }
        if (firstMoment.length != parameters.length || secondMoment.length != parameters.length) {
            throw new IllegalArgumentException("training checkpoint: " + parameters.length + " parameters but "
                    + firstMoment.length + "/" + secondMoment.length + " Adam moments");
        }
        parameters = parameters.clone();
        firstMoment = firstMoment.clone();
        secondMoment = secondMoment.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] firstMoment() {
        return firstMoment.clone();
    }

    @Override
    public double[] secondMoment() {
        return secondMoment.clone();
    }
}

package dev.nashforge.host.meta.model;

import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.TrainingConfig;

/**
 * A trained NPCFR / NPCFR+ predictor: the network's architecture and weights, the solver it was trained for, and
 * the training configuration (distribution, seed, hyper-parameters) with the number of steps actually done.
 * Immutable; {@link #parameters()} returns a copy.
 *
 * @param architecture   the network
 * @param variant        NPCFR or NPCFR+
 * @param averaging      averaging weights the solver uses
 * @param training       how the weights were trained
 * @param trainedSteps   optimizer steps done
 * @param parameters     {@code [parameterCount]} the weights
 */
public record NpcfrModel(PredictorArchitecture architecture, SolverVariant variant, AveragingWeights averaging,
                         TrainingConfig training, int trainedSteps, double[] parameters) {

    public NpcfrModel {
        if (architecture == null || variant == null || averaging == null || training == null || parameters == null) {
            throw new IllegalArgumentException("NpcfrModel: architecture, variant, averaging, training and parameters"
                    + " are required");
        }
        int expected = new PredictorNetwork(architecture).parameterCount();
        if (parameters.length != expected) {
            throw new IllegalArgumentException("NpcfrModel: " + architecture + " has " + expected + " parameters, got "
                    + parameters.length);
        }
        parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The network of this model. */
    public PredictorNetwork network() {
        return new PredictorNetwork(architecture);
    }
}

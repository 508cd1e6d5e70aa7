package dev.nashforge.host.meta.nn;

/**
 * The shape of the predictor network (method.md §5): a {@link CellKind} with {@code hiddenSize} units applied
 * per (infoset, action) to the {@value PredictorFeatures#COUNT} features of {@link PredictorFeatures}, a linear
 * head {@code o = w_h · h + w_φ · φ + b} and the bounded output {@code m = B_I tanh(o)}. Immutable.
 *
 * @param cell             GRU or MLP
 * @param hiddenSize       units per layer, 1..256
 * @param iterationFeature the iteration feature
 */
public record PredictorArchitecture(CellKind cell, int hiddenSize, IterationFeature iterationFeature) {

    public PredictorArchitecture {
        if (cell == null || iterationFeature == null) {
            throw new IllegalArgumentException("predictor architecture: cell and iterationFeature are required");
        }
        if (hiddenSize < 1 || hiddenSize > 256) {
            throw new IllegalArgumentException("predictor architecture: hiddenSize " + hiddenSize
                    + " is out of range; allowed 1..256");
        }
    }

    /** The default recurrent predictor: a GRU with 32 units and the {@code 1/√t} iteration feature. */
    public static PredictorArchitecture gru(int hiddenSize) {
        return new PredictorArchitecture(CellKind.GRU, hiddenSize, IterationFeature.INV_SQRT_T);
    }

    /** A stateless MLP predictor with {@code hiddenSize} units per layer and the {@code 1/√t} feature. */
    public static PredictorArchitecture mlp(int hiddenSize) {
        return new PredictorArchitecture(CellKind.MLP, hiddenSize, IterationFeature.INV_SQRT_T);
    }

    /** The cell implementing this architecture. */
    public PredictorCell newCell() {
        return switch (cell) {
            case GRU -> new GruCell(PredictorFeatures.COUNT, hiddenSize);
            case MLP -> new MlpCell(PredictorFeatures.COUNT, hiddenSize);
        };
    }
}

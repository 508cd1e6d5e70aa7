package dev.nashforge.host.meta.nn;

/**
 * What one forward call of {@link PredictorNetwork} on one instance records for its backward pass, plus the
 * scratch the backward pass needs: features {@code [sequence][F]}, the cell's tape {@code [sequence][tapeSize]},
 * and {@code tanh(o)} {@code [sequence]}. Not thread-safe; owned by one solver.
 */
public final class NetworkTape {

    final double[] features;
    final double[] cellTape;
    final double[] output;
    final double[] squashed;
    final double[] featuresBar;
    final double[] outputBar;

    NetworkTape(int rows, int tapeSize) {
        this.features = new double[rows * PredictorFeatures.COUNT];
        this.cellTape = new double[rows * tapeSize];
        this.output = new double[rows];
        this.squashed = new double[rows];
        this.featuresBar = new double[rows * PredictorFeatures.COUNT];
        this.outputBar = new double[rows];
    }

    /** Bytes held by this tape. */
    public long bytes() {
        return 8L * (features.length + cellTape.length + output.length + squashed.length + featuresBar.length
                + outputBar.length);
    }
}

package dev.nashforge.host.meta.nn;

/** The iteration feature given to the network at iteration t ≥ 1. */
public enum IterationFeature {
    /** {@code ln t}: unbounded; an evaluation far beyond the training horizon extrapolates it. */
    LOG_T,
    /** {@code 1/√t}: in (0, 1], tends to 0, so long evaluations stay near the trained range. */
    INV_SQRT_T,
    /** No iteration feature (the entry is 0): the predictor is the same function at every iteration. */
    NONE;

    /** The feature's value at iteration {@code t}. */
    public double value(int t) {
        return switch (this) {
            case LOG_T -> Math.log(t);
            case INV_SQRT_T -> 1.0 / Math.sqrt(t);
            case NONE -> 0.0;
        };
    }
}

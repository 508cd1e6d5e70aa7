package dev.nashforge.host.meta.train;

/**
 * The update rule of meta-training; both clip the gradient to the configured global norm first.
 */
public enum Optimizer {
    /** {@link Adam} (the default): per-weight steps of about the learning rate, whatever the gradient's size. */
    ADAM,
    /**
     * Plain gradient descent {@code θ ← θ − lr · clip(g)}: the step is proportional to the gradient, so weights
     * whose estimated gradient is noise around zero barely move. Meant for {@link EvolutionStrategies}, whose
     * estimates are noisy: Adam normalizes each coordinate and moves every weight by about the learning rate.
     */
    SGD;

    /**
     * Clips {@code gradient} in place to the global norm {@code clipNorm} (≤ 0: no clipping) and applies
     * {@code θ ← θ − lr · g} to {@code params}.
     *
     * @return the gradient norm before clipping
     */
    static double sgdStep(double[] params, double[] gradient, double learningRate, double clipNorm) {
        double norm = clipInPlace(gradient, clipNorm);
        for (int k = 0; k < params.length; k++) {
            params[k] -= learningRate * gradient[k];
        }
        return norm;
    }

    /**
     * Scales {@code gradient} in place down to the Euclidean norm {@code clipNorm} when it exceeds it (≤ 0: no
     * clipping); the rule both optimizers apply first.
     *
     * @return the gradient norm before clipping
     */
    static double clipInPlace(double[] gradient, double clipNorm) {
        double norm = 0;
        for (double g : gradient) {
            norm += g * g;
        }
        norm = Math.sqrt(norm);
        if (clipNorm > 0 && norm > clipNorm) {
            double scale = clipNorm / norm;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] *= scale;
            }
        }
        return norm;
    }
}

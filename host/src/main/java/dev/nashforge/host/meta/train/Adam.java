package dev.nashforge.host.meta.train;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction and global-norm gradient clipping. The state (first and second
 * moments, step count) is exposed for checkpoints. Not thread-safe.
 */
public final class Adam {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double clipNorm;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private long step;

    /**
     * @param clipNorm gradients whose Euclidean norm exceeds it are scaled down to it (≤ 0 disables clipping)
     */
    public Adam(int parameters, double learningRate, double clipNorm) {
        this(learningRate, 0.9, 0.999, 1e-8, clipNorm, new double[parameters], new double[parameters], 0);
    }

    Adam(double learningRate, double beta1, double beta2, double epsilon, double clipNorm, double[] firstMoment,
         double[] secondMoment, long step) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adam: learning rate must be positive and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.clipNorm = clipNorm;
        this.firstMoment = firstMoment;
        this.secondMoment = secondMoment;
        this.step = step;
    }

    /** Restores a checkpointed state (arrays are copied). */
    public static Adam restore(double learningRate, double clipNorm, double[] firstMoment, double[] secondMoment,
                               long step) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, clipNorm, firstMoment.clone(), secondMoment.clone(), step);
    }

    /**
     * Clips {@code gradient} in place and applies one update to {@code params}.
     *
     * @return the gradient norm before clipping
     */
    public double update(double[] params, double[] gradient) {
        double norm = Optimizer.clipInPlace(gradient, clipNorm);
        step++;
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        for (int k = 0; k < params.length; k++) {
            double g = gradient[k];
            firstMoment[k] = beta1 * firstMoment[k] + (1 - beta1) * g;
            secondMoment[k] = beta2 * secondMoment[k] + (1 - beta2) * g * g;
            double mHat = firstMoment[k] / c1;
            double vHat = secondMoment[k] / c2;
            params[k] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
        }
        return norm;
    }

    public double[] firstMoment() {
        return firstMoment.clone();
    }

    public double[] secondMoment() {
        return secondMoment.clone();
    }

    public long step() {
        return step;
    }
}

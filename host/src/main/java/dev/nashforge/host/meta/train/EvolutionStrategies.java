package dev.nashforge.host.meta.train;

import java.util.SplittableRandom;

/**
 * Antithetic evolution strategies (Salimans et al. 2017): an estimate of the gradient of the Gaussian-smoothed
 * meta-loss {@code L_σ(θ) = E_{ε∼N(0,I)} L(θ + σε)},
 * <pre>  ĝ = (1 / (2σK)) Σ_{k=1..K} (L(θ + σε_k) − L(θ − σε_k)) ε_k  </pre>
 * from K pairs of forward-only runs on the same games (common random numbers). Used instead of reverse mode when
 * the unrolled loss is too rough to differentiate: the meta-gradient of regret matching through hundreds of
 * iterations grows exponentially with the horizon (the kinks of {@code [·]⁺} make the dynamics chaotic; measured
 * in the meta package doc), while the smoothed loss stays well behaved (Metz et al. 2021, "Gradients are not all
 * you need"). Each run is a whole trajectory under the perturbed weights, warm-up included, so nothing is truncated.
 * Immutable.
 *
 * @param sigma    standard deviation σ of the perturbations (weights are O(1))
 * @param pairs    K, antithetic pairs per optimizer step
 * @param headOnly perturb (and so train) only the network's output head {@code w_h, w_φ, b_o}
 *                 ({@code PredictorNetwork#headParameterCount()}): H + F + 1 weights instead of all, so K pairs
 *                 estimate the gradient far better; the rest of the network keeps its initial weights
 */
public record EvolutionStrategies(double sigma, int pairs, boolean headOnly) {

    /** Perturbs every weight. */
    public EvolutionStrategies(double sigma, int pairs) {
        this(sigma, pairs, false);
    }

    public EvolutionStrategies {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("evolution strategies: sigma must be positive and finite, got " + sigma);
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("evolution strategies: pairs must be at least 1, got " + pairs);
        }
    }

    /** {@code [dim]} the direction ε_k of the step whose minibatch seed is {@code stepSeed}: i.i.d. N(0, 1). */
    public double[] direction(long stepSeed, int k, int dim) {
        return direction(stepSeed, k, dim, 0);
    }

    /**
     * {@code [dim]} the direction ε_k restricted to the indices {@code from..dim−1} (0 before them): i.i.d. N(0, 1)
     * there, the same values as {@link #direction(long, int, int)} would draw for a vector of {@code dim − from}.
     */
    public double[] direction(long stepSeed, int k, int dim, int from) {
        long z = stepSeed + 0xD1B54A32D192ED03L * (k + 1L);
        z = (z ^ (z >>> 32)) * 0xDABA0B6EB09322E3L;
        z = (z ^ (z >>> 32)) * 0xDABA0B6EB09322E3L;
        SplittableRandom random = new SplittableRandom(z ^ (z >>> 32));
        double[] e = new double[dim];
        for (int i = from; i < dim; i++) {
            e[i] = random.nextGaussian();
        }
        return e;
    }

    /** {@code θ + sign · σ · ε} (a new array). */
    public double[] perturb(double[] theta, double[] direction, int sign) {
        double[] p = new double[theta.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = theta[i] + sign * sigma * direction[i];
        }
        return p;
    }

    /**
     * Adds the estimate to {@code grad}: {@code lossPlus[k]} and {@code lossMinus[k]} are the minibatch's mean losses
     * at {@code θ ± σε_k}, {@code directions[k]} the ε_k.
     */
    public void accumulate(double[][] directions, double[] lossPlus, double[] lossMinus, double[] grad) {
        for (int k = 0; k < pairs; k++) {
            double c = (lossPlus[k] - lossMinus[k]) / (2 * sigma * pairs);
            double[] e = directions[k];
            for (int i = 0; i < grad.length; i++) {
                grad[i] += c * e[i];
            }
        }
    }
}

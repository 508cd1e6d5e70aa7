package dev.nashforge.host.meta;

/**
 * The meta-loss of one sampled game (method.md §5):
 * {@code Σ_{t=1}^{T} λ_t · (correlation · TC_t + nashGap · NashGap_t + cceGap · CCEGap_t)}, where TC_t is the
 * total correlation of the joint play after t iterations, NashGap_t the NashGap of the average profile and
 * CCEGap_t the CCEGap of the joint play (all with the solver's averaging weights), λ from {@link #schedule()}.
 * Immutable.
 *
 * @param correlation coefficient of TC_t (default 1)
 * @param nashGap     coefficient of NashGap_t (default 0; differentiable almost everywhere)
 * @param cceGap      coefficient of CCEGap_t (default 0; needs the opponent terminal weights, N·Z more per
 *                    iteration)
 * @param schedule    λ_t
 * @param logarithmic the game's loss is the logarithm of the weighted sum (default false)
 */
public record MetaLoss(double correlation, double nashGap, double cceGap, LossSchedule schedule,
                       boolean logarithmic) {

    /** Floor ε inside the logarithm of a {@link #logarithmic()} loss (keeps a loss of exactly 0 finite). */
    public static final double LOG_FLOOR = 1e-12;

    /** A loss on the linear scale. */
    public MetaLoss(double correlation, double nashGap, double cceGap, LossSchedule schedule) {
        this(correlation, nashGap, cceGap, schedule, false);
    }

    public MetaLoss {
        if (!(correlation >= 0) || !(nashGap >= 0) || !(cceGap >= 0) || Double.isInfinite(correlation)
                || Double.isInfinite(nashGap) || Double.isInfinite(cceGap)) {
            throw new IllegalArgumentException("meta-loss coefficients must be finite and non-negative; got"
                    + " correlation=" + correlation + ", nashGap=" + nashGap + ", cceGap=" + cceGap);
        }
        if (correlation + nashGap + cceGap == 0) {
            throw new IllegalArgumentException("meta-loss: at least one of correlation, nashGap, cceGap must be"
                    + " positive");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("meta-loss: schedule is required");
        }
    }

    /** The loss of one game from the weighted sum {@code Σ_t λ_t (…)}: the sum itself, or its logarithm. */
    public double finish(double weightedSum) {
        return logarithmic ? Math.log(LOG_FLOOR + weightedSum) : weightedSum;
    }

    /** The derivative of {@link #finish} at {@code weightedSum}: the factor on every term's adjoint. */
    public double finishDerivative(double weightedSum) {
        return logarithmic ? 1.0 / (LOG_FLOOR + weightedSum) : 1.0;
    }

    /** The default: mean total correlation over all iterations. */
    public static MetaLoss totalCorrelation() {
        return new MetaLoss(1, 0, 0, LossSchedule.UNIFORM);
    }
}

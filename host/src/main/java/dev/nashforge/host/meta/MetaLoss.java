package dev.nashforge.host.meta;

/**
 * The meta-loss of one sampled game (method.md §5):
 * {@code Σ_{t=1}^{T} λ_t · (correlation · TC_t + nashGap · NashGap_t + cceGap · CCEGap_t
 * + lastIterateNashGap · NashGap(x^t))}, where TC_t is the total correlation of the joint play after t
 * iterations, NashGap_t the NashGap of the average profile, CCEGap_t the CCEGap of the joint play (all with the
 * solver's averaging weights), NashGap(x^t) the NashGap of iteration t's own profile (the last iterate), λ from
 * {@link #schedule()}. Immutable.
 *
 * <p>The last-iterate term is a local signal for the late phase: if the iterates converge, the regret guarantee
 * (bounded predictions) makes their limit a Nash equilibrium and the averages follow it, uncorrelated; and unlike
 * the averages, whose NashGap and total correlation hardly move within a short window after a long warm-up, the
 * last iterate responds to the predictions of the window itself.
 *
 * @param correlation        coefficient of TC_t (default 1)
 * @param nashGap            coefficient of NashGap_t (default 0; differentiable almost everywhere)
 * @param cceGap             coefficient of CCEGap_t (default 0; needs the opponent terminal weights, N·Z more per
 *                           iteration)
 * @param schedule           λ_t
 * @param logarithmic        the game's loss is the logarithm of the weighted sum (default false)
 * @param lastIterateNashGap coefficient of NashGap(x^t) (default 0; differentiable almost everywhere)
 */
public record MetaLoss(double correlation, double nashGap, double cceGap, LossSchedule schedule,
                       boolean logarithmic, double lastIterateNashGap) {

    /** Floor ε inside the logarithm of a {@link #logarithmic()} loss (keeps a loss of exactly 0 finite). */
    public static final double LOG_FLOOR = 1e-12;

    /** A loss on the linear scale. */
    public MetaLoss(double correlation, double nashGap, double cceGap, LossSchedule schedule) {
        this(correlation, nashGap, cceGap, schedule, false);
    }

    /** A loss without the last-iterate term. */
    public MetaLoss(double correlation, double nashGap, double cceGap, LossSchedule schedule, boolean logarithmic) {
        this(correlation, nashGap, cceGap, schedule, logarithmic, 0);
    }

    public MetaLoss {
        if (!(correlation >= 0) || !(nashGap >= 0) || !(cceGap >= 0) || !(lastIterateNashGap >= 0)
                || Double.isInfinite(correlation) || Double.isInfinite(nashGap) || Double.isInfinite(cceGap)
                || Double.isInfinite(lastIterateNashGap)) {
            throw new IllegalArgumentException("meta-loss coefficients must be finite and non-negative; got"
                    + " correlation=" + correlation + ", nashGap=" + nashGap + ", cceGap=" + cceGap
                    + ", lastIterateNashGap=" + lastIterateNashGap);
        }
        if (correlation + nashGap + cceGap + lastIterateNashGap == 0) {
            throw new IllegalArgumentException("meta-loss: at least one of correlation, nashGap, cceGap,"
                    + " lastIterateNashGap must be positive");
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

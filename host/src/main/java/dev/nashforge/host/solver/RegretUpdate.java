package dev.nashforge.host.solver;

/**
 * The cumulative-regret update of the regret-minimizer family (method.md §3), applied per sequence of the
 * updated player with r the instantaneous regret of iteration t:
 * <ul>
 *   <li>{@link Kind#SUM} (CFR / RM): R ← R + r;</li>
 *   <li>{@link Kind#PLUS} (CFR+, PCFR+ / RM+, PRM+): R ← [R + r]⁺;</li>
 *   <li>{@link Kind#LINEAR} (LCFR): R ← R + t·r;</li>
 *   <li>{@link Kind#DISCOUNTED} (DCFR(α, β, ·), Brown &amp; Sandholm 2019): R ← R + r, then R ≥ 0 is scaled by
 *       t^α/(t^α+1) and R &lt; 0 by t^β/(t^β+1) (OpenSpiel's {@code discounted_cfr.py} order).</li>
 * </ul>
 * The discount factors are computed once per call in double on the host ({@link #positiveDiscount(int)},
 * {@link #negativeDiscount(int)}) and passed to the backend kernels as scalars.
 *
 * @param kind  the rule
 * @param alpha DCFR's α (0 for the other kinds)
 * @param beta  DCFR's β (0 for the other kinds)
 */
public record RegretUpdate(Kind kind, double alpha, double beta) {

    /** The update rules. */
    public enum Kind { SUM, PLUS, LINEAR, DISCOUNTED }

    public RegretUpdate {
        if (kind == null) {
            throw new IllegalArgumentException("regret update kind is null");
        }
        if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("DCFR exponents must be finite, got alpha=" + alpha + ", beta=" + beta);
        }
        if (kind != Kind.DISCOUNTED && (alpha != 0 || beta != 0)) {
            throw new IllegalArgumentException("alpha and beta apply only to the DISCOUNTED regret update, not to "
                    + kind + " (got alpha=" + alpha + ", beta=" + beta + ")");
        }
    }

    /** R ← R + r. */
    public static RegretUpdate sum() {
        return new RegretUpdate(Kind.SUM, 0, 0);
    }

    /** R ← [R + r]⁺. */
    public static RegretUpdate plus() {
        return new RegretUpdate(Kind.PLUS, 0, 0);
    }

    /** R ← R + t·r. */
    public static RegretUpdate linear() {
        return new RegretUpdate(Kind.LINEAR, 0, 0);
    }

    /** R ← R + r, then discounted by t^α/(t^α+1) where positive and t^β/(t^β+1) where negative. */
    public static RegretUpdate discounted(double alpha, double beta) {
        return new RegretUpdate(Kind.DISCOUNTED, alpha, beta);
    }

    /** Factor applied to the instantaneous regret of iteration {@code t}: t for LINEAR, else 1. */
    public double regretWeight(int t) {
        return kind == Kind.LINEAR ? t : 1.0;
    }

    /** Scale of non-negative cumulative regrets after iteration {@code t}: t^α/(t^α+1) for DISCOUNTED, else 1. */
    public double positiveDiscount(int t) {
        if (kind != Kind.DISCOUNTED) {
            return 1.0;
        }
        double ta = Math.pow(t, alpha);
        return ta / (ta + 1);
    }

    /** Scale of negative cumulative regrets after iteration {@code t}: t^β/(t^β+1) for DISCOUNTED, else 1. */
    public double negativeDiscount(int t) {
        if (kind != Kind.DISCOUNTED) {
            return 1.0;
        }
        double tb = Math.pow(t, beta);
        return tb / (tb + 1);
    }

    /** E.g. {@code R <- [R + r]+}. */
    public String describe() {
        return switch (kind) {
            case SUM -> "R <- R + r";
            case PLUS -> "R <- [R + r]+";
            case LINEAR -> "R <- R + t*r";
            case DISCOUNTED -> "R <- R + r; R>=0 *= t^" + alpha + "/(t^" + alpha + "+1), R<0 *= t^" + beta + "/(t^"
                    + beta + "+1)";
        };
    }
}

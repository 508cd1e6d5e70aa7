package dev.nashforge.host.metrics;

/**
 * One terminal's term of the total correlation {@code KL(p_μ ‖ p_ν)} (method.md §4) in the form both evaluators
 * use, {@code p_μ · φ(p_ν/p_μ − 1)} with {@code φ(d) = d − ln(1+d) ≥ 0} (equal to
 * {@code p_μ ln(p_μ/p_ν) − p_μ + p_ν}), finite for every representable pair: a Taylor series keeps small
 * correlations accurate, and where {@code d = (p_ν − p_μ)/p_μ} does not exist in double precision — it rounds to
 * −1 (p_ν/p_μ below about 1e-16, as on three-player Leduc after a thousand iterations with p_ν/p_μ ≈ 8e-18, where
 * φ would be ln 0), overflows (a subnormal {@code p_μ}), or {@code p_ν} underflowed to 0 although no factor of it
 * is 0 — the term is formed from logarithms instead. Wherever the φ form is finite it is used exactly as before,
 * so results (and trained models) are bit for bit those of earlier versions. Stateless.
 */
public final class KlTerm {

    private KlTerm() {
    }

    /**
     * The term of one terminal.
     *
     * @param pMu   p_μ(z) ≥ 0
     * @param pNu   p_ν(z) ≥ 0
     * @param logNu ln p_ν(z) from its factors, used only when {@code pNu} is 0 although {@code pMu} is not (it
     *              underflowed); any value otherwise
     */
    public static double of(double pMu, double pNu, double logNu) {
        if (pMu <= 0) {
            return pNu; // the limit of p_μ·φ(p_ν/p_μ − 1) as p_μ → 0
        }
        if (pNu > 0) {
            // the form every earlier version used, kept bit for bit wherever it is finite (trained models
            // reproduce): d = (p_ν − p_μ)/p_μ rounds to −1 only for p_ν/p_μ below about 1e-16, and overflows only
            // for a subnormal p_μ
            double d = (pNu - pMu) / pMu;
            if (d > -1 && d < Double.POSITIVE_INFINITY) {
                return pMu * phi(d);
            }
        }
        double ln = pNu > 0 ? Math.log(pNu) : logNu;
        return Math.max(0, pNu - pMu - pMu * (ln - Math.log(pMu)));
    }

    /** φ(d) = d − ln(1+d) for d &gt; −1: non-negative, ~ d²/2 near 0 (Taylor series where |d| &lt; 1e-3). */
    static double phi(double d) {
        if (Math.abs(d) < 1e-3) {
            // d²/2 − d³/3 + d⁴/4 − d⁵/5 + d⁶/6; the first omitted term, d⁷/7, is below 2e-16 · d²/2.
            return d * d * (0.5 + d * (-1.0 / 3 + d * (0.25 + d * (-0.2 + d / 6))));
        }
        return Math.max(0, d - Math.log1p(d));
    }
}

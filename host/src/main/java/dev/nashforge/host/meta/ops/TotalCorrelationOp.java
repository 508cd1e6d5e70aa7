package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.metrics.KlTerm;

/**
 * Total correlation of the joint play (method.md §4), {@code TC = KL(p_μ ‖ p_ν)} with {@code p_μ(z) = c(z) J(z)}
 * and {@code p_ν(z) = c(z) Π_i x̄_i[s_i(z)]}, evaluated like {@code ExactEvaluator#totalCorrelation} as
 * {@code Σ_z p_μ(z) φ(p_ν(z)/p_μ(z) − 1)}, {@code φ(d) = d − ln(1+d)} ({@link KlTerm}, equal to
 * {@code Σ_z p_μ ln(p_μ/p_ν) − p_μ + p_ν}, the two distributions having equal mass).
 *
 * <p>Derivatives: {@code ∂TC/∂J(z) = c(z) ln(J(z)/P(z))}, {@code ∂TC/∂P(z) = c(z) (1 − J(z)/P(z))} with
 * {@code P = Π_i x̄_i[s_i(z)]}. A terminal with {@code J(z) = 0} contributes {@code p_ν(z)} and only the
 * derivative in P (the one in J is −∞ there; it does not occur when the first iterate has full support, as the
 * uniform first iterate of the unrolled solver has). Stateless and thread-safe.
 */
public final class TotalCorrelationOp {

    private TotalCorrelationOp() {
    }

    /** TC of {@code joint} {@code [terminal]} and {@code average} {@code [sequence]} plans. */
    public static double forward(MetaLayout layout, double[] chance, double[] average, double[] joint) {
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        double tc = 0;
        for (int z = 0; z < numZ; z++) {
            double c = chance[z];
            if (c == 0) {
                continue;
            }
            double p = average[termSeq[z]];
            for (int j = 1; j < n; j++) {
                p *= average[termSeq[j * numZ + z]];
            }
            double pNu = c * p;
            double pMu = c * joint[z];
            double logNu = Double.NaN;
            if (pMu > 0 && pNu <= 0) {
                logNu = Math.log(c);
                for (int j = 0; j < n; j++) {
                    logNu += Math.log(average[termSeq[j * numZ + z]]);
                }
            }
            tc += KlTerm.of(pMu, pNu, logNu);
        }
        return tc;
    }

    /** Adds {@code weight · ∂TC} to {@code averageBar} {@code [sequence]} and {@code jointBar} {@code [terminal]}. */
    public static void backward(MetaLayout layout, double weight, double[] chance, double[] average, double[] joint,
                                double[] averageBar, double[] jointBar) {
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        for (int z = 0; z < numZ; z++) {
            double c = chance[z];
            if (c == 0) {
                continue;
            }
            double p = average[termSeq[z]];
            for (int j = 1; j < n; j++) {
                p *= average[termSeq[j * numZ + z]];
            }
            double pBar;
            if (joint[z] > 0 && p > 0) {
                double ratio = joint[z] / p;
                // ln(J/P) as every earlier version computed it wherever J/P exists (trained models reproduce)
                double logRatio = ratio > 0 && ratio < Double.POSITIVE_INFINITY ? Math.log(ratio)
                        : Math.log(joint[z]) - Math.log(p);
                jointBar[z] += weight * c * logRatio;
                pBar = weight * c * (1 - joint[z] / p);
            } else {
                pBar = weight * c;
            }
            for (int j = 0; j < n; j++) {
                averageBar[termSeq[j * numZ + z]] += pBar
                        * JointAverageOp.productExcept(average, termSeq, numZ, n, z, j, -1);
            }
        }
    }

}

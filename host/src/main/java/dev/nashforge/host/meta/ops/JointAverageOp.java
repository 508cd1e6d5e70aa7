package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * The running averages of the weighted empirical joint play (method.md §4), updated with factor
 * {@code f = w_t / W_t} exactly as {@code dev.nashforge.host.metrics.JointPlay#add} does:
 * <ul>
 *   <li>average plans {@code x̄_t = x̄_{t−1} + f (x^t − x̄_{t−1})}, {@code [sequence]};</li>
 *   <li>joint terminal weights {@code J_t(z) = J_{t−1}(z) + f (Π_j x_j^t[s_j(z)] − J_{t−1}(z))},
 *       {@code [terminal]} (product left to right over players);</li>
 *   <li>optionally opponent terminal weights {@code y_{i,t}(z)} with {@code Π_{j≠i}} instead,
 *       {@code [player * numTerminals + terminal]} (needed only by the CCEGap term).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class JointAverageOp {

    private JointAverageOp() {
    }

    /**
     * Writes the new averages; {@code opponentPrev}/{@code opponentNext} may be null to skip y.
     */
    public static void forward(MetaLayout layout, double f, double[] plan, double[] averagePrev,
                               double[] averageNext, double[] jointPrev, double[] jointNext,
                               double[] opponentPrev, double[] opponentNext) {
        for (int s = 0; s < averageNext.length; s++) {
            averageNext[s] = averagePrev[s] + f * (plan[s] - averagePrev[s]);
        }
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        for (int z = 0; z < numZ; z++) {
            double p = plan[termSeq[z]];
            for (int j = 1; j < n; j++) {
                p *= plan[termSeq[j * numZ + z]];
            }
            jointNext[z] = jointPrev[z] + f * (p - jointPrev[z]);
            if (opponentNext != null) {
                for (int i = 0; i < n; i++) {
                    double o = productExcept(plan, termSeq, numZ, n, z, i, -1);
                    int k = i * numZ + z;
                    opponentNext[k] = opponentPrev[k] + f * (o - opponentPrev[k]);
                }
            }
        }
    }

    /**
     * Adjoint: given {@code averageNextBar}, {@code jointNextBar}, {@code opponentNextBar} (null to skip),
     * writes {@code averagePrevBar = (1−f)·averageNextBar}, likewise for J and y, and adds
     * {@code planBar += ∂L/∂x^t}.
     */
    public static void backward(MetaLayout layout, double f, double[] plan, double[] averageNextBar,
                                double[] jointNextBar, double[] opponentNextBar, double[] averagePrevBar,
                                double[] jointPrevBar, double[] opponentPrevBar, double[] planBar) {
        double keep = 1 - f;
        for (int s = 0; s < averageNextBar.length; s++) {
            planBar[s] += f * averageNextBar[s];
            averagePrevBar[s] = keep * averageNextBar[s];
        }
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        for (int z = 0; z < numZ; z++) {
            double g = f * jointNextBar[z];
            jointPrevBar[z] = keep * jointNextBar[z];
            if (g != 0) {
                for (int j = 0; j < n; j++) {
                    planBar[termSeq[j * numZ + z]] += g * productExcept(plan, termSeq, numZ, n, z, j, -1);
                }
            }
            if (opponentNextBar != null) {
                for (int i = 0; i < n; i++) {
                    int k = i * numZ + z;
                    double h = f * opponentNextBar[k];
                    opponentPrevBar[k] = keep * opponentNextBar[k];
                    if (h == 0) {
                        continue;
                    }
                    for (int j = 0; j < n; j++) {
                        if (j != i) {
                            planBar[termSeq[j * numZ + z]] += h * productExcept(plan, termSeq, numZ, n, z, i, j);
                        }
                    }
                }
            }
        }
    }

    /** {@code Π_{j ∉ {skip1, skip2}} plan[s_j(z)]}, left to right (1 when empty). */
    static double productExcept(double[] plan, int[] termSeq, int numZ, int n, int z, int skip1, int skip2) {
        double p = 1;
        for (int j = 0; j < n; j++) {
            if (j != skip1 && j != skip2) {
                p *= plan[termSeq[j * numZ + z]];
            }
        }
        return p;
    }
}

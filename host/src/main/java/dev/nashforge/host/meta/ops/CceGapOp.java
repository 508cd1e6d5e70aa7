package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * CCEGap of the joint play (method.md §4), normalized by the total weight:
 * {@code Σ_i [max_{x'_i} Σ_z c(z) u_i(z) x'_i[s_i(z)] y_i(z) − Σ_z c(z) u_i(z) J(z)]}, from the running opponent
 * weights {@code y} {@code [player * numTerminals + terminal]} and joint weights {@code J} {@code [terminal]}.
 * Adjoint: {@code ∂/∂y_i(z) = c(z) u_i(z) x^BR_i[s_i(z)]}, {@code ∂/∂J(z) = −c(z) Σ_i u_i(z)}. Not thread-safe
 * (scratch arrays).
 */
public final class CceGapOp {

    private final MetaLayout layout;
    private final double[] values;
    private final double[] scratch;
    private final double[] bestPlan;

    public CceGapOp(MetaLayout layout) {
        this.layout = layout;
        int s = layout.numSequences();
        this.values = new double[s];
        this.scratch = new double[s];
        this.bestPlan = new double[s];
    }

    /** The CCEGap. */
    public double forward(double[] chance, double[] utility, double[] opponent, double[] joint, KinkMonitor kinks) {
        opponentValues(chance, utility, opponent);
        int numZ = layout.numTerminals();
        double gap = 0;
        for (int i = 0; i < layout.numPlayers(); i++) {
            gap += BestResponseOp.forward(layout, i, values, scratch, null, kinks);
            for (int z = 0; z < numZ; z++) {
                gap -= chance[z] * utility[i * numZ + z] * joint[z];
            }
        }
        return gap;
    }

    /** Adds {@code weight · ∂CCEGap} to {@code opponentBar} and {@code jointBar}. */
    public void backward(double weight, double[] chance, double[] utility, double[] opponent, double[] opponentBar,
                         double[] jointBar) {
        opponentValues(chance, utility, opponent);
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        for (int i = 0; i < layout.numPlayers(); i++) {
            BestResponseOp.forward(layout, i, values, scratch, bestPlan, null);
            for (int z = 0; z < numZ; z++) {
                double cu = chance[z] * utility[i * numZ + z];
                opponentBar[i * numZ + z] += weight * cu * bestPlan[termSeq[i * numZ + z]];
                jointBar[z] -= weight * cu;
            }
        }
    }

    private void opponentValues(double[] chance, double[] utility, double[] opponent) {
        int numZ = layout.numTerminals();
        for (int i = 0; i < layout.numPlayers(); i++) {
            int[] order = layout.terminalsBySequence(i);
            int[] start = layout.sequenceTerminalStart(i);
            int so = layout.sequenceOffset()[i];
            for (int s = 0; s < start.length - 1; s++) {
                double sum = 0;
                for (int k = start[s]; k < start[s + 1]; k++) {
                    int z = order[k];
                    sum += chance[z] * utility[i * numZ + z] * opponent[i * numZ + z];
                }
                values[so + s] = sum;
            }
        }
    }
}

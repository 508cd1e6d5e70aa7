package dev.nashforge.host.backend;

import java.util.function.DoubleUnaryOperator;

/**
 * The accumulated terminal weights of the weighted empirical joint play μ = Σ_t w_t (x_1^t ⊗ … ⊗ x_N^t) of one
 * game instance (method.md §4), normalized by W = Σ_t w_t.
 *
 * <p>Backends keep the weights of a whole batch flat: opponent weights {@code [batch][player][terminal]} and joint
 * weights {@code [batch][terminal]}, row-major; {@link #unpack} and {@link #pack} convert between that layout and
 * one record per instance.
 *
 * @param opponentWeights {@code [player][terminal]} y_i(z) = Σ_t w_t Π_{j≠i} x_j^t[s_j(z)] / W
 * @param jointWeights    {@code [terminal]} J(z) = Σ_t w_t Π_j x_j^t[s_j(z)] / W
 */
public record JointPlayWeights(double[][] opponentWeights, double[] jointWeights) {

    /**
     * One record per instance from the flat batch layout (copies).
     *
     * @param opponent {@code [batch][player][terminal]} flat
     * @param joint    {@code [batch][terminal]} flat
     */
    public static JointPlayWeights[] unpack(double[] opponent, double[] joint, int batchSize, int players,
                                            int terminals) {
        JointPlayWeights[] out = new JointPlayWeights[batchSize];
        for (int b = 0; b < batchSize; b++) {
            double[][] y = new double[players][terminals];
            for (int i = 0; i < players; i++) {
                System.arraycopy(opponent, (b * players + i) * terminals, y[i], 0, terminals);
            }
            double[] j = new double[terminals];
            System.arraycopy(joint, b * terminals, j, 0, terminals);
            out[b] = new JointPlayWeights(y, j);
        }
        return out;
    }

    /**
     * Writes {@code weights} (shapes already checked, e.g. by {@link SessionStateShapes#checkJointPlay}) into the
     * flat batch layout, rounding every value with {@code round} (the identity in double precision).
     */
    public static void pack(JointPlayWeights[] weights, double[] opponent, double[] joint, int players,
                            int terminals, DoubleUnaryOperator round) {
        for (int b = 0; b < weights.length; b++) {
            for (int i = 0; i < players; i++) {
                double[] y = weights[b].opponentWeights()[i];
                for (int z = 0; z < terminals; z++) {
                    opponent[(b * players + i) * terminals + z] = round.applyAsDouble(y[z]);
                }
            }
            double[] j = weights[b].jointWeights();
            for (int z = 0; z < terminals; z++) {
                joint[b * terminals + z] = round.applyAsDouble(j[z]);
            }
        }
    }
}

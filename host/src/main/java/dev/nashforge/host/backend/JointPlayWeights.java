package dev.nashforge.host.backend;

/**
 * The accumulated terminal weights of the weighted empirical joint play μ = Σ_t w_t (x_1^t ⊗ … ⊗ x_N^t) of one
 * game instance (method.md §4), normalized by W = Σ_t w_t.
 *
 * @param opponentWeights {@code [player][terminal]} y_i(z) = Σ_t w_t Π_{j≠i} x_j^t[s_j(z)] / W
 * @param jointWeights    {@code [terminal]} J(z) = Σ_t w_t Π_j x_j^t[s_j(z)] / W
 */
public record JointPlayWeights(double[][] opponentWeights, double[] jointWeights) {
}

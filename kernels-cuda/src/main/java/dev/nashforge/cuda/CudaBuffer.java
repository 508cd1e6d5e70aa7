package dev.nashforge.cuda;

import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;

/**
 * The device allocations of a {@link CudaSolverSession}, one per kind, each holding every player (see
 * {@link CudaSessionLayout} for the element offsets). Real buffers hold {@code double} or {@code float} elements
 * by the session's {@link Precision}; {@link #INT_TABLES} holds the shared int tables and {@link #SCALARS} the
 * binary64 per-launch scalars; the {@code NETWORK_*}, {@link #PREDICTION_BOUND} and {@link #PREDICTOR_STATE}
 * buffers hold the learned prediction's forward pass ({@link CudaNetwork}) and are empty in other sessions.
 */
enum CudaBuffer {
    /** R, {@code [player][batch][sequence]}. */
    CUMULATIVE_REGRET,
    /** m, {@code [player][batch][sequence]}. */
    PREDICTION,
    /** σ, {@code [player][batch][sequence]}. */
    CURRENT_STRATEGY,
    /** x, {@code [player][batch][sequence]}; the leaf-value and joint-play kernels read every player's block. */
    REALIZATION_PLAN,
    /** x̄, {@code [player][batch][sequence]}. */
    AVERAGE_PLAN,
    /** q, {@code [player][batch][sequence]} (leaf values v before the bottom-up pass). */
    COUNTERFACTUAL_VALUE,
    /** r, {@code [player][batch][sequence]}. */
    INSTANTANEOUS_REGRET,
    /** V(I), scratch of the bottom-up pass, {@code [player][batch][infoset]}. */
    INFOSET_VALUE,
    /** c(z_k)·u_i(z_k) in player i's sorted terminal order k, {@code [player][batch][k]}. */
    WEIGHTED_UTILITY,
    /** y_i(z), {@code [batch][player][terminal]}. */
    OPPONENT_WEIGHTS,
    /** J(z), {@code [batch][terminal]}. */
    JOINT_WEIGHTS,
    /** The treeplex and terminal-table int arrays, concatenated (offsets in {@link CudaSessionLayout}). */
    INT_TABLES,
    /** Two binary64 scalars per queued operation (averaging step, regret weight or discounts). */
    SCALARS,
    /** The row maps of the learned prediction's forward pass ({@link CudaNetwork#intTable()}); empty otherwise. */
    NETWORK_TABLES,
    /** The learned predictor's weights (the cell's flat layout); empty without a learned prediction. */
    NETWORK_PARAMETERS,
    /** B_I, {@code [batch][infoset of all players]}; empty without a learned prediction. */
    PREDICTION_BOUND,
    /** The predictor's recurrent state h, {@code [batch][row][stateSize]}; empty without a learned prediction. */
    PREDICTOR_STATE,
    /** Per-row scratch of the forward pass, {@code [batch][row][hidden]}; empty without a learned prediction. */
    NETWORK_SCRATCH;

    /** The buffer that holds a contract buffer. */
    static CudaBuffer of(SequenceBuffer buffer) {
        return switch (buffer) {
            case CUMULATIVE_REGRET -> CUMULATIVE_REGRET;
            case PREDICTION -> PREDICTION;
            case CURRENT_STRATEGY -> CURRENT_STRATEGY;
            case REALIZATION_PLAN -> REALIZATION_PLAN;
            case AVERAGE_PLAN -> AVERAGE_PLAN;
            case COUNTERFACTUAL_VALUE -> COUNTERFACTUAL_VALUE;
            case INSTANTANEOUS_REGRET -> INSTANTANEOUS_REGRET;
        };
    }

    /** Whether the elements are solver values in the session precision. */
    boolean real() {
        return this != INT_TABLES && this != SCALARS && this != NETWORK_TABLES;
    }

    /** Whether the buffer is laid out {@code [player][batch][sequence]}. */
    boolean perSequence() {
        return ordinal() <= INSTANTANEOUS_REGRET.ordinal();
    }

    /** Bytes per element: 4 for ints and floats, 8 for doubles and the scalars. */
    int elementBytes(Precision precision) {
        if (this == INT_TABLES || this == NETWORK_TABLES) {
            return Integer.BYTES;
        }
        if (this == SCALARS) {
            return Double.BYTES;
        }
        return precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
    }
}

package dev.nashforge.host.backend;

/**
 * The per-sequence buffers a {@link SolverSession} keeps on its device, each {@code [batch][sequence]} for every
 * player (sequence 0, the empty sequence, is included; its entry is documented per buffer). Read back with
 * {@link SolverSession#read(SequenceBuffer)} only at checkpoints.
 */
public enum SequenceBuffer {
    /** R, the cumulative regret of each sequence; entry 0 is 0. */
    CUMULATIVE_REGRET(true),
    /** m, the prediction of predictive regret matching; 0 when the configuration has no prediction. */
    PREDICTION(true),
    /** σ_i(a|I) at the sequence of (I, a), the current behaviour strategy; entry 0 is 1. */
    CURRENT_STRATEGY(true),
    /** x_i, the realization plan of the current strategy; entry 0 is 1. */
    REALIZATION_PLAN(true),
    /** x̄_i = Σ_t w_t x_i^t / Σ_t w_t, the average realization plan; entry 0 is 1 after the first iteration. */
    AVERAGE_PLAN(true),
    /**
     * q(I,a), the counterfactual value of each sequence from the last {@code computeInstantaneousRegret};
     * entry 0 is the player's expected utility u_i(x).
     */
    COUNTERFACTUAL_VALUE(false),
    /** r(I,a) = q(I,a) − V(I), the instantaneous regret from the last {@code computeInstantaneousRegret}. */
    INSTANTANEOUS_REGRET(false);

    private final boolean persistent;

    SequenceBuffer(boolean persistent) {
        this.persistent = persistent;
    }

    /** Whether the buffer carries state from one iteration to the next (and so belongs in a checkpoint). */
    public boolean persistent() {
        return persistent;
    }
}

package dev.nashforge.cuda;

/** The contract primitives as the launch queue records them; each maps to one or two kernels. */
enum CudaPrimitive {
    STRATEGY("computeStrategy"),
    REALIZATION_PLAN("computeRealizationPlan"),
    INSTANTANEOUS_REGRET("computeInstantaneousRegret"),
    UPDATE_REGRET("updateRegret"),
    AVERAGE("updateAverage"),
    JOINT_PLAY("accumulateJointPlay"),
    /** The network on every player's rows (simultaneous updates); recorded as player 0. */
    PREDICTION("computePrediction"),
    /** The network on one player's rows (alternating updates). */
    PLAYER_PREDICTION("computePrediction");

    private final String method;

    CudaPrimitive(String method) {
        this.method = method;
    }

    /** The {@link dev.nashforge.host.backend.SolverSession} method, for messages. */
    String method() {
        return method;
    }
}

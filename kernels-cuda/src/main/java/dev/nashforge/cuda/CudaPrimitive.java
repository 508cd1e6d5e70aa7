package dev.nashforge.cuda;

/** The contract primitives as the launch queue records them; each maps to one or two kernels. */
enum CudaPrimitive {
    STRATEGY("computeStrategy"),
    REALIZATION_PLAN("computeRealizationPlan"),
    INSTANTANEOUS_REGRET("computeInstantaneousRegret"),
    UPDATE_REGRET("updateRegret"),
    AVERAGE("updateAverage"),
    JOINT_PLAY("accumulateJointPlay"),
    PREDICTION("computePrediction");

    private final String method;

    CudaPrimitive(String method) {
        this.method = method;
    }

    /** The {@link dev.nashforge.host.backend.SolverSession} method, for messages. */
    String method() {
        return method;
    }
}

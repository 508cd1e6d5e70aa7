package dev.nashforge.host.meta;

/** Hand-made predictions for the unrolled solver when it runs without a network. */
public enum BaselinePrediction {
    /** {@code m = 0}: plain RM / RM+ (CFR, CFR+ with simultaneous updates). */
    ZERO,
    /** {@code m^{t+1} = r^t}: PCFR+ (with {@link SolverVariant#NPCFR_PLUS} and quadratic averaging). */
    LAST_REGRET
}

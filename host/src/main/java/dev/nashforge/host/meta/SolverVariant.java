package dev.nashforge.host.meta;

/**
 * The two learned solvers of method.md §3 and their default averaging. Both use simultaneous updates (every
 * player's regrets computed against the same joint iterate), which the correlation loss needs.
 */
public enum SolverVariant {
    /** NPCFR: {@code R ← R + r}, {@code σ ∝ [R + m]⁺}; uniform averaging, as CFR. */
    NPCFR(false, AveragingWeights.UNIFORM),
    /** NPCFR+: {@code R ← [R + r]⁺}, {@code σ ∝ [R + m]⁺}; quadratic averaging {@code w_t = t²}, as PCFR+. */
    NPCFR_PLUS(true, AveragingWeights.QUADRATIC);

    private final boolean plus;
    private final AveragingWeights defaultAveraging;

    SolverVariant(boolean plus, AveragingWeights defaultAveraging) {
        this.plus = plus;
        this.defaultAveraging = defaultAveraging;
    }

    /** Whether the regret update clips at 0 (RM+). */
    public boolean plus() {
        return plus;
    }

    public AveragingWeights defaultAveraging() {
        return defaultAveraging;
    }
}

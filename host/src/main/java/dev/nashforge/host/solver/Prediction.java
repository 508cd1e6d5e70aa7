package dev.nashforge.host.solver;

/**
 * Where the prediction m of predictive regret matching comes from (method.md §3): the next strategy is
 * σ ∝ [R + m]⁺, uniform when that is all ≤ 0.
 *
 * <p>The backends keep m in a per-sequence prediction buffer ({@code [batch][sequence]} per player) that
 * {@code computeStrategy} reads. For NPCFR / NPCFR+ (method.md §5, {@link #LEARNED}) the network primitive
 * {@code SolverSession#computePrediction(int)} writes its predictions into that same buffer before
 * {@code computeStrategy}; the regret update, the strategy primitive and the averaging stay as they are, only
 * the producer of m changes.
 */
public enum Prediction {
    /** No prediction: σ ∝ [R]⁺ (CFR, CFR+, LCFR, DCFR). */
    NONE("none"),
    /** m = the last instantaneous regret r^t of the same sequence (PCFR+ / PRM+, Farina et al. 2021). */
    LAST_INSTANTANEOUS_REGRET("last-regret"),
    /**
     * m = the output of a trained network (NPCFR / NPCFR+, method.md §5), written by
     * {@code SolverSession#computePrediction(int)}; the configuration carries the {@link LearnedModel}.
     */
    LEARNED("learned");

    private final String label;

    Prediction(String label) {
        this.label = label;
    }

    /** The label used in results and checkpoint files. */
    public String label() {
        return label;
    }

    /** Parses a {@link #label()} (case-insensitive). */
    public static Prediction fromLabel(String label) {
        for (Prediction p : values()) {
            if (p.label.equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown prediction '" + label + "': use 'none', 'last-regret' or 'learned'");
    }
}

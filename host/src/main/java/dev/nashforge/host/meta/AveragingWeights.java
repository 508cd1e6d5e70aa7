package dev.nashforge.host.meta;

/** Averaging weights {@code w_t} of the average strategy and the joint play (method.md §3, §4). */
public enum AveragingWeights {
    /** {@code w_t = 1} (CFR, NPCFR). */
    UNIFORM,
    /** {@code w_t = t} (CFR+, LCFR). */
    LINEAR,
    /** {@code w_t = t²} (PCFR+, NPCFR+). */
    QUADRATIC;

    /** {@code w_t} for iteration {@code t ≥ 1}. */
    public double weight(int t) {
        return switch (this) {
            case UNIFORM -> 1.0;
            case LINEAR -> t;
            case QUADRATIC -> (double) t * t;
        };
    }
}

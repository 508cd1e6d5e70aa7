package dev.nashforge.host.meta;

/**
 * Configuration of the differentiable unrolled solver. Immutable.
 *
 * @param variant   NPCFR or NPCFR+
 * @param averaging averaging weights of the average strategy and joint play
 * @param horizon   T, the number of unrolled iterations (≥ 1)
 * @param loss      the meta-loss
 */
public record UnrolledConfig(SolverVariant variant, AveragingWeights averaging, int horizon, MetaLoss loss) {

    public UnrolledConfig {
        if (variant == null || averaging == null || loss == null) {
            throw new IllegalArgumentException("unrolled solver: variant, averaging and loss are required");
        }
        if (horizon < 1 || horizon > 1_000_000) {
            throw new IllegalArgumentException("unrolled solver: horizon " + horizon + " is out of range 1..1000000");
        }
    }

    /** The variant with its default averaging and the default (total-correlation) loss. */
    public static UnrolledConfig of(SolverVariant variant, int horizon) {
        return new UnrolledConfig(variant, variant.defaultAveraging(), horizon, MetaLoss.totalCorrelation());
    }
}

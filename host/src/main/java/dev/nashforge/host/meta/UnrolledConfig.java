package dev.nashforge.host.meta;

import dev.nashforge.host.solver.UpdateMode;

/**
 * Configuration of the differentiable unrolled solver. Immutable.
 *
 * @param variant   NPCFR or NPCFR+
 * @param averaging averaging weights of the average strategy and joint play
 * @param horizon   T, the number of unrolled iterations (≥ 1)
 * @param loss      the meta-loss
 * @param updates   simultaneous (every player against the same iterate) or alternating (players in turn, each
 *                  against the others' newest plans, the network run on the updated player's rows)
 */
public record UnrolledConfig(SolverVariant variant, AveragingWeights averaging, int horizon, MetaLoss loss,
                             UpdateMode updates) {

    public UnrolledConfig {
        if (variant == null || averaging == null || loss == null || updates == null) {
            throw new IllegalArgumentException("unrolled solver: variant, averaging, loss and updates are required");
        }
        if (horizon < 1 || horizon > 1_000_000) {
            throw new IllegalArgumentException("unrolled solver: horizon " + horizon + " is out of range 1..1000000");
        }
    }

    /** Simultaneous updates. */
    public UnrolledConfig(SolverVariant variant, AveragingWeights averaging, int horizon, MetaLoss loss) {
        this(variant, averaging, horizon, loss, UpdateMode.SIMULTANEOUS);
    }

    /** The same with {@code mode} updates. */
    public UnrolledConfig withUpdates(UpdateMode mode) {
        return new UnrolledConfig(variant, averaging, horizon, loss, mode);
    }

    /** Whether the players update in turn. */
    public boolean alternating() {
        return updates == UpdateMode.ALTERNATING;
    }

    /** The variant with its default averaging and the default (total-correlation) loss. */
    public static UnrolledConfig of(SolverVariant variant, int horizon) {
        return new UnrolledConfig(variant, variant.defaultAveraging(), horizon, MetaLoss.totalCorrelation());
    }
}

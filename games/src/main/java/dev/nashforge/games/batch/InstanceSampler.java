package dev.nashforge.games.batch;

import dev.nashforge.games.layout.GameInstance;

import java.util.SplittableRandom;

/**
 * Draws one game instance over a fixed structure. Implementations must use only {@code random} as their source
 * of randomness (so {@link SampledDistribution} can make instance {@code b} depend only on the seed and
 * {@code b}) and must be safe to call from several threads with different {@code random}s.
 */
@FunctionalInterface
public interface InstanceSampler {

    /** A new instance; its arrays must not be shared with other instances that are modified later. */
    GameInstance sample(SplittableRandom random);
}

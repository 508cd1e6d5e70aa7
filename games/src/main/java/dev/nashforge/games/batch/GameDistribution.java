package dev.nashforge.games.batch;

import dev.nashforge.games.layout.GameStructure;

/**
 * A distribution over game instances that share one structure (method.md §6). Sampling is a pure function of
 * the seed: the same seed gives the same batch, bit for bit; instance {@code b} of a batch depends only on the
 * seed and {@code b}, so batches of different sizes agree on their common prefix.
 */
public interface GameDistribution {

    /** The catalog string of this distribution with all parameters, e.g. {@code biased_shapley(noise=0.05)}. */
    String name();

    /** The structure every sampled instance shares. */
    GameStructure structure();

    /** Samples {@code size} instances from {@code seed}. */
    GameBatch sample(int size, long seed);
}

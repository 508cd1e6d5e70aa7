package dev.nashforge.games.batch;

import java.util.SplittableRandom;

/**
 * Seeding of sampled game instances (house style rule 7): the random stream of instance {@code b} of a batch
 * sampled with seed {@code s} is a function of {@code (s, b)} only, so batches of different sizes agree on their
 * common prefix and a rerun is bit-identical. The pair is hashed with two rounds of the SplitMix64 finalizer;
 * the resulting streams of different pairs do not overlap in practice.
 */
public final class InstanceSeeds {

    private InstanceSeeds() {
    }

    /** A fresh random stream for instance {@code instance} of a batch sampled from {@code seed}. */
    public static SplittableRandom random(long seed, int instance) {
        if (instance < 0) {
            throw new IllegalArgumentException("instance index must be non-negative, got " + instance);
        }
        long h = mix64(seed ^ 0x6A09E667F3BCC909L);
        h = mix64(h + 0x9E3779B97F4A7C15L * (instance + 1L));
        return new SplittableRandom(h);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

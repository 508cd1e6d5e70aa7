package dev.nashforge.games.batch;

import java.util.SplittableRandom;

/**
 * Seeded payoff perturbations of the game distributions (method.md §6). Draws are taken player by player, outcome
 * by outcome ({@code [player][outcome]} row-major), so a perturbation is a pure function of the random stream.
 */
public final class PayoffNoise {

    private PayoffNoise() {
    }

    /**
     * Multiplicative noise (extensive-form families): {@code u'_i(z) = u_i(z) * f_{i,z}} with independent
     * {@code f_{i,z} ~ Uniform[1 - scale, 1 + scale]}. Signs are kept (for {@code scale <= 1}), zero payoffs stay
     * zero, and the noise is independent per player, so a zero-sum game becomes general-sum.
     *
     * @param utility {@code [player][terminal]}; not modified
     * @param scale   {@code 0 <= scale <= 1}; 0 returns an unchanged copy without drawing
     * @return a new {@code [player][terminal]} array
     */
    public static double[][] multiplicative(double[][] utility, double scale, SplittableRandom random) {
        checkScale(scale, 1.0);
        double[][] out = new double[utility.length][];
        for (int i = 0; i < utility.length; i++) {
            out[i] = utility[i].clone();
            if (scale == 0) {
                continue;
            }
            for (int z = 0; z < out[i].length; z++) {
                out[i][z] *= 1.0 + scale * (2.0 * random.nextDouble() - 1.0);
            }
        }
        return out;
    }

    /**
     * Additive noise then re-normalization (normal-form families): {@code u' = normalize(u + e)} with independent
     * {@code e_{i,z} ~ Uniform[-scale, scale]} and {@link UnitRangeNormalization}, so every perturbed game keeps
     * the unit payoff range of its family.
     *
     * @param utility {@code [player][outcome]}, normally already in {@code [0, 1]}; not modified
     * @param scale   {@code 0 <= scale <= 10}; 0 returns the normalized payoffs without drawing
     * @return a new {@code [player][outcome]} array
     */
    public static double[][] additiveNormalized(double[][] utility, double scale, SplittableRandom random) {
        checkScale(scale, 10.0);
        double[][] noisy = new double[utility.length][];
        for (int i = 0; i < utility.length; i++) {
            noisy[i] = utility[i].clone();
            if (scale == 0) {
                continue;
            }
            for (int z = 0; z < noisy[i].length; z++) {
                noisy[i][z] += scale * (2.0 * random.nextDouble() - 1.0);
            }
        }
        return UnitRangeNormalization.normalize(noisy);
    }

    private static void checkScale(double scale, double max) {
        if (!(scale >= 0 && scale <= max)) {
            throw new IllegalArgumentException("payoff noise scale " + scale + " is out of range; allowed 0.." + max);
        }
    }
}

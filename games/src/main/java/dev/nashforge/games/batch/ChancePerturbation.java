package dev.nashforge.games.batch;

import dev.nashforge.games.layout.GameStructure;

import java.util.SplittableRandom;

/**
 * Seeded perturbation of the chance probabilities of a compiled game (method.md §6), using
 * {@link GameStructure}'s chance structure. Every chance node's distribution is perturbed independently:
 * {@code p'_o = p_o exp(scale * e_o) / sum_{o' of the node} p_{o'} exp(scale * e_{o'})} with independent
 * standard normal {@code e_o} (a log-normal factor), so every positive probability stays positive, zero stays
 * zero and each node still sums to 1. Then the chance reach of every terminal is recomputed as the product along
 * its chance path, so it still sums to 1 over the terminals.
 */
public final class ChancePerturbation {

    private ChancePerturbation() {
    }

    /**
     * @param structure compiled structure (its {@code chanceProbability()} are the base probabilities)
     * @param scale     {@code 0 <= scale <= 5}; 0 returns the base probabilities without drawing
     * @return a new {@code [outcome]} array of perturbed outcome probabilities
     */
    public static double[] perturbedOutcomeProbabilities(GameStructure structure, double scale,
                                                         SplittableRandom random) {
        if (!(scale >= 0 && scale <= 5)) {
            throw new IllegalArgumentException("chance noise scale " + scale + " is out of range; allowed 0..5");
        }
        double[] base = structure.chanceProbability();
        double[] p = base.clone();
        if (scale == 0) {
            return p;
        }
        int[] start = structure.chanceOutcomeStart();
        for (int node = 0; node < structure.numChanceNodes(); node++) {
            double sum = 0;
            for (int o = start[node]; o < start[node + 1]; o++) {
                p[o] = base[o] * Math.exp(scale * random.nextGaussian());
                sum += p[o];
            }
            for (int o = start[node]; o < start[node + 1]; o++) {
                p[o] /= sum;
            }
        }
        return p;
    }

    /** {@code [terminal]} chance reach under perturbed outcome probabilities (see class doc). */
    public static double[] perturbedChanceReach(GameStructure structure, double scale, SplittableRandom random) {
        return structure.chanceReach(perturbedOutcomeProbabilities(structure, scale, random));
    }
}

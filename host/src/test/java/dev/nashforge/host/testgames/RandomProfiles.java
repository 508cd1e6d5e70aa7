package dev.nashforge.host.testgames;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.games.model.NormalFormGame;

import java.util.Random;

/** Seeded random profiles and games for the tests. */
public final class RandomProfiles {

    private RandomProfiles() {
    }

    /**
     * A random behaviour profile {@code [player][sequence]}: at each infoset random weights, with probability 1/5
     * one action set to 0 and with probability 1/10 a pure strategy, so that unreached subtrees are covered.
     */
    public static double[][] behaviour(GameStructure structure, Random random) {
        double[][] b = new double[structure.numPlayers()][];
        for (int i = 0; i < b.length; i++) {
            Treeplex t = structure.treeplex(i);
            double[] sigma = new double[t.numSequences()];
            sigma[0] = 1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int f = t.firstSequence()[infoset];
                int k = t.numActions()[infoset];
                double u = random.nextDouble();
                if (u < 0.1) {
                    sigma[f + random.nextInt(k)] = 1;
                    continue;
                }
                double sum = 0;
                for (int a = 0; a < k; a++) {
                    sigma[f + a] = random.nextDouble() + 1e-3;
                }
                if (u < 0.3 && k > 1) {
                    sigma[f + random.nextInt(k)] = 0;
                }
                for (int a = 0; a < k; a++) {
                    sum += sigma[f + a];
                }
                for (int a = 0; a < k; a++) {
                    sigma[f + a] /= sum;
                }
            }
            b[i] = sigma;
        }
        return b;
    }

    /** A random general-sum normal-form game with payoffs uniform in [-1, 1]. */
    public static NormalFormGame normalForm(int[] actionCounts, Random random) {
        int joint = 1;
        for (int c : actionCounts) {
            joint *= c;
        }
        double[][] payoffs = new double[actionCounts.length][joint];
        for (double[] row : payoffs) {
            for (int k = 0; k < joint; k++) {
                row[k] = 2 * random.nextDouble() - 1;
            }
        }
        return new NormalFormGame("random_nf", actionCounts, payoffs);
    }
}

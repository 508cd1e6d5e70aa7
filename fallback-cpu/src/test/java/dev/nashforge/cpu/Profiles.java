package dev.nashforge.cpu;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/** Sequence-form helpers for the tests, written independently of the backend's kernels. */
final class Profiles {

    private Profiles() {
    }

    /** σ(a|I) = x[(I,a)] / Σ_b x[(I,b)], uniform where that sum is 0; entry 0 is 1. */
    static double[] behaviourFromPlan(Treeplex t, double[] plan) {
        double[] sigma = new double[t.numSequences()];
        sigma[0] = 1;
        for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
            int f = t.firstSequence()[infoset];
            int k = t.numActions()[infoset];
            double sum = 0;
            for (int a = 0; a < k; a++) {
                sum += plan[f + a];
            }
            for (int a = 0; a < k; a++) {
                sigma[f + a] = sum > 0 ? plan[f + a] / sum : 1.0 / k;
            }
        }
        return sigma;
    }

    /** u_i(x) = Σ_z c(z) u_i(z) Π_j x_j[s_j(z)] for every player. */
    static double[] expectedValues(GameStructure structure, GameInstance instance, double[][] plans) {
        int n = structure.numPlayers();
        double[] v = new double[n];
        for (int z = 0; z < structure.numTerminals(); z++) {
            double reach = instance.chanceReach()[z];
            for (int j = 0; j < n; j++) {
                reach *= plans[j][structure.terminalSequence(j)[z]];
            }
            for (int i = 0; i < n; i++) {
                v[i] += reach * instance.utility()[i][z];
            }
        }
        return v;
    }
}

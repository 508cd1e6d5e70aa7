package dev.nashforge.host.backend;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.conformance.ConformanceGames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightedUtilitiesTest {

    @Test
    void entriesAreChanceTimesUtilityInThePlayersSortedTerminalOrder() {
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.KUHN_3P);
        GameBatch batch = ConformanceGames.perturbedBatch(game, 3, 7);
        GameStructure s = batch.structure();
        int z = s.numTerminals();
        boolean floatDiffers = false;
        for (int i = 0; i < s.numPlayers(); i++) {
            int[] order = s.terminalsBySequence(i);
            double[] exact = WeightedUtilities.sorted(batch, i, Precision.DOUBLE);
            double[] single = WeightedUtilities.sorted(batch, i, Precision.FLOAT);
            assertEquals(batch.size() * z, exact.length);
            for (int b = 0; b < batch.size(); b++) {
                for (int k = 0; k < z; k++) {
                    double c = batch.chanceReach()[b * z + order[k]];
                    double u = batch.utility()[(b * s.numPlayers() + i) * z + order[k]];
                    assertEquals(c * u, exact[b * z + k], 0.0, "player " + i + ", instance " + b + ", k " + k);
                    // binary32: c and u rounded, then their product rounded
                    double expected = (float) ((double) (float) c * (double) (float) u);
                    assertEquals(expected, single[b * z + k], 0.0);
                    floatDiffers |= single[b * z + k] != exact[b * z + k];
                }
            }
        }
        assertTrue(floatDiffers, "perturbed payoffs should not all be binary32 numbers");
    }
}

package dev.nashforge.games.batch;

import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.games.poker.KuhnPoker;
import dev.nashforge.games.testing.LayoutInvariants;
import dev.nashforge.games.testing.SequenceFormReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionSamplingTest {

    @ParameterizedTest
    @ValueSource(strings = {"kuhn_poker(chance_noise=0.3)", "leduc_poker", "biased_leduc(noise=0.2)",
        "shapley", "biased_shapley(noise=0.05)", "random_matrix(players=3,actions=2)",
        "random_matrix(resample=0,noise=0.1)"})
    void sameSeedSameBatchDifferentSeedDifferentBatch(String spec) {
        GameDistribution d = GameCatalog.distribution(spec);
        GameBatch a = d.sample(4, 123);
        GameBatch b = d.sample(4, 123);
        GameBatch c = d.sample(4, 124);
        assertArrayEquals(a.utility(), b.utility(), 0.0);
        assertArrayEquals(a.chanceReach(), b.chanceReach(), 0.0);
        assertFalse(Arrays.equals(a.utility(), c.utility()), "a different seed must give different utilities");
        for (int x = 0; x < 4; x++) {
            for (int y = x + 1; y < 4; y++) {
                assertFalse(Arrays.deepEquals(a.instance(x).utility(), a.instance(y).utility()),
                        spec + ": instances " + x + " and " + y + " of one batch are identical");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kuhn_poker(players=3,chance_noise=0.5)", "biased_shapley", "random_matrix"})
    void instanceDependsOnlyOnSeedAndIndex(String spec) {
        GameDistribution d = GameCatalog.distribution(spec);
        GameBatch small = d.sample(2, 99);
        GameBatch large = d.sample(5, 99);
        for (int b = 0; b < 2; b++) {
            assertArrayEquals(small.instance(b).chanceReach(), large.instance(b).chanceReach(), 0.0);
            for (int i = 0; i < d.structure().numPlayers(); i++) {
                assertArrayEquals(small.instance(b).utility()[i], large.instance(b).utility()[i], 0.0);
            }
        }
    }

    @Test
    void chancePerturbationKeepsAProbabilityDistribution() {
        GameDistribution d = GameCatalog.distribution("leduc_poker(noise=0,chance_noise=0.5)");
        GameStructure s = d.structure();
        CompiledGame base = GameCompiler.compile(GameCatalog.game("leduc_poker"));
        GameBatch batch = d.sample(3, 7);
        for (int b = 0; b < 3; b++) {
            GameInstance g = batch.instance(b);
            assertEquals(1.0, LayoutInvariants.reachProbabilitySum(s, g.chanceReach(),
                    SequenceFormReference.uniformBehaviour(s)), 1e-9);
            assertFalse(Arrays.equals(base.instance().chanceReach(), g.chanceReach()));
            for (double c : g.chanceReach()) {
                assertTrue(c > 0);
            }
            assertArrayEquals(base.instance().utility()[0], g.utility()[0], 0.0, "noise=0 keeps the payoffs");
        }
        // Every perturbed chance node still sums to 1.
        double[] p = ChancePerturbation.perturbedOutcomeProbabilities(s, 0.5, InstanceSeeds.random(1, 0));
        for (int node = 0; node < s.numChanceNodes(); node++) {
            double sum = 0;
            for (int o = s.chanceOutcomeStart()[node]; o < s.chanceOutcomeStart()[node + 1]; o++) {
                assertTrue(p[o] > 0);
                sum += p[o];
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void zeroChanceNoiseKeepsChanceReachAndPayoffNoiseIsMultiplicative() {
        CompiledGame base = GameCompiler.compile(new KuhnPoker(2));
        GameBatch batch = GameCatalog.distribution("kuhn_poker(noise=0.25)").sample(2, 5);
        for (int b = 0; b < 2; b++) {
            GameInstance g = batch.instance(b);
            assertArrayEquals(base.instance().chanceReach(), g.chanceReach(), 0.0);
            for (int i = 0; i < 2; i++) {
                for (int z = 0; z < g.utility()[i].length; z++) {
                    double ratio = g.utility()[i][z] / base.instance().utility()[i][z];
                    assertTrue(ratio >= 0.75 && ratio <= 1.25, "factor " + ratio + " outside [0.75, 1.25]");
                }
            }
            assertEquals(UtilityKind.GENERAL_SUM, g.utilityKind());
        }
    }

    @Test
    void normalFormNoiseKeepsTheUnitRange() {
        GameBatch batch = GameCatalog.distribution("biased_shapley(noise=0.3)").sample(3, 11);
        for (int b = 0; b < 3; b++) {
            for (double[] u : batch.instance(b).utility()) {
                assertEquals(0.0, Arrays.stream(u).min().orElseThrow());
                assertEquals(1.0, Arrays.stream(u).max().orElseThrow());
            }
        }
    }

    @Test
    void noiseFreeDistributionReproducesTheGame() {
        CompiledGame shapley = GameCompiler.compile(GameCatalog.game("shapley"));
        GameBatch batch = GameCatalog.distribution("shapley(noise=0)").sample(2, 3);
        assertArrayEquals(shapley.instance().utility()[1], batch.instance(1).utility()[1], 0.0);
    }

    @Test
    void rejectsEmptyBatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GameCatalog.distribution("shapley").sample(0, 1));
        assertEquals("shapley(noise=0.1): batch size must be at least 1, got 0", e.getMessage());
    }

    @Test
    void unitRangeNormalizationMapsEachPlayerOntoZeroOne() {
        double[][] u = UnitRangeNormalization.normalize(new double[][] {{-2, 0, 2}, {5, 5, 5}});
        assertArrayEquals(new double[] {0, 0.5, 1}, u[0], 0.0);
        assertArrayEquals(new double[] {0, 0, 0}, u[1], 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> UnitRangeNormalization.normalize(new double[][] {{0, Double.NaN}}));
    }

    @Test
    void instanceSeedsAreDeterministicAndDistinct() {
        assertEquals(InstanceSeeds.random(3, 4).nextLong(), InstanceSeeds.random(3, 4).nextLong());
        long x = InstanceSeeds.random(3, 4).nextLong();
        assertTrue(x != InstanceSeeds.random(3, 5).nextLong() && x != InstanceSeeds.random(4, 4).nextLong());
        assertThrows(IllegalArgumentException.class, () -> InstanceSeeds.random(3, -1));
    }
}

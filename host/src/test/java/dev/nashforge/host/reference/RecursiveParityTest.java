package dev.nashforge.host.reference;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.Game;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.NashGapReport;
import dev.nashforge.host.testgames.HiddenCoinGame;
import dev.nashforge.host.testgames.RandomProfiles;
import dev.nashforge.host.testgames.TestKuhnPoker;
import dev.nashforge.host.testgames.TestSignalGame;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The recursive reference and the flat evaluator agree to 1e-12 on random profiles of hand-built games. */
class RecursiveParityTest {

    static final double TOLERANCE = 1e-12;

    /** Compares expected values, best-response values and NashGap on {@code trials} random profiles. */
    static void assertParity(Game game, int trials, long seed) {
        CompiledGame c = GameCompiler.compile(game);
        ExactEvaluator flat = new ExactEvaluator(c.structure());
        RecursiveEvaluator recursive = new RecursiveEvaluator(game);
        Random random = new Random(seed);
        for (int trial = 0; trial < trials; trial++) {
            double[][] behaviour = RandomProfiles.behaviour(c.structure(), random);
            List<Map<String, double[]>> profile = ProfileConverter.toMapProfile(c.structure(), behaviour);
            NashGapReport report = flat.nashGap(c.instance(), behaviour);
            String where = game.name() + " trial " + trial;
            assertArrayEquals(recursive.expectedValues(profile), report.expectedValues(), TOLERANCE, where);
            assertArrayEquals(recursive.bestResponseValues(profile), report.bestResponseValues(), TOLERANCE, where);
            assertEquals(recursive.nashGap(profile), report.nashGap(), TOLERANCE, where);
            assertArrayEquals(recursive.expectedValues(profile),
                    flat.expectedValues(c.instance(), flat.realizationPlans(behaviour)), TOLERANCE, where);
        }
    }

    @Test
    void kuhnTwoAndThreePlayers() {
        assertParity(new TestKuhnPoker(2), 25, 1);
        assertParity(new TestKuhnPoker(3), 15, 2);
    }

    @Test
    void generalSumGames() {
        assertParity(new TestKuhnPoker(2, 0.1), 15, 3);
        assertParity(new TestKuhnPoker(3, 0.05), 10, 4);
        assertParity(new TestSignalGame(6), 25, 5);
        assertParity(new TestSignalGame(7), 25, 6);
    }

    @Test
    void normalFormGames() {
        Random random = new Random(9);
        assertParity(RandomProfiles.normalForm(new int[] {3, 4}, random), 10, 7);
        assertParity(RandomProfiles.normalForm(new int[] {2, 3, 2}, random), 10, 8);
    }

    @Test
    void recursiveBestResponseIsPerInfoset() {
        // One infoset, two histories: the right answer is 1/2 (a per-history max would say 1).
        RecursiveEvaluator recursive = new RecursiveEvaluator(new HiddenCoinGame());
        List<Map<String, double[]>> profile = List.of(Map.of("guess", new double[] {1, 0}));
        assertEquals(0.5, recursive.bestResponseValue(profile, 0), 0.0);
        assertEquals(0.5, recursive.expectedValues(profile)[0], 0.0);
    }

    @Test
    void converterRoundTripsAndRejectsBadProfiles() {
        CompiledGame c = GameCompiler.compile(new TestSignalGame(1));
        double[][] behaviour = RandomProfiles.behaviour(c.structure(), new Random(2));
        List<Map<String, double[]>> profile = ProfileConverter.toMapProfile(c.structure(), behaviour);
        double[][] back = ProfileConverter.toBehaviourArray(c.structure(), profile);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(behaviour[i], back[i], 0.0);
        }
        profile.get(0).remove(c.structure().treeplex(0).infosetKeys()[0]);
        assertThrows(IllegalArgumentException.class, () -> ProfileConverter.toBehaviourArray(c.structure(), profile));
        profile.get(0).put("no such infoset", new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> ProfileConverter.toBehaviourArray(c.structure(), profile));
        RecursiveEvaluator recursive = new RecursiveEvaluator(new TestSignalGame(1));
        assertThrows(IllegalArgumentException.class, () -> recursive.expectedValues(profile));
    }
}

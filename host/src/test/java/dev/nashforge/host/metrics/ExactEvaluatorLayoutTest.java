package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.testgames.HiddenCoinGame;
import dev.nashforge.host.testgames.RandomProfiles;
import dev.nashforge.host.testgames.TestSignalGame;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans ↔ behaviour, the per-infoset best response, and input checks of {@link ExactEvaluator}. */
class ExactEvaluatorLayoutTest {

    @Test
    void plansFollowTheRecursionAndRoundTripToBehaviour() {
        CompiledGame c = GameCompiler.compile(new TestSignalGame(2));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            double[][] behaviour = RandomProfiles.behaviour(c.structure(), random);
            double[][] plans = evaluator.realizationPlans(behaviour);
            double[][] back = evaluator.behaviourFromPlans(plans);
            for (int i = 0; i < 2; i++) {
                Treeplex t = c.structure().treeplex(i);
                assertEquals(1.0, plans[i][0]);
                for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                    double reach = plans[i][t.parentSequence()[infoset]];
                    double sum = 0;
                    for (int a = 0; a < t.numActions()[infoset]; a++) {
                        int s = t.firstSequence()[infoset] + a;
                        assertEquals(reach * behaviour[i][s], plans[i][s], 0.0);
                        sum += plans[i][s];
                        // unreached infosets come back uniform, reached ones as given
                        double expected = reach > 0 ? behaviour[i][s] : 1.0 / t.numActions()[infoset];
                        assertEquals(expected, back[i][s], 1e-15);
                    }
                    assertEquals(reach, sum, 1e-15);
                }
            }
        }
    }

    @Test
    void bestResponseIsPerInfosetNotPerHistory() {
        // HiddenCoinGame: the guesser cannot see the fair coin, so any guess wins with probability 1/2; a
        // per-history maximum would wrongly give 1.
        CompiledGame c = GameCompiler.compile(new HiddenCoinGame());
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        double[][] plans = {{1, 1, 0}};
        assertEquals(0.5, evaluator.bestResponseValue(c.instance(), plans, 0), 0.0);
        NashGapReport report = evaluator.nashGap(c.instance(), new double[][] {{1, 0.5, 0.5}});
        assertEquals(0.0, report.nashGap(), 0.0);
    }

    @Test
    void badShapesAndValuesAreRejectedWithAReason() {
        CompiledGame c = GameCompiler.compile(new TestSignalGame(2));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        double[][] good = RandomProfiles.behaviour(c.structure(), new Random(4));
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> evaluator.realizationPlans(new double[][] {good[0]}));
        assertTrue(rows.getMessage().contains("player rows"), rows.getMessage());
        double[][] unnormalized = {good[0].clone(), good[1].clone()};
        unnormalized[1][1] += 0.5;
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> evaluator.nashGap(c.instance(), unnormalized));
        assertTrue(sum.getMessage().contains("infoset") && sum.getMessage().contains("normalize"),
                sum.getMessage());
        double[][] negative = {good[0].clone(), good[1].clone()};
        negative[0][2] = -0.1;
        assertThrows(IllegalArgumentException.class, () -> evaluator.realizationPlans(negative));
        double[][] plans = evaluator.realizationPlans(good);
        assertThrows(IllegalArgumentException.class, () -> evaluator.bestResponseValue(c.instance(), plans, 2));
        CompiledGame other = GameCompiler.compile(new HiddenCoinGame());
        IllegalArgumentException instance = assertThrows(IllegalArgumentException.class,
                () -> evaluator.expectedValues(other.instance(), plans));
        assertTrue(instance.getMessage().contains("terminals"), instance.getMessage());
    }
}

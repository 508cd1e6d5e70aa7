package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.NormalFormGame;
import dev.nashforge.host.testgames.RandomProfiles;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flat evaluator on normal-form games against direct payoff-tensor calculations. */
class ExactEvaluatorNormalFormTest {

    /** Player i's action in row-major joint index {@code joint} (NormalFormGame's layout). */
    static int actionOf(int[] counts, int joint, int player) {
        for (int j = counts.length - 1; j > player; j--) {
            joint /= counts[j];
        }
        return joint % counts[player];
    }

    /** Row-major joint index with player's action replaced by {@code action}. */
    static int withAction(int[] counts, int joint, int player, int action) {
        int stride = 1;
        for (int j = counts.length - 1; j > player; j--) {
            stride *= counts[j];
        }
        return joint + (action - actionOf(counts, joint, player)) * stride;
    }

    static int jointSize(int[] counts) {
        int joint = 1;
        for (int c : counts) {
            joint *= c;
        }
        return joint;
    }

    /** Σ_joint Π_{j≠except} σ_j(a_j) · payoff_i(a with player {@code except} playing {@code action}). */
    static double payoffAgainst(NormalFormGame g, int[] counts, double[][] behaviour, int player, int action) {
        double total = 0;
        for (int joint = 0; joint < jointSize(counts); joint++) {
            if (actionOf(counts, joint, player) != action) {
                continue;
            }
            double p = 1;
            for (int j = 0; j < counts.length; j++) {
                if (j != player) {
                    p *= behaviour[j][1 + actionOf(counts, joint, j)];
                }
            }
            total += p * g.payoff(player, joint);
        }
        return total;
    }

    @Test
    void bestResponseIsMaxOverPureActionsAndValuesMatchTensor() {
        Random random = new Random(11);
        int[][] shapes = {{3, 4}, {2, 3, 2}, {2, 2, 2, 3}, {5}};
        for (int[] counts : shapes) {
            NormalFormGame g = RandomProfiles.normalForm(counts, random);
            CompiledGame c = GameCompiler.compile(g);
            ExactEvaluator evaluator = new ExactEvaluator(c.structure());
            for (int trial = 0; trial < 5; trial++) {
                double[][] behaviour = RandomProfiles.behaviour(c.structure(), random);
                double[][] plans = evaluator.realizationPlans(behaviour);
                double[] expected = evaluator.expectedValues(c.instance(), plans);
                NashGapReport report = evaluator.nashGap(c.instance(), behaviour);
                for (int i = 0; i < counts.length; i++) {
                    double best = Double.NEGATIVE_INFINITY;
                    double value = 0;
                    for (int a = 0; a < counts[i]; a++) {
                        double q = payoffAgainst(g, counts, behaviour, i, a);
                        best = Math.max(best, q);
                        value += behaviour[i][1 + a] * q;
                    }
                    assertEquals(best, evaluator.bestResponseValue(c.instance(), plans, i), 1e-13);
                    assertEquals(best, report.bestResponseValues()[i], 1e-13);
                    assertEquals(value, expected[i], 1e-13);
                    assertEquals(value, report.expectedValues()[i], 1e-13);
                    double[] v = evaluator.sequenceValues(c.instance(), plans, i);
                    for (int a = 0; a < counts[i]; a++) {
                        assertEquals(payoffAgainst(g, counts, behaviour, i, a), v[1 + a], 1e-13);
                    }
                }
            }
        }
    }

    @Test
    void mixedEquilibriaOfClassicGamesHaveNashGapZero() {
        // Matching pennies: the unique equilibrium is (1/2, 1/2) for both (von Neumann & Morgenstern 1944).
        NormalFormGame pennies = new NormalFormGame("matching_pennies", new int[] {2, 2},
                new double[][] {{1, -1, -1, 1}, {-1, 1, 1, -1}});
        assertNashGap(pennies, new double[][] {{1, 0.5, 0.5}, {1, 0.5, 0.5}}, 0);
        // Shapley's game (Shapley 1964, "Some topics in two-person games"): unique equilibrium uniform.
        NormalFormGame shapley = new NormalFormGame("shapley", new int[] {3, 3},
                new double[][] {{1, 0, 0, 0, 1, 0, 0, 0, 1}, {0, 1, 0, 0, 0, 1, 1, 0, 0}});
        double t = 1.0 / 3;
        assertNashGap(shapley, new double[][] {{1, t, t, t}, {1, t, t, t}}, 0);
        // Pure profile (row 0, column 0) of Shapley's game: player 1 gains 1 by switching to column 1 (payoff
        // 0 → 1), player 0 is already best responding (payoff 1) — NashGap 1, by hand.
        assertNashGap(shapley, new double[][] {{1, 1, 0, 0}, {1, 1, 0, 0}}, 1);
    }

    private static void assertNashGap(NormalFormGame g, double[][] behaviour, double expected) {
        CompiledGame c = GameCompiler.compile(g);
        NashGapReport report = new ExactEvaluator(c.structure()).nashGap(c.instance(), behaviour);
        assertEquals(expected, report.nashGap(), 1e-15, g.name() + ": " + report);
    }
}

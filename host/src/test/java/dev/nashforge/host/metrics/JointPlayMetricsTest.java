package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.NormalFormGame;
import dev.nashforge.host.testgames.RandomProfiles;
import dev.nashforge.host.testgames.TestKuhnPoker;
import dev.nashforge.host.testgames.TestSignalGame;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.nashforge.host.metrics.ExactEvaluatorNormalFormTest.actionOf;
import static dev.nashforge.host.metrics.ExactEvaluatorNormalFormTest.jointSize;
import static dev.nashforge.host.metrics.ExactEvaluatorNormalFormTest.withAction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CCEGap, total correlation and the joint-play accumulator (method.md §4). */
class JointPlayMetricsTest {

    /** A run of {@code iterates} random joint iterates with random weights; plans kept in {@code plansOut}. */
    private static JointPlay randomPlay(CompiledGame c, ExactEvaluator evaluator, int iterates, Random random,
                                        double[][][] plansOut, double[] weightsOut) {
        JointPlay play = JointPlay.empty(c.structure());
        for (int t = 0; t < iterates; t++) {
            double[][] plans = evaluator.realizationPlans(RandomProfiles.behaviour(c.structure(), random));
            double w = 0.1 + random.nextDouble() * t;
            play.add(w, plans);
            if (plansOut != null) {
                plansOut[t] = plans;
                weightsOut[t] = w;
            }
        }
        return play;
    }

    @Test
    void twoPlayerIdentityNashGapEqualsCceGapPlusValueDifferences() {
        // method.md §4: for two players NashGap(x̄) = CCEGap(μ) + Σ_i [u_i(μ) − u_i(x̄)], because y_i = x̄_{-i}.
        Random random = new Random(7);
        Game[] games = {new TestKuhnPoker(2, 0.1), new TestSignalGame(3),
                RandomProfiles.normalForm(new int[] {3, 4}, random)};
        for (Game g : games) {
            CompiledGame c = GameCompiler.compile(g);
            ExactEvaluator evaluator = new ExactEvaluator(c.structure());
            for (int trial = 0; trial < 5; trial++) {
                JointPlay play = randomPlay(c, evaluator, 2 + trial * 3, random, null, null);
                double[][] average = play.averagePlans();
                NashGapReport atAverage = evaluator.nashGapOfPlans(c.instance(), average);
                double[] jointValues = evaluator.jointExpectedValues(c.instance(), play);
                double rhs = evaluator.cceGap(c.instance(), play);
                for (int i = 0; i < 2; i++) {
                    rhs += jointValues[i] - atAverage.expectedValues()[i];
                }
                assertEquals(atAverage.nashGap(), rhs, 1e-12, g.name() + " trial " + trial);
                // via behaviour: x̄ → σ̄ → plans reproduces x̄ on reached sequences, same NashGap
                double[][] averageBehaviour = evaluator.behaviourFromPlans(average);
                assertEquals(atAverage.nashGap(), evaluator.nashGap(c.instance(), averageBehaviour).nashGap(),
                        1e-12);
            }
        }
    }

    @Test
    void totalCorrelationIsNonNegativeOnEveryGame() {
        Random random = new Random(8);
        Game[] games = {new TestKuhnPoker(3), new TestKuhnPoker(2, 0.2), new TestSignalGame(5),
                RandomProfiles.normalForm(new int[] {2, 3, 2}, random)};
        for (Game g : games) {
            CompiledGame c = GameCompiler.compile(g);
            ExactEvaluator evaluator = new ExactEvaluator(c.structure());
            for (int trial = 0; trial < 6; trial++) {
                JointPlay play = randomPlay(c, evaluator, 1 + trial * 2, random, null, null);
                double tc = evaluator.totalCorrelation(c.instance(), play);
                assertTrue(tc >= 0, g.name() + ": TC " + tc);
                if (trial > 0) {
                    assertTrue(tc > 0, g.name() + ": several random iterates are correlated, TC " + tc);
                }
            }
        }
    }

    @Test
    void cceGapIsNonNegativeInTwoPlayerZeroSumGames() {
        // Two players, zero-sum: CCEGap(μ) = BR_0(x̄_1) + BR_1(x̄_0) − 0 = NashGap(x̄) ≥ 0 (method.md §4 identity
        // with u_0 + u_1 = 0).
        Random random = new Random(14);
        CompiledGame c = GameCompiler.compile(new TestKuhnPoker(2));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        for (int trial = 0; trial < 10; trial++) {
            JointPlay play = randomPlay(c, evaluator, 1 + trial, random, null, null);
            double cce = evaluator.cceGap(c.instance(), play);
            assertTrue(cce >= -1e-12, "CCEGap " + cce);
            assertEquals(evaluator.nashGapOfPlans(c.instance(), play.averagePlans()).nashGap(), cce, 1e-12);
        }
    }

    @Test
    void cceGapCanBeNegativeInGeneralSumGames() {
        // Hand-computed: coordination game (1 if both pick the same action, else 0), iterates (A,A) and (B,B)
        // with equal weight. u_i(μ) = 1 while every fixed deviation earns 1/2, so each δ_i = −1/2, CCEGap = −1;
        // x̄ is uniform, so TC = 2·ln 2 − ln 2 = ln 2 and NashGap(x̄) = 0 = −1 + 2·(1 − 1/2).
        NormalFormGame coordination = new NormalFormGame("coordination", new int[] {2, 2},
                new double[][] {{1, 0, 0, 1}, {1, 0, 0, 1}});
        CompiledGame c = GameCompiler.compile(coordination);
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        JointPlay play = JointPlay.empty(c.structure());
        play.add(1, new double[][] {{1, 1, 0}, {1, 1, 0}});
        play.add(1, new double[][] {{1, 0, 1}, {1, 0, 1}});
        assertArrayEquals(new double[] {-0.5, -0.5}, evaluator.cceDeviationIncentives(c.instance(), play), 0.0);
        assertEquals(-1.0, evaluator.cceGap(c.instance(), play), 0.0);
        assertEquals(Math.log(2), evaluator.totalCorrelation(c.instance(), play), 1e-15);
        assertEquals(0.0, evaluator.nashGapOfPlans(c.instance(), play.averagePlans()).nashGap(), 0.0);
    }

    @Test
    void totalCorrelationStaysFiniteWhenAJointWeightIsSubnormal() {
        // Two iterates of a 2x2 game with weight 1 each: x1 = (1e-320, 1), x2 = (1, 0), then x1 = (1, 0),
        // x2 = (0, 1). Terminal (a0, b0) has p_μ = 1e-320/2 (subnormal) but p_ν = x̄1[a0] x̄2[b0] = 1/4, so
        // p_ν/p_μ overflows; the exact term is p_ν − p_μ − p_μ ln(p_ν/p_μ) = 1/4 to double precision. The other
        // terminals (hand-computed): (a0,b1) p_μ = 1/2, p_ν = 1/4; (a1,b0) p_μ = 1/2, p_ν = 1/4; (a1,b1) p_μ = 0,
        // p_ν = 1/4. TC = 1/4 + 2·(1/2 ln 2 − 1/4) + 1/4 = ln 2.
        NormalFormGame g = new NormalFormGame("two-by-two", new int[] {2, 2},
                new double[][] {{1, 0, 0, 1}, {0, 1, 1, 0}});
        CompiledGame c = GameCompiler.compile(g);
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        JointPlay play = JointPlay.empty(c.structure());
        play.add(1, new double[][] {{1, 1e-320, 1}, {1, 1, 0}});
        play.add(1, new double[][] {{1, 1, 0}, {1, 0, 1}});
        double tc = evaluator.totalCorrelation(c.instance(), play);
        assertTrue(Double.isFinite(tc), "TC = " + tc);
        assertEquals(Math.log(2), tc, 1e-15);
        assertEquals(0.25, KlTerm.of(5e-321, 0.25, Double.NaN), 1e-300);
        // p_ν/p_μ ≈ 7.8e-18 (three-player Leduc, NPCFR+, 1024 iterations): ratio − 1 rounds to −1, yet the term is
        // p_ν − p_μ + p_μ ln(p_μ/p_ν) = 7.2076504e-16 · (ln(1.28478e17) − 1) ≈ 2.7672e-14
        double pMu = 7.207650400316148E-16;
        double pNu = 5.6100231497542394E-33;
        assertEquals(pNu - pMu + pMu * Math.log(pMu / pNu), KlTerm.of(pMu, pNu, Double.NaN), 1e-28);
        assertEquals(2.7672e-14, KlTerm.of(pMu, pNu, Double.NaN), 1e-17);
        // p_ν underflowed to 0 although its factors are positive: the logarithms of the factors are used
        assertEquals(1e-300 * (Math.log(1e-300) - (-800)) - 1e-300, KlTerm.of(1e-300, 0, -800), 1e-310);
    }

    @Test
    void singleIterateHasZeroCorrelationAndCceGapEqualsNashGap() {
        Random random = new Random(9);
        Game[] games = {new TestKuhnPoker(3), new TestSignalGame(1),
                RandomProfiles.normalForm(new int[] {2, 2, 3}, random)};
        for (Game g : games) {
            CompiledGame c = GameCompiler.compile(g);
            ExactEvaluator evaluator = new ExactEvaluator(c.structure());
            double[][] plans = evaluator.realizationPlans(RandomProfiles.behaviour(c.structure(), random));
            JointPlay play = JointPlay.empty(c.structure());
            play.add(2.5, plans);
            assertEquals(0.0, evaluator.totalCorrelation(c.instance(), play), g.name());
            // With one iterate μ is a product distribution, so CCE and Nash deviations coincide, for any N.
            assertEquals(evaluator.nashGapOfPlans(c.instance(), plans).nashGap(),
                    evaluator.cceGap(c.instance(), play), 1e-13);
            assertEquals(2.5, play.totalWeight());
            for (int i = 0; i < plans.length; i++) {
                assertArrayEquals(plans[i], play.averagePlans()[i]);
            }
        }
    }

    @Test
    void normalFormTotalCorrelationAndCceGapMatchTheExplicitJointDistribution() {
        // method.md §4: for normal-form games TC = Σ_i H(x̄_i) − H(μ); CCEGap from the explicit μ tensor.
        Random random = new Random(10);
        for (int[] counts : new int[][] {{3, 3}, {2, 3, 2}, {4, 2}}) {
            NormalFormGame g = RandomProfiles.normalForm(counts, random);
            CompiledGame c = GameCompiler.compile(g);
            ExactEvaluator evaluator = new ExactEvaluator(c.structure());
            int iterates = 7;
            double[][][] plans = new double[iterates][][];
            double[] weights = new double[iterates];
            JointPlay play = randomPlay(c, evaluator, iterates, random, plans, weights);
            double totalWeight = 0;
            for (double w : weights) {
                totalWeight += w;
            }
            int joint = jointSize(counts);
            double[] mu = new double[joint];
            for (int t = 0; t < iterates; t++) {
                for (int k = 0; k < joint; k++) {
                    double p = weights[t] / totalWeight;
                    for (int i = 0; i < counts.length; i++) {
                        p *= plans[t][i][1 + actionOf(counts, k, i)];
                    }
                    mu[k] += p;
                }
            }
            double entropySum = 0;
            for (int i = 0; i < counts.length; i++) {
                for (int a = 0; a < counts[i]; a++) {
                    double m = 0;
                    for (int t = 0; t < iterates; t++) {
                        m += weights[t] / totalWeight * plans[t][i][1 + a];
                    }
                    entropySum -= m > 0 ? m * Math.log(m) : 0;
                }
            }
            double jointEntropy = 0;
            for (double m : mu) {
                jointEntropy -= m > 0 ? m * Math.log(m) : 0;
            }
            assertEquals(entropySum - jointEntropy, evaluator.totalCorrelation(c.instance(), play), 1e-12);

            double cce = 0;
            for (int i = 0; i < counts.length; i++) {
                double value = 0;
                for (int k = 0; k < joint; k++) {
                    value += mu[k] * g.payoff(i, k);
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < counts[i]; a++) {
                    double deviation = 0;
                    for (int k = 0; k < joint; k++) {
                        deviation += mu[k] * g.payoff(i, withAction(counts, k, i, a));
                    }
                    best = Math.max(best, deviation);
                }
                cce += best - value;
                assertEquals(value, evaluator.jointExpectedValues(c.instance(), play)[i], 1e-13);
            }
            assertEquals(cce, evaluator.cceGap(c.instance(), play), 1e-12);
        }
    }

    @Test
    void ofReproducesTheAccumulatedPlay() {
        Random random = new Random(12);
        CompiledGame c = GameCompiler.compile(new TestKuhnPoker(3));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        JointPlay play = randomPlay(c, evaluator, 5, random, null, null);
        JointPlay copy = JointPlay.of(play.totalWeight(), play.averagePlans(), play.opponentWeights(),
                play.jointWeights());
        assertEquals(evaluator.totalCorrelation(c.instance(), play), evaluator.totalCorrelation(c.instance(), copy));
        assertEquals(evaluator.cceGap(c.instance(), play), evaluator.cceGap(c.instance(), copy));
        assertThrows(IllegalStateException.class, () -> copy.add(1, play.averagePlans()));
    }

    @Test
    void opponentAndJointWeightsAndTotalCorrelationMatchTheirDefinitions() {
        // y_i(z), J(z) and TC = KL(p_μ ‖ p_ν) by definition (method.md §4), on three players, against direct sums
        // over the stored iterates.
        Random random = new Random(13);
        CompiledGame c = GameCompiler.compile(new TestKuhnPoker(3));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        double[][][] plans = new double[4][][];
        double[] weights = new double[4];
        JointPlay play = randomPlay(c, evaluator, 4, random, plans, weights);
        double total = weights[0] + weights[1] + weights[2] + weights[3];
        double[][] y = play.opponentWeights();
        double[] joint = play.jointWeights();
        double[] chance = c.instance().chanceReach();
        double kl = 0;
        for (int z = 0; z < c.structure().numTerminals(); z++) {
            double expectedJoint = 0;
            for (int t = 0; t < 4; t++) {
                double all = weights[t] / total;
                for (int j = 0; j < 3; j++) {
                    all *= plans[t][j][c.structure().terminalSequence(j)[z]];
                }
                expectedJoint += all;
            }
            assertEquals(expectedJoint, joint[z], 1e-14);
            // KL(p_μ ‖ p_ν) term by definition, x̄ recomputed from the iterates
            double productOfAverages = 1;
            for (int j = 0; j < 3; j++) {
                double average = 0;
                for (int t = 0; t < 4; t++) {
                    average += weights[t] / total * plans[t][j][c.structure().terminalSequence(j)[z]];
                }
                productOfAverages *= average;
            }
            if (expectedJoint > 0) {
                kl += chance[z] * expectedJoint * Math.log(expectedJoint / productOfAverages);
            }
            for (int i = 0; i < 3; i++) {
                double expected = 0;
                for (int t = 0; t < 4; t++) {
                    double others = weights[t] / total;
                    for (int j = 0; j < 3; j++) {
                        if (j != i) {
                            others *= plans[t][j][c.structure().terminalSequence(j)[z]];
                        }
                    }
                    expected += others;
                }
                assertEquals(expected, y[i][z], 1e-14);
            }
        }
        assertEquals(kl, evaluator.totalCorrelation(c.instance(), play), 1e-13);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        CompiledGame c = GameCompiler.compile(new TestKuhnPoker(2));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        JointPlay play = JointPlay.empty(c.structure());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> evaluator.cceGap(c.instance(), play));
        assertTrue(empty.getMessage().contains("add at least one iterate"), empty.getMessage());
        double[][] plans = evaluator.realizationPlans(RandomProfiles.behaviour(c.structure(), new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> play.add(0, plans));
        assertThrows(IllegalArgumentException.class, () -> play.add(Double.NaN, plans));
        assertThrows(IllegalArgumentException.class, () -> play.add(1, new double[][] {plans[0]}));
        assertThrows(IllegalArgumentException.class, () -> JointPlay.of(0, plans, new double[2][3], new double[3]));
    }
}

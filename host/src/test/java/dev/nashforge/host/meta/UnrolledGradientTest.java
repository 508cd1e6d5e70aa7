package dev.nashforge.host.meta;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.JointPlay;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole meta-gradient chain (regret matching, plans, counterfactual values, regret update, network, loss)
 * through all unrolled iterations against central finite differences, checkpointed recomputation against full
 * storage, and the loss's total correlation against {@link ExactEvaluator#totalCorrelation}.
 */
class UnrolledGradientTest {

    private static final int HORIZON = 6;

    /** Random network parameters: the initial ones plus uniform noise, so every weight matters. */
    static double[] randomParams(PredictorNetwork net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = net.initialParameters(r);
        for (int k = 0; k < p.length; k++) {
            p[k] += 0.5 * (2 * r.nextDouble() - 1);
        }
        return p;
    }

    @Test
    void wholeChainMatchesFiniteDifferences() {
        MetaLoss loss = new MetaLoss(1.0, 0.3, 0.2, LossSchedule.LINEAR);
        int checked = 0;
        for (MetaTestGames g : MetaTestGames.all()) {
            for (PredictorArchitecture arch : new PredictorArchitecture[] {PredictorArchitecture.gru(4),
                    PredictorArchitecture.mlp(4)}) {
                for (SolverVariant variant : SolverVariant.values()) {
                    PredictorNetwork net = new PredictorNetwork(arch);
                    UnrolledSolver solver = new UnrolledSolver(g.layout, net,
                            new UnrolledConfig(variant, variant.defaultAveraging(), HORIZON, loss));
                    String what = g + " " + arch.cell() + " " + variant;
                    Usable u = usable(solver, g, net, 0, what);
                    MetaGradient mg = u.gradient();
                    double[] x = u.params();
                    assertEquals(mg.loss(), solver.loss(g.instance, x), 0.0, what + ": loss() and gradient() differ");
                    FiniteDifferences.check(what + " meta-gradient", x, () -> solver.loss(g.instance, x),
                            mg.gradient());
                    checked++;
                }
            }
        }
        assertEquals(16, checked);
    }

    @Test
    void lastIterateNashGapTermMatchesFiniteDifferences() {
        int checked = 0;
        for (MetaTestGames g : new MetaTestGames[] {MetaTestGames.kuhn(), MetaTestGames.matrix3(),
                MetaTestGames.kuhn3()}) {
            for (boolean logarithmic : new boolean[] {false, true}) {
                PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(4));
                MetaLoss loss = new MetaLoss(0, 0, 0, LossSchedule.LINEAR, logarithmic, 1.0);
                UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                        AveragingWeights.QUADRATIC, HORIZON, loss));
                UnrolledSolver both = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                        AveragingWeights.QUADRATIC, HORIZON, new MetaLoss(1, 0.5, 0, LossSchedule.LINEAR, false, 2.0)));
                UnrolledSolver without = new UnrolledSolver(g.layout, net, new UnrolledConfig(
                        SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC, HORIZON,
                        new MetaLoss(1, 0.5, 0, LossSchedule.LINEAR)));
                double[] params = null;
                MetaGradient mg = null;
                for (long seed = 1; seed < 60; seed++) {
                    double[] p = randomParams(net, seed);
                    MetaGradient candidate = solver.gradient(g.instance, p, 0, 3);
                    if (candidate.kinkMargin() > 1.5e-4 && norm(candidate.gradient()) > 1e-6) {
                        params = p;
                        mg = candidate;
                        break;
                    }
                }
                String what = g + " last-iterate NashGap" + (logarithmic ? " (log)" : "");
                assertTrue(params != null, what + ": no random network away from kinks in 60 seeds");
                double[] x = params;
                double[] fixed = params.clone();
                FiniteDifferences.check(what, x, () -> solver.loss(g.instance, fixed, x, 3), mg.gradient());
                // the term adds to the others: loss and gradient of (1, 0.5, 0, 2) = (1, 0.5, 0, 0) + 2 · (0, 0, 0, 1)
                if (!logarithmic) {
                    MetaGradient sum = both.gradient(g.instance, x, 0, 3);
                    MetaGradient rest = without.gradient(g.instance, x, 0, 3);
                    assertEquals(rest.loss() + 2 * mg.loss(), sum.loss(), 1e-12, what + ": loss adds");
                    for (int k = 0; k < x.length; k++) {
                        assertEquals(rest.gradient()[k] + 2 * mg.gradient()[k], sum.gradient()[k],
                                1e-10 * (1 + Math.abs(sum.gradient()[k])), what + ": gradient entry " + k);
                    }
                    assertTrue(mg.loss() > 0, what + ": a random network's iterates are not a Nash equilibrium");
                }
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    @Test
    void checkpointedRecomputationGivesTheSameGradient() {
        for (MetaTestGames g : new MetaTestGames[] {MetaTestGames.kuhn(), MetaTestGames.matrix3()}) {
            PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(5));
            int horizon = 11;
            UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                    AveragingWeights.QUADRATIC, horizon, new MetaLoss(1, 0.5, 0.5, LossSchedule.UNIFORM)));
            double[] p = randomParams(net, 3);
            MetaGradient full = solver.gradient(g.instance, p, 0);
            for (int k : new int[] {1, 2, 3, 5, 10, 11, 50}) {
                MetaGradient cp = solver.gradient(g.instance, p, k);
                assertEquals(full.loss(), cp.loss(), 0.0, g + " checkpoint interval " + k + ": loss");
                assertArrayEquals(full.gradient(), cp.gradient(), 0.0, g + " checkpoint interval " + k);
            }
            assertTrue(solver.bytesPerIteration() > solver.bytesPerCheckpoint());
        }
    }

    @Test
    void truncatedGradientAfterAWarmUpMatchesFiniteDifferences() {
        int warmup = 7;
        int checked = 0;
        for (MetaTestGames g : new MetaTestGames[] {MetaTestGames.kuhn(), MetaTestGames.matrix3()}) {
            for (SolverVariant variant : SolverVariant.values()) {
                PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(4));
                UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(variant,
                        variant.defaultAveraging(), 5, new MetaLoss(1.0, 0.5, 0.2, LossSchedule.LINEAR)));
                String what = g + " " + variant + " after a warm-up of " + warmup;
                Usable u = usable(solver, g, net, warmup, what);
                MetaGradient mg = u.gradient();
                double[] prefix = u.params();
                double[] fixed = prefix;
                double[] x = prefix.clone();
                assertEquals(mg.loss(), solver.loss(g.instance, fixed, x, warmup), 0.0, what + ": loss vs gradient");
                FiniteDifferences.check(what + " truncated meta-gradient", x,
                        () -> solver.loss(g.instance, fixed, x, warmup), mg.gradient());
                MetaGradient cold = solver.gradient(g.instance, fixed, 0, 0);
                assertTrue(cold.loss() != mg.loss(), what + ": the warm-up must change the unrolled iterations");
                for (int k : new int[] {1, 2, 3}) {
                    MetaGradient cp = solver.gradient(g.instance, fixed, k, warmup);
                    assertEquals(mg.loss(), cp.loss(), 0.0, what + ", checkpoint interval " + k + ": loss");
                    assertArrayEquals(mg.gradient(), cp.gradient(), 0.0, what + ", checkpoint interval " + k);
                }
                checked++;
            }
        }
        assertEquals(4, checked);
    }

    @Test
    void logarithmicLossIsTheLogOfTheLinearOneWithAMatchingGradient() {
        int warmup = 7;
        for (MetaTestGames g : new MetaTestGames[] {MetaTestGames.kuhn(), MetaTestGames.matrix3()}) {
            PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(4));
            UnrolledSolver linear = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                    AveragingWeights.QUADRATIC, 5, new MetaLoss(1.0, 0.5, 0.2, LossSchedule.LINEAR)));
            UnrolledSolver log = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                    AveragingWeights.QUADRATIC, 5, new MetaLoss(1.0, 0.5, 0.2, LossSchedule.LINEAR, true)));
            double[] p = null;
            MetaGradient mg = null;
            for (long seed = 1; seed < 60; seed++) {
                double[] candidate = randomParams(net, seed);
                MetaGradient m = log.gradient(g.instance, candidate, 0, warmup);
                if (m.kinkMargin() > 1.5e-4 && norm(m.gradient()) > 1e-6) {
                    p = candidate;
                    mg = m;
                    break;
                }
            }
            assertTrue(p != null, g + ": no random network away from kinks in 60 seeds");
            MetaGradient plain = linear.gradient(g.instance, p, 0, warmup);
            double sum = plain.loss();
            assertTrue(sum > 0, g + ": the linear loss must be positive here");
            assertEquals(Math.log(MetaLoss.LOG_FLOOR + sum), mg.loss(), 1e-15, g + ": log loss");
            for (int k = 0; k < p.length; k++) {
                assertEquals(plain.gradient()[k] / (MetaLoss.LOG_FLOOR + sum), mg.gradient()[k],
                        1e-12 * (1 + Math.abs(mg.gradient()[k])), g + ": gradient entry " + k);
            }
            double[] fixed = p;
            double[] x = p.clone();
            FiniteDifferences.check(g + " logarithmic meta-gradient", x, () -> log.loss(g.instance, fixed, x, warmup),
                    mg.gradient());
        }
    }

    @Test
    void lossAfterAWarmUpWeighsTheUnrolledIterationsOnly() {
        MetaTestGames g = MetaTestGames.matrix3();
        PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(4));
        double[] p = randomParams(net, 5);
        int warmup = 6;
        int horizon = 4;
        UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, horizon, new MetaLoss(1, 0, 0, LossSchedule.LINEAR)));
        UnrolledSolver longRun = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, warmup + horizon, new MetaLoss(1, 0, 0, LossSchedule.LINEAR)));
        ExactEvaluator evaluator = new ExactEvaluator(g.layout.structure());
        GameInstance game = g.instance.toGameInstance(g.layout.numPlayers());
        JointPlay play = JointPlay.empty(g.layout.structure());
        double[] lambda = LossSchedule.LINEAR.weights(horizon);
        double[] expected = {0};
        longRun.run(g.instance, p, warmup + horizon, view -> {
            play.add(AveragingWeights.QUADRATIC.weight(view.t()), perPlayer(g.layout, view.plan()));
            if (view.t() > warmup) {
                expected[0] += lambda[view.t() - warmup - 1] * evaluator.totalCorrelation(game, play);
            }
        });
        assertEquals(expected[0], solver.loss(g.instance, p, p, warmup), 1e-12 * Math.max(1, expected[0]));
    }

    @Test
    void lossIsTheTotalCorrelationOfTheExactEvaluator() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(4));
            double[] p = randomParams(net, 7);
            int horizon = 9;
            UnrolledConfig config = new UnrolledConfig(SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC, horizon,
                    new MetaLoss(1, 0, 0, LossSchedule.LINEAR));
            UnrolledSolver solver = new UnrolledSolver(l, net, config);
            ExactEvaluator evaluator = new ExactEvaluator(l.structure());
            GameInstance game = g.instance.toGameInstance(l.numPlayers());
            JointPlay play = JointPlay.empty(l.structure());
            double[] lambda = LossSchedule.LINEAR.weights(horizon);
            double[] expected = {0};
            solver.run(g.instance, p, horizon, view -> {
                play.add(AveragingWeights.QUADRATIC.weight(view.t()), perPlayer(l, view.plan()));
                double tc = evaluator.totalCorrelation(game, play);
                double[][] average = play.averagePlans();
                double[][] ours = perPlayer(l, view.average());
                for (int i = 0; i < ours.length; i++) {
                    assertArrayEquals(average[i], ours[i], 1e-15, g + ": average plans at t=" + view.t());
                }
                if (view.t() > 1) {
                    assertTrue(tc > 0, g + ": the joint play of different iterates is correlated");
                }
                expected[0] += lambda[view.t() - 1] * tc;
            });
            assertEquals(expected[0], solver.loss(g.instance, p), 1e-12 * Math.max(1, expected[0]),
                    g + ": meta-loss vs Σ λ_t ExactEvaluator.totalCorrelation");
        }
    }

    /** Random parameters and their (truncated) meta-gradient. */
    record Usable(double[] params, MetaGradient gradient) {
    }

    /**
     * The first random network (seeds 1 to 59) whose meta-gradient after {@code warmup} forward iterations is away
     * from kinks and not on a flat piece (pure strategies everywhere make the loss locally constant, e.g. NPCFR on
     * two-action Kuhn); fails the test when there is none.
     */
    static Usable usable(UnrolledSolver solver, MetaTestGames g, PredictorNetwork net, int warmup, String what) {
        for (long seed = 1; seed < 60; seed++) {
            double[] p = randomParams(net, seed);
            MetaGradient candidate = solver.gradient(g.instance, p, 0, warmup);
            if (candidate.kinkMargin() > 1.5e-4 && norm(candidate.gradient()) > 1e-6) {
                return new Usable(p, candidate);
            }
        }
        throw new AssertionError(what + ": no random network away from kinks in 60 seeds");
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double[][] perPlayer(MetaLayout l, double[] global) {
        double[][] out = new double[l.numPlayers()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(global, l.sequenceOffset()[i], l.sequenceOffset()[i + 1]);
        }
        return out;
    }
}

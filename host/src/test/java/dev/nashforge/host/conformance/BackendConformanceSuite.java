package dev.nashforge.host.conformance;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.Averaging;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend contract ({@link dev.nashforge.host.backend.Backend}, {@link SolverSession}) checked primitive by
 * primitive on small games, with values computed by hand, for every backend: a backend's test class extends
 * this suite and names the backend ({@link #backend()}); see {@link BackendSuiteBase} for skipping and
 * per-session checks. Tests run in every precision the backend offers.
 *
 * <p><b>The hand-checked position</b> ({@link TwoStageGame}). Written state: player 0's cumulative regrets
 * R(I0) = (1, 3), R(I1) = (−1, −2), R(I2) = (2, −5) with predictions m(I2) = (1, 6) (0 elsewhere); player 1's
 * R(J0) = (1/2, 0), m(J0) = (0, 3/2). Then:
 * <pre>
 * σ0: I0 (1/4, 3/4)  I1 (1/2, 1/2) (all ≤ 0: uniform)  I2 ∝ [R+m]⁺ = (3, 1) → (3/4, 1/4);   σ1: J0 ∝ (1/2, 3/2) → (1/4, 3/4)
 * x0: stop 1/4, go 3/4, c0 3/8, c1 3/8, d0 9/16, d1 3/16;                                   x1: left 1/4, right 3/4
 * player 0 leaf values v = Σ_z u0(z)·x1[s1(z)]: stop 1, go 0, c0 3·1/4 = 3/4, c1 0, d0 −2·3/4 = −3/2, d1 4·3/4 = 3
 *   I1: q = (3/4, 0), V = 3/8, r = (3/8, −3/8);   I2: q = (−3/2, 3), V = −9/8 + 3/4 = −3/8, r = (−9/8, 27/8)
 *   I0: q = (1, 0 + 3/8 − 3/8) = (1, 0), V = 1/4, r = (3/4, −1/4);   q[∅] = u0(x) = 1/4
 *   (check: u0 = 1/4·1 + 3/8·1/4·3 + 9/16·3/4·(−2) + 3/16·3/4·4 = (8 + 9 − 27 + 18)/32 = 1/4)
 * player 1 leaf values v = Σ_z u1(z)·x0[s0(z)]: ∅ −1·1/4 = −1/4, left 2·3/8 = 3/4, right 1·9/16 − 1·3/16 = 3/8
 *   J0: q = (3/4, 3/8), V = 3/16 + 9/32 = 15/32, r = (9/32, −3/32);   q[∅] = −1/4 + 15/32 = 7/32 = u1(x)
 * </pre>
 * All these values are dyadic, so they are exact in both precisions.
 */
public abstract class BackendConformanceSuite extends BackendSuiteBase {

    /** Tolerance for hand values in double precision. */
    protected static final double DOUBLE_EXACT = 1e-12;
    /** Tolerance for hand values in float precision (a few binary32 ulps, relative). */
    protected static final double FLOAT_EXACT = 2e-6;

    private static double exact(Precision precision) {
        return precision == Precision.DOUBLE ? DOUBLE_EXACT : FLOAT_EXACT;
    }

    private static CompiledGame twoStage() {
        return ConformanceGames.compiled(ConformanceGames.TWO_STAGE);
    }

    /** The sequence of action {@code action} at the infoset with key {@code key}. */
    private static int seq(Treeplex t, String key, int action) {
        int infoset = t.indexOfKey(key);
        if (infoset < 0) {
            throw new IllegalStateException("no infoset '" + key + "' in the treeplex of player " + t.player());
        }
        return t.firstSequence()[infoset] + action;
    }

    /** A {@code [sequence]} vector of player {@code p} of two_stage with the values given per infoset (I0, I1, I2 / J0). */
    private static double[] twoStageVector(int p, double[]... perInfoset) {
        Treeplex t = twoStage().structure().treeplex(p);
        double[] v = new double[t.numSequences()];
        String[] keys = p == 0 ? new String[] {TwoStageGame.I0, TwoStageGame.I1, TwoStageGame.I2}
                : new String[] {TwoStageGame.J0};
        for (int k = 0; k < keys.length; k++) {
            for (int a = 0; a < 2; a++) {
                v[seq(t, keys[k], a)] = perInfoset[k][a];
            }
        }
        return v;
    }

    private static SolverConfig config(String name, RegretUpdate update, Prediction prediction, Precision precision) {
        return new SolverConfig(name, update, prediction, Averaging.uniform(), UpdateMode.SIMULTANEOUS, precision);
    }

    /** Writes the hand-checked position's regrets and predictions and computes σ and x of both players. */
    private static void writeHandPosition(SolverSession s) {
        s.write(SequenceBuffer.CUMULATIVE_REGRET, new double[][][] {{
                twoStageVector(0, new double[] {1, 3}, new double[] {-1, -2}, new double[] {2, -5}),
                twoStageVector(1, new double[] {0.5, 0})}});
        s.write(SequenceBuffer.PREDICTION, new double[][][] {{
                twoStageVector(0, new double[] {0, 0}, new double[] {0, 0}, new double[] {1, 6}),
                twoStageVector(1, new double[] {0, 1.5})}});
        for (int p = 0; p < 2; p++) {
            s.computeStrategy(p);
            s.computeRealizationPlan(p);
        }
    }

    private static double[][] handStrategy() {
        double[] s0 = twoStageVector(0, new double[] {0.25, 0.75}, new double[] {0.5, 0.5}, new double[] {0.75, 0.25});
        double[] s1 = twoStageVector(1, new double[] {0.25, 0.75});
        s0[0] = 1;
        s1[0] = 1;
        return new double[][] {s0, s1};
    }

    private static double[][] handPlan() {
        double[] x0 = twoStageVector(0, new double[] {0.25, 0.75}, new double[] {0.375, 0.375},
                new double[] {0.5625, 0.1875});
        double[] x1 = twoStageVector(1, new double[] {0.25, 0.75});
        x0[0] = 1;
        x1[0] = 1;
        return new double[][] {x0, x1};
    }

    private static double[][] handCounterfactualValue() {
        double[] q0 = twoStageVector(0, new double[] {1, 0}, new double[] {0.75, 0}, new double[] {-1.5, 3});
        double[] q1 = twoStageVector(1, new double[] {0.75, 0.375});
        q0[0] = 0.25;
        q1[0] = 7.0 / 32;
        return new double[][] {q0, q1};
    }

    private static double[][] handInstantaneousRegret() {
        return new double[][] {
                twoStageVector(0, new double[] {0.75, -0.25}, new double[] {0.375, -0.375},
                        new double[] {-1.125, 3.375}),
                twoStageVector(1, new double[] {9.0 / 32, -3.0 / 32})};
    }

    // ------------------------------------------------------------------ session basics

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void openLeavesIterationZero(Precision precision) {
        assumePrecision(precision);
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.SIGNAL);
        GameBatch batch = ConformanceGames.perturbedBatch(game, 2, 11);
        SolverConfig config = SolverConfig.pcfrPlus().withPrecision(precision);
        withSession(batch, config, s -> {
            assertSame(batch, s.batch());
            assertEquals(config, s.config());
            assertEquals(backend().availability().device(), s.device(), "a session runs on the backend's device");
            double[][][] sigma = s.read(SequenceBuffer.CURRENT_STRATEGY);
            double[][][] plan = s.read(SequenceBuffer.REALIZATION_PLAN);
            for (int b = 0; b < 2; b++) {
                for (int p = 0; p < 2; p++) {
                    Treeplex t = game.structure().treeplex(p);
                    assertEquals(1.0, sigma[b][p][0], "σ at the empty sequence");
                    assertEquals(1.0, plan[b][p][0], "x at the empty sequence");
                    for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                        int k = t.numActions()[infoset];
                        double uniform = precision == Precision.FLOAT ? (double) (float) (1.0 / k) : 1.0 / k;
                        for (int a = 0; a < k; a++) {
                            int s0 = t.firstSequence()[infoset] + a;
                            assertEquals(uniform, sigma[b][p][s0], exact(precision), "uniform σ, player " + p);
                            assertEquals(plan[b][p][t.parentSequence()[infoset]] * uniform, plan[b][p][s0],
                                    exact(precision), "x = x[parent]·σ, player " + p + ", sequence " + s0);
                        }
                    }
                }
            }
            for (SequenceBuffer zero : new SequenceBuffer[] {SequenceBuffer.CUMULATIVE_REGRET,
                    SequenceBuffer.PREDICTION, SequenceBuffer.AVERAGE_PLAN}) {
                double[][][] v = s.read(zero);
                for (double[][] inst : v) {
                    for (double[] row : inst) {
                        assertClose(new double[row.length], row, 0.0, zero + " at open");
                    }
                }
            }
            for (JointPlayWeights w : s.readJointPlay()) {
                assertClose(new double[w.jointWeights().length], w.jointWeights(), 0.0, "joint weights at open");
                for (double[] y : w.opponentWeights()) {
                    assertClose(new double[y.length], y, 0.0, "opponent weights at open");
                }
            }
        });
    }

    @Test
    void unsupportedPrecisionIsRejected() {
        Set<Precision> missing = EnumSet.complementOf(EnumSet.copyOf(backend().precisions()));
        Assumptions.assumeFalse(missing.isEmpty(), "the backend offers every precision here");
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.TRACE);
        for (Precision p : missing) {
            assertThrows(IllegalArgumentException.class,
                    () -> backend().open(ConformanceGames.single(game), SolverConfig.cfr().withPrecision(p)));
        }
    }

    // ------------------------------------------------------------------ primitives by hand

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void strategyAndRealizationPlanOfTheHandPosition(Precision precision) {
        assumePrecision(precision);
        withSession(ConformanceGames.single(twoStage()), SolverConfig.pcfrPlus().withPrecision(precision), s -> {
            writeHandPosition(s);
            assertClose(new double[][][] {handStrategy()}, s.read(SequenceBuffer.CURRENT_STRATEGY),
                    exact(precision), "σ of the hand position");
            assertClose(new double[][][] {handPlan()}, s.read(SequenceBuffer.REALIZATION_PLAN),
                    exact(precision), "x of the hand position");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void counterfactualValuesAndRegretsOfTheHandPosition(Precision precision) {
        assumePrecision(precision);
        withSession(ConformanceGames.single(twoStage()), SolverConfig.pcfrPlus().withPrecision(precision), s -> {
            writeHandPosition(s);
            s.computeInstantaneousRegrets();
            assertClose(new double[][][] {handCounterfactualValue()}, s.read(SequenceBuffer.COUNTERFACTUAL_VALUE),
                    exact(precision), "q of the hand position");
            assertClose(new double[][][] {handInstantaneousRegret()}, s.read(SequenceBuffer.INSTANTANEOUS_REGRET),
                    exact(precision), "r of the hand position");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void onePlayerGameHasNoOpponentPlans(Precision precision) {
        assumePrecision(precision);
        CompiledGame coin = ConformanceGames.compiled(ConformanceGames.HIDDEN_COIN);
        withSession(ConformanceGames.single(coin), SolverConfig.cfr().withPrecision(precision), s -> {
            // Hidden coin: a fair coin, a right guess wins 1. Uniform guess: q = (1/2, 1/2), V = 1/2, r = 0.
            s.computeInstantaneousRegret(0);
            assertClose(new double[] {0.5, 0.5, 0.5}, s.read(SequenceBuffer.COUNTERFACTUAL_VALUE)[0][0],
                    exact(precision), "q of hidden_coin");
            assertClose(new double[3], s.read(SequenceBuffer.INSTANTANEOUS_REGRET)[0][0], exact(precision),
                    "r of hidden_coin");
            s.accumulateJointPlay(1.0);
            JointPlayWeights w = s.readJointPlay()[0];
            assertClose(new double[] {0.5, 0.5, 0.5, 0.5}, w.jointWeights(), exact(precision),
                    "J(z) = x0[s0(z)]");
            assertClose(new double[] {1, 1, 1, 1}, w.opponentWeights()[0], exact(precision),
                    "y_0(z): the empty product over no opponents");
        });
    }

    /**
     * Player 0 of the hand position: R = (1, 3 | −1, −2 | 2, −5), r = (3/4, −1/4 | 3/8, −3/8 | −9/8, 27/8);
     * player 1: R = (1/2, 0), r = (9/32, −3/32).
     * <pre>
     * sum          R + r   = (7/4, 11/4 | −5/8, −19/8 | 7/8, −13/8);  player 1 (25/32, −3/32)
     * plus         [R + r]⁺ = (7/4, 11/4 | 0, 0 | 7/8, 0);           player 1 (25/32, 0)
     * linear, t=3  R + 3r  = (13/4, 9/4 | 1/8, −25/8 | −11/8, 41/8); player 1 (43/32, −9/32)
     * dcfr(2,0) t=2: R + r, then ≥ 0 scaled by 4/5, &lt; 0 by 1/2 = (7/5, 11/5 | −5/16, −19/16 | 7/10, −13/16);
     *              player 1 (5/8, −3/64)
     * </pre>
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sum/double", "plus/double", "linear/double", "discounted/double",
            "sum/float", "plus/float", "linear/float", "discounted/float"})
    void regretUpdatesOfTheHandPosition(String ruleAndPrecision) {
        String rule = ruleAndPrecision.substring(0, ruleAndPrecision.indexOf('/'));
        Precision precision = Precision.fromLabel(ruleAndPrecision.substring(rule.length() + 1));
        assumePrecision(precision);
        RegretUpdate update;
        int t;
        double[][] expected;
        switch (rule) {
            case "sum" -> {
                update = RegretUpdate.sum();
                t = 5;
                expected = new double[][] {twoStageVector(0, new double[] {1.75, 2.75}, new double[] {-0.625, -2.375},
                        new double[] {0.875, -1.625}), twoStageVector(1, new double[] {25.0 / 32, -3.0 / 32})};
            }
            case "plus" -> {
                update = RegretUpdate.plus();
                t = 5;
                expected = new double[][] {twoStageVector(0, new double[] {1.75, 2.75}, new double[] {0, 0},
                        new double[] {0.875, 0}), twoStageVector(1, new double[] {25.0 / 32, 0})};
            }
            case "linear" -> {
                update = RegretUpdate.linear();
                t = 3;
                expected = new double[][] {twoStageVector(0, new double[] {3.25, 2.25}, new double[] {0.125, -3.125},
                        new double[] {-1.375, 5.125}), twoStageVector(1, new double[] {43.0 / 32, -9.0 / 32})};
            }
            default -> {
                update = RegretUpdate.discounted(2, 0);
                t = 2;
                expected = new double[][] {twoStageVector(0, new double[] {1.4, 2.2}, new double[] {-0.3125, -1.1875},
                        new double[] {0.7, -0.8125}), twoStageVector(1, new double[] {0.625, -3.0 / 64})};
            }
        }
        withSession(ConformanceGames.single(twoStage()),
                config("hand-" + rule, update, Prediction.LAST_INSTANTANEOUS_REGRET, precision), s -> {
                    writeHandPosition(s);
                    s.computeInstantaneousRegrets();
                    s.updateRegret(0, t);
                    s.updateRegret(1, t);
                    assertClose(new double[][][] {expected}, s.read(SequenceBuffer.CUMULATIVE_REGRET),
                            exact(precision), rule + " regret update at t=" + t);
                    assertClose(new double[][][] {handInstantaneousRegret()}, s.read(SequenceBuffer.PREDICTION),
                            exact(precision), "prediction m = last r");
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void noPredictionLeavesThePredictionBufferAlone(Precision precision) {
        assumePrecision(precision);
        withSession(ConformanceGames.single(twoStage()), SolverConfig.cfr().withPrecision(precision), s -> {
            writeHandPosition(s);
            s.computeInstantaneousRegrets();
            double[][][] before = s.read(SequenceBuffer.PREDICTION);
            s.updateRegret(0, 1);
            s.updateRegret(1, 1);
            assertClose(before, s.read(SequenceBuffer.PREDICTION), 0.0, "prediction of a configuration without one");
        });
    }

    /**
     * Running means: x̄ ← x (step 1), then x̄ ← x̄ + (1/4)(x' − x̄) where x' are the uniform plans of two_stage
     * (stop 1/2, go 1/2, c 1/4, 1/4, d 1/4, 1/4; left 1/2, right 1/2). The joint play likewise, with step 1/2:
     * J(z) = Π_j x_j[s_j(z)], y_i(z) = Π_{j≠i} x_j[s_j(z)].
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void averagesAndJointPlayAreRunningMeans(Precision precision) {
        assumePrecision(precision);
        GameStructure structure = twoStage().structure();
        double[][] hand = handPlan();
        double[][] uniform = {
                twoStageVector(0, new double[] {0.5, 0.5}, new double[] {0.25, 0.25}, new double[] {0.25, 0.25}),
                twoStageVector(1, new double[] {0.5, 0.5})};
        uniform[0][0] = 1;
        uniform[1][0] = 1;
        withSession(ConformanceGames.single(twoStage()), SolverConfig.pcfrPlus().withPrecision(precision), s -> {
            writeHandPosition(s);
            s.updateAverage(0, 1.0);
            s.updateAverage(1, 1.0);
            s.accumulateJointPlay(1.0);
            assertClose(new double[][][] {hand}, s.read(SequenceBuffer.AVERAGE_PLAN), exact(precision),
                    "average after step 1");
            s.write(SequenceBuffer.CUMULATIVE_REGRET, new double[][][] {{new double[7], new double[3]}});
            s.write(SequenceBuffer.PREDICTION, new double[][][] {{new double[7], new double[3]}});
            for (int p = 0; p < 2; p++) {
                s.computeStrategy(p);
                s.computeRealizationPlan(p);
            }
            assertClose(new double[][][] {uniform}, s.read(SequenceBuffer.REALIZATION_PLAN), exact(precision),
                    "uniform plans");
            s.updateAverage(0, 0.25);
            s.updateAverage(1, 0.25);
            s.accumulateJointPlay(0.5);
            double[][] expectedAverage = new double[2][];
            for (int p = 0; p < 2; p++) {
                expectedAverage[p] = new double[hand[p].length];
                for (int q = 0; q < hand[p].length; q++) {
                    expectedAverage[p][q] = hand[p][q] + 0.25 * (uniform[p][q] - hand[p][q]);
                }
            }
            assertClose(new double[][][] {expectedAverage}, s.read(SequenceBuffer.AVERAGE_PLAN), exact(precision),
                    "average after step 1/4");
            int z = structure.numTerminals();
            double[] joint = new double[z];
            double[][] opponents = new double[2][z];
            for (int k = 0; k < z; k++) {
                double[] all = new double[2];
                double[] other = new double[2];
                for (int v = 0; v < 2; v++) {
                    double[][] x = v == 0 ? hand : uniform;
                    double x0 = x[0][structure.terminalSequence(0)[k]];
                    double x1 = x[1][structure.terminalSequence(1)[k]];
                    all[v] = x0 * x1;
                    other[v] = v == 0 ? x1 : x0;
                }
                joint[k] = (all[0] + all[1]) / 2;
                double[] x0s = {hand[0][structure.terminalSequence(0)[k]], uniform[0][structure.terminalSequence(0)[k]]};
                double[] x1s = {hand[1][structure.terminalSequence(1)[k]], uniform[1][structure.terminalSequence(1)[k]]};
                opponents[0][k] = (x1s[0] + x1s[1]) / 2;
                opponents[1][k] = (x0s[0] + x0s[1]) / 2;
            }
            JointPlayWeights w = s.readJointPlay()[0];
            assertClose(joint, w.jointWeights(), exact(precision), "joint weights J");
            assertClose(opponents[0], w.opponentWeights()[0], exact(precision), "opponent weights y_0");
            assertClose(opponents[1], w.opponentWeights()[1], exact(precision), "opponent weights y_1");
        });
    }

    // ------------------------------------------------------------------ whole iterations by hand

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cfr", "cfr+", "lcfr", "dcfr", "pcfr+", "rm", "rm+", "prm+"})
    void threeIterationsMatchTheHandTracesInDouble(String preset) {
        checkTrace(PresetTraces.of(preset), Precision.DOUBLE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cfr", "cfr+", "lcfr", "dcfr", "pcfr+", "rm", "rm+", "prm+"})
    void threeIterationsMatchTheHandTracesInFloat(String preset) {
        checkTrace(PresetTraces.of(preset), Precision.FLOAT);
    }

    private void checkTrace(PresetTraces trace, Precision precision) {
        assumePrecision(precision);
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.TRACE);
        SolverConfig config = trace.config().withPrecision(precision);
        double tol = exact(precision);
        withSession(ConformanceGames.single(game), config, s -> {
            RegretMinimizer solver = new RegretMinimizer(s);
            for (int t = 0; t < 3; t++) {
                solver.iterate();
                double[][] sigma = s.read(SequenceBuffer.CURRENT_STRATEGY)[0];
                for (int p = 0; p < 2; p++) {
                    assertClose(trace.strategyAfter()[t][p], new double[] {sigma[p][1], sigma[p][2]}, tol,
                            config.algorithm() + ": σ of player " + p + " after t=" + (t + 1));
                }
            }
            double[][] regret = s.read(SequenceBuffer.CUMULATIVE_REGRET)[0];
            double[][] average = s.read(SequenceBuffer.AVERAGE_PLAN)[0];
            for (int p = 0; p < 2; p++) {
                assertClose(trace.regretAfterThree()[p], new double[] {regret[p][1], regret[p][2]}, tol,
                        config.algorithm() + ": R of player " + p + " after t=3");
                assertClose(trace.averageAfterThree()[p], new double[] {average[p][1], average[p][2]}, tol,
                        config.algorithm() + ": average of player " + p + " after t=3");
            }
        });
    }

    // ------------------------------------------------------------------ determinism and state

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void rerunIsBitIdentical(Precision precision) {
        assumePrecision(precision);
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.KUHN_3P);
        GameBatch batch = ConformanceGames.perturbedBatch(game, 3, 5);
        SolverConfig config = SolverConfig.pcfrPlus().withPrecision(precision);
        withSession(batch, config, first -> withSession(batch, config, second -> {
            iterate(first, new RegretMinimizer(first), 15);
            iterate(second, new RegretMinimizer(second), 15);
            assertSameState(first, second, 0.0, "rerun of " + config.describe());
        }));
    }

    /** Instances of a batch are independent: instance b of a batch gives, bit for bit, its single-instance run. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(UpdateMode.class)
    void batchInstancesMatchTheirSingleRuns(UpdateMode mode) {
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.SIGNAL);
        var instances = ConformanceGames.perturbedInstances(game, 4, 23);
        SolverConfig config = SolverConfig.cfrPlus().withUpdates(mode);
        withSession(new GameBatch(game.structure(), instances), config, batched -> {
            iterate(batched, new RegretMinimizer(batched), 12);
            for (int b = 0; b < instances.size(); b++) {
                int instance = b;
                withSession(ConformanceGames.single(game, instances.get(b)), config, alone -> {
                    iterate(alone, new RegretMinimizer(alone), 12);
                    for (SequenceBuffer buffer : SequenceBuffer.values()) {
                        assertClose(new double[][][] {alone.read(buffer)[0]},
                                new double[][][] {batched.read(buffer)[instance]}, 0.0,
                                buffer + " of instance " + instance);
                    }
                    JointPlayWeights e = alone.readJointPlay()[0];
                    JointPlayWeights a = batched.readJointPlay()[instance];
                    assertClose(e.jointWeights(), a.jointWeights(), 0.0, "joint weights of instance " + instance);
                    for (int p = 0; p < 2; p++) {
                        assertClose(e.opponentWeights()[p], a.opponentWeights()[p], 0.0,
                                "opponent weights of player " + p + ", instance " + instance);
                    }
                });
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void stateRoundTripResumesBitForBit(Precision precision) {
        assumePrecision(precision);
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.KUHN_3P);
        GameBatch batch = ConformanceGames.perturbedBatch(game, 2, 3);
        SolverConfig config = SolverConfig.dcfr().withPrecision(precision);
        withSession(batch, config, original -> withSession(batch, config, resumed -> {
            RegretMinimizer solver = new RegretMinimizer(original);
            iterate(original, solver, 6);
            SessionState state = original.readState();
            resumed.writeState(state);
            SessionState reread = resumed.readState();
            for (SequenceBuffer b : state.buffers().keySet()) {
                assertClose(state.buffer(b), reread.buffer(b), 0.0, "read after write of " + b);
            }
            RegretMinimizer resumedSolver = new RegretMinimizer(resumed);
            resumedSolver.restore(solver.iteration(), solver.totalWeight());
            iterate(original, solver, 4);
            iterate(resumed, resumedSolver, 4);
            assertSameState(original, resumed, 0.0, "resumed after 6 iterations");
        }));
    }

    @Test
    void floatSessionsHoldOnlyBinary32Values() {
        assumePrecision(Precision.FLOAT);
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.KUHN_3P);
        withSession(ConformanceGames.perturbedBatch(game, 2, 9), SolverConfig.dcfr().withPrecision(Precision.FLOAT),
                s -> {
                    iterate(s, new RegretMinimizer(s), 8);
                    int nonZero = 0;
                    for (SequenceBuffer buffer : SequenceBuffer.values()) {
                        for (double[][] inst : s.read(buffer)) {
                            for (double[] row : inst) {
                                for (double v : row) {
                                    assertEquals(v, (double) (float) v, 0.0, buffer + " holds a non-binary32 value");
                                    nonZero += v != 0 && v != 1 ? 1 : 0;
                                }
                            }
                        }
                    }
                    for (JointPlayWeights w : s.readJointPlay()) {
                        for (double v : w.jointWeights()) {
                            assertEquals(v, (double) (float) v, 0.0, "joint weight is not binary32");
                        }
                        for (double[] y : w.opponentWeights()) {
                            for (double v : y) {
                                assertEquals(v, (double) (float) v, 0.0, "opponent weight is not binary32");
                            }
                        }
                    }
                    assertTrue(nonZero > 100, "expected a non-trivial state, found " + nonZero + " values");
                });
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badArgumentsNameWhatIsWrong() {
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.TRACE);
        withSession(ConformanceGames.single(game), SolverConfig.cfr(), s -> {
            IllegalArgumentException player = assertThrows(IllegalArgumentException.class, () -> s.computeStrategy(2));
            assertEquals("player 2 does not exist in " + game.structure().name() + " (2 players)", player.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.computeRealizationPlan(-1));
            assertThrows(IllegalArgumentException.class, () -> s.computeInstantaneousRegret(2));
            assertThrows(IllegalArgumentException.class, () -> s.updateAverage(0, 0.0));
            IllegalArgumentException step = assertThrows(IllegalArgumentException.class, () -> s.updateAverage(0, 1.5));
            assertEquals("an averaging step w_t/W_t must lie in (0, 1], got 1.5", step.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.accumulateJointPlay(Double.NaN));
            IllegalArgumentException iteration = assertThrows(IllegalArgumentException.class,
                    () -> s.updateRegret(0, 0));
            assertEquals("iterations are numbered from 1, got 0", iteration.getMessage());
            IllegalStateException learned = assertThrows(IllegalStateException.class, () -> s.computePrediction(1));
            assertTrue(learned.getMessage().startsWith("computePrediction needs a learned prediction"),
                    learned.getMessage());
            assertThrows(IllegalStateException.class, () -> s.computePrediction(0, 1));
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> s.write(SequenceBuffer.CUMULATIVE_REGRET, new double[][][] {{new double[3], new double[2]}}));
            assertTrue(shape.getMessage().contains("player 1"), shape.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> s.write(SequenceBuffer.CUMULATIVE_REGRET, new double[][][] {{new double[3]}}));
            assertThrows(IllegalArgumentException.class,
                    () -> s.write(SequenceBuffer.AVERAGE_PLAN, new double[2][2][3]));
            assertThrows(IllegalArgumentException.class,
                    () -> s.write(SequenceBuffer.INSTANTANEOUS_REGRET, s.read(SequenceBuffer.INSTANTANEOUS_REGRET)));
            assertThrows(IllegalArgumentException.class, () -> s.writeJointPlay(new JointPlayWeights[2]));
            assertThrows(IllegalArgumentException.class, () -> s.writeJointPlay(new JointPlayWeights[] {
                    new JointPlayWeights(new double[2][3], new double[4])}));
        });
    }

    @Test
    void aClosedSessionRefusesEveryPrimitive() {
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.TRACE);
        SolverSession s = backend().open(ConformanceGames.single(game), SolverConfig.cfr());
        s.close();
        s.close(); // idempotent
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> s.computeStrategy(0));
        assertTrue(closed.getMessage().contains("solver session was closed"), closed.getMessage());
        assertThrows(IllegalStateException.class, () -> s.updateRegret(0, 1));
        assertThrows(IllegalStateException.class, () -> s.accumulateJointPlay(1.0));
        assertThrows(IllegalStateException.class, () -> s.read(SequenceBuffer.AVERAGE_PLAN));
    }
}

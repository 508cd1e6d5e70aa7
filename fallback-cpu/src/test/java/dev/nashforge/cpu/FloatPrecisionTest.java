package dev.nashforge.cpu;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Precision#FLOAT} really is binary32, and agrees with {@link Precision#DOUBLE} within the documented
 * tolerance.
 *
 * <p><b>Tolerance.</b> Float and double runs follow the same trajectory until rounding moves a cumulative
 * regret across 0, after which regret matching (discontinuous there) lets them drift apart while both still
 * converge. The average strategy, a mean of many iterates, is what stays close: after 200 iterations on
 * the random signal games (payoffs in [−1, 1]) the average behaviour agrees to {@value #AVERAGE_TOLERANCE}
 * per action and each player's expected value of the average profile to {@value #VALUE_TOLERANCE}
 * (measured: at most 2e-7 and 8e-7 over the presets tested here, a few binary32 ulps).
 */
class FloatPrecisionTest {

    /** Largest |σ̄_float − σ̄_double| per action after {@value #ITERATIONS} iterations. */
    static final double AVERAGE_TOLERANCE = 1e-5;
    /** Largest |u_i(x̄_float) − u_i(x̄_double)| after {@value #ITERATIONS} iterations, payoffs in [−1, 1]. */
    static final double VALUE_TOLERANCE = 1e-5;
    static final int ITERATIONS = 200;

    @Test
    void floatSessionsHoldOnlyBinary32Values() {
        CompiledGame game = TestGames.compile(TestGames.signalGame(3, 2, 2, 3));
        SolverConfig config = SolverConfig.dcfr();
        try (SolverSession single = run(game, config.withPrecision(Precision.FLOAT), 10);
             SolverSession reference = run(game, config, 10)) {
            int differing = 0;
            for (SequenceBuffer buffer : SequenceBuffer.values()) {
                double[][] f = single.read(buffer)[0];
                double[][] d = reference.read(buffer)[0];
                for (int p = 0; p < f.length; p++) {
                    for (int s = 0; s < f[p].length; s++) {
                        assertEquals(f[p][s], (double) (float) f[p][s], 0.0,
                                buffer + " of player " + p + " holds a value that is not binary32");
                        if (f[p][s] != d[p][s]) {
                            differing++;
                        }
                    }
                }
            }
            JointPlayWeights joint = single.readJointPlay()[0];
            for (double v : joint.jointWeights()) {
                assertEquals(v, (double) (float) v, 0.0, "joint weight is not binary32");
            }
            for (double[] y : joint.opponentWeights()) {
                for (double v : y) {
                    assertEquals(v, (double) (float) v, 0.0, "opponent weight is not binary32");
                }
            }
            assertTrue(differing > 100, "float and double runs should differ by rounding, differing=" + differing);
        }
    }

    private static SolverSession run(CompiledGame game, SolverConfig config, int iterations) {
        SolverSession session = new CpuBackend(1).open(TestGames.single(game), config);
        RegretMinimizer solver = new RegretMinimizer(session);
        for (int t = 0; t < iterations; t++) {
            session.accumulateJointPlay(solver.nextAverageStep());
            solver.iterate();
        }
        return session;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cfr", "cfr+", "dcfr", "pcfr+", "rm+"})
    void floatAgreesWithDouble(String preset) {
        CompiledGame game = TestGames.compile(TestGames.signalGame(2, 3, 2, 21));
        SolverConfig config = SolverConfig.preset(preset);
        double[][] doublePlans = averagePlans(game, config);
        double[][] floatPlans = averagePlans(game, config.withPrecision(Precision.FLOAT));
        double worst = 0;
        for (int p = 0; p < 2; p++) {
            Treeplex t = game.structure().treeplex(p);
            double[] d = Profiles.behaviourFromPlan(t, doublePlans[p]);
            double[] f = Profiles.behaviourFromPlan(t, floatPlans[p]);
            for (int s = 1; s < d.length; s++) {
                worst = Math.max(worst, Math.abs(d[s] - f[s]));
            }
        }
        double[] vd = Profiles.expectedValues(game.structure(), game.instance(), doublePlans);
        double[] vf = Profiles.expectedValues(game.structure(), game.instance(), floatPlans);
        assertTrue(worst <= AVERAGE_TOLERANCE, preset + ": average strategies differ by " + worst);
        for (int p = 0; p < 2; p++) {
            assertEquals(vd[p], vf[p], VALUE_TOLERANCE, preset + ": expected value of player " + p);
        }
    }

    private static double[][] averagePlans(CompiledGame game, SolverConfig config) {
        try (SolverSession session = new CpuBackend(1).open(TestGames.single(game), config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < ITERATIONS; t++) {
                solver.iterate();
            }
            return session.read(SequenceBuffer.AVERAGE_PLAN)[0];
        }
    }
}

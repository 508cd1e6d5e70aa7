package dev.nashforge.cpu;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.JointPlay;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The backend's accumulated joint play equals the metrics' own accumulator ({@link JointPlay#add}) fed with
 * the plans read back at the start of every iteration, and its marginals are the average plans; the two-player
 * identity NashGap(x̄) = CCEGap(μ) + Σ_i [u_i(μ) − u_i(x̄)] (method.md §4) then holds on it.
 */
class JointPlayParityTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @EnumSource(UpdateMode.class)
    void backendJointPlayMatchesTheMetricsAccumulator(UpdateMode mode) {
        CompiledGame game = TestGames.compile(TestGames.signalGame(2, 3, 2, 17));
        SolverConfig config = SolverConfig.pcfrPlus().withUpdates(mode);
        ExactEvaluator evaluator = new ExactEvaluator(game.structure());
        JointPlay reference = JointPlay.empty(game.structure());
        try (SolverSession session = new CpuBackend(1).open(TestGames.single(game), config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 1; t <= 40; t++) {
                reference.add(config.averaging().weight(t), session.read(SequenceBuffer.REALIZATION_PLAN)[0]);
                session.accumulateJointPlay(solver.nextAverageStep());
                solver.iterate();
            }
            JointPlayWeights w = session.readJointPlay()[0];
            double[][] average = session.read(SequenceBuffer.AVERAGE_PLAN)[0];
            assertEquals(reference.totalWeight(), solver.totalWeight(), 0.0);
            assertArrayEquals(reference.jointWeights(), w.jointWeights(), TOLERANCE);
            for (int p = 0; p < 2; p++) {
                assertArrayEquals(reference.opponentWeights()[p], w.opponentWeights()[p], TOLERANCE);
                assertArrayEquals(reference.averagePlans()[p], average[p], TOLERANCE);
            }
            JointPlay play = JointPlay.of(solver.totalWeight(), average, w.opponentWeights(), w.jointWeights());
            double nashGap = evaluator.nashGap(game.instance(), evaluator.behaviourFromPlans(average)).nashGap();
            double[] jointValues = evaluator.jointExpectedValues(game.instance(), play);
            double[] productValues = evaluator.expectedValues(game.instance(), average);
            double identity = evaluator.cceGap(game.instance(), play) + (jointValues[0] - productValues[0])
                    + (jointValues[1] - productValues[1]);
            assertEquals(nashGap, identity, 1e-10);
        }
    }
}

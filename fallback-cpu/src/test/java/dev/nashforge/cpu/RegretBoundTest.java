package dev.nashforge.cpu;

import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.games.model.Game;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.JointPlay;
import dev.nashforge.host.solver.Averaging;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The average regret bound holds on general-sum games (method.md §1: the time-averaged joint play of regret
 * minimizers converges to a CCE whatever the payoffs). With simultaneous updates and uniform weights, player
 * i's CCE deviation incentive of the joint play μ is exactly its average external regret R_i^T / T, and CFR's
 * bound (Zinkevich et al. 2007, Theorem 4, with a local regret matcher — RM, or RM+ whose local bound is the
 * same, Tammelin et al. 2015) is R_i^T / T ≤ Δ_i |I_i| √(A_i) / √T, Δ_i the range of i's utilities, |I_i| its
 * infoset count, A_i its largest action count. That bound is loose on extensive-form games, so the test
 * also checks the tight decomposition it rests on (ibid., Theorem 3): R_i^T ≤ Σ_I [max_a R^T(I,a)]⁺ with the
 * cumulative counterfactual regrets R^T(I,a) the backend stores (for RM+ the stored Q ≥ R, so it still holds),
 * and, for a normal-form player (one infoset), equality with [max_a R^T(a)]⁺. The joint play is the one the
 * backend accumulated, so this ties the regrets, the joint-play accumulation and the CCE metric together.
 */
class RegretBoundTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(GameCatalog.game("biased_leduc"), SolverConfig.rm(), 200),
                Arguments.of(GameCatalog.game("random_matrix(players=3,actions=4,seed=5)"), SolverConfig.rm(), 500),
                Arguments.of(TestGames.signalGame(3, 2, 2, 13),
                        SolverConfig.rmPlus().withAveraging(Averaging.uniform()), 300));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void averageRegretStaysUnderTheBound(Game game, SolverConfig config, int iterations) {
        CompiledGame compiled = GameCompiler.compile(game);
        GameInstance instance = compiled.instance();
        ExactEvaluator evaluator = new ExactEvaluator(compiled.structure());
        try (SolverSession session = new CpuBackend(1).open(TestGames.single(compiled), config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < iterations; t++) {
                session.accumulateJointPlay(solver.nextAverageStep());
                solver.iterate();
            }
            assertEquals(iterations, solver.totalWeight(), 0.0, "uniform weights");
            JointPlayWeights weights = session.readJointPlay()[0];
            JointPlay play = JointPlay.of(solver.totalWeight(), session.read(SequenceBuffer.AVERAGE_PLAN)[0],
                    weights.opponentWeights(), weights.jointWeights());
            double[] averageRegret = evaluator.cceDeviationIncentives(instance, play);
            for (int i = 0; i < compiled.numPlayers(); i++) {
                Treeplex t = compiled.structure().treeplex(i);
                double range = utilityRange(instance.utility()[i]);
                double bound = range * t.numInfosets() * Math.sqrt(t.maxActions()) / Math.sqrt(iterations);
                double[] regret = session.read(SequenceBuffer.CUMULATIVE_REGRET)[0][i];
                double immediate = 0;
                for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                    double best = 0;
                    for (int a = 0; a < t.numActions()[infoset]; a++) {
                        best = Math.max(best, regret[t.firstSequence()[infoset] + a]);
                    }
                    immediate += best;
                }
                assertTrue(averageRegret[i] <= immediate / iterations + 1e-12, game.name() + ", player " + i
                        + ": average regret " + averageRegret[i] + " exceeds the immediate-regret sum "
                        + immediate / iterations);
                if (t.numInfosets() == 1) {
                    assertEquals(immediate / iterations, Math.max(0, averageRegret[i]), 1e-12,
                            "one infoset: the average regret is the largest cumulative regret over T");
                }
                assertTrue(averageRegret[i] <= bound, game.name() + ", player " + i + ": average regret "
                        + averageRegret[i] + " exceeds the bound " + bound);
            }
        }
    }

    private static double utilityRange(double[] u) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : u) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }
}

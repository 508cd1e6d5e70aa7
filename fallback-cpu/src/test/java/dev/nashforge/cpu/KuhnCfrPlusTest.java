package dev.nashforge.cpu;

import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-player Kuhn poker: the game value is −1/18 for player 0 (+1/18 for player 1; method.md §8, OpenSpiel's
 * tests). CFR+'s average profile after 1000 iterations must give both within 1e-3, in both precisions.
 */
class KuhnCfrPlusTest {

    @ParameterizedTest
    @EnumSource(Precision.class)
    void averageProfileValueIsMinusOneEighteenth(Precision precision) {
        CompiledGame kuhn = GameCompiler.compile(GameCatalog.game("kuhn_poker"));
        ExactEvaluator evaluator = new ExactEvaluator(kuhn.structure());
        try (SolverSession session = new CpuBackend(1).open(TestGames.single(kuhn),
                SolverConfig.cfrPlus().withPrecision(precision))) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < 1000; t++) {
                solver.iterate();
            }
            double[][] plans = session.read(SequenceBuffer.AVERAGE_PLAN)[0];
            double[] values = evaluator.expectedValues(kuhn.instance(),
                    evaluator.realizationPlans(evaluator.behaviourFromPlans(plans)));
            assertEquals(-1.0 / 18, values[0], 1e-3, "player 0");
            assertEquals(1.0 / 18, values[1], 1e-3, "player 1");
            double gap = evaluator.nashGap(kuhn.instance(), evaluator.behaviourFromPlans(plans)).nashGap();
            assertTrue(gap < 1e-2, "NashGap after 1000 CFR+ iterations: " + gap);
        }
    }
}

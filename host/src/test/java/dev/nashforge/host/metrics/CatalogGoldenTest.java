package dev.nashforge.host.metrics;

import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.host.reference.ProfileConverter;
import dev.nashforge.host.testgames.TestKuhnPoker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Published reference values (method.md §8) on the catalog's games. */
class CatalogGoldenTest {

    private static NashGapReport uniform(String spec) {
        CompiledGame c = GameCompiler.compile(GameCatalog.game(spec));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        return evaluator.nashGap(c.instance(), evaluator.uniformBehaviour());
    }

    @Test
    void leducUniformNashGap() {
        // OpenSpiel python/algorithms/exploitability_test.py: nash_conv of the uniform policy of leduc_poker is
        // 4.747222222222222.
        NashGapReport report = uniform("leduc_poker(players=2)");
        assertEquals(4.747222222222222, report.nashGap(), 1e-12);
        assertEquals(UtilityKind.ZERO_SUM, report.utilityKind());
        assertEquals(4.747222222222222 / 2, report.exploitability(), 1e-12);
    }

    @Test
    void kuhnUniformNashGapAndEquilibriumFamilyOnTheCatalogGame() {
        // OpenSpiel exploitability tests: uniform kuhn_poker nash_conv 11/12; Kuhn (1950) / Wikipedia "Kuhn
        // poker": value −1/18 and NashGap 0 for every member of the equilibrium family. The catalog uses
        // OpenSpiel's infoset strings (card, then p/b history), the same keys as the test-side TestKuhnPoker.
        assertEquals(11.0 / 12, uniform("kuhn_poker(players=2)").nashGap(), 1e-14);
        CompiledGame c = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=2)"));
        ExactEvaluator evaluator = new ExactEvaluator(c.structure());
        for (double alpha : new double[] {0, 0.2, 1.0 / 3}) {
            double[][] behaviour = ProfileConverter.toBehaviourArray(c.structure(),
                    ExactEvaluatorKuhnTest.equilibrium(alpha));
            NashGapReport report = evaluator.nashGap(c.instance(), behaviour);
            assertEquals(-1.0 / 18, report.expectedValues()[0], 1e-14);
            assertEquals(0, report.nashGap(), 1e-12);
        }
    }

    @Test
    void catalogKuhnAgreesWithTheIndependentTestKuhnForThreeAndFourPlayers() {
        // Two independent implementations of OpenSpiel's N-player Kuhn rules must give the same uniform NashGap.
        for (int players = 3; players <= 4; players++) {
            CompiledGame test = GameCompiler.compile(new TestKuhnPoker(players));
            ExactEvaluator evaluator = new ExactEvaluator(test.structure());
            double expected = evaluator.nashGap(test.instance(), evaluator.uniformBehaviour()).nashGap();
            assertEquals(expected, uniform("kuhn_poker(players=" + players + ")").nashGap(), 1e-12);
        }
    }

    @Test
    void threePlayerZeroSumGameReportsNoExploitability() {
        // method.md §4: exploitability is defined only for two-player zero-sum games.
        NashGapReport report = uniform("kuhn_poker(players=3)");
        assertEquals(UtilityKind.ZERO_SUM, report.utilityKind());
        assertNull(report.exploitability());
    }
}

package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.host.reference.ProfileConverter;
import dev.nashforge.host.testgames.TestKuhnPoker;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values of two-player Kuhn poker (method.md §8). */
class ExactEvaluatorKuhnTest {

    private static final CompiledGame KUHN = GameCompiler.compile(new TestKuhnPoker(2));
    private static final ExactEvaluator EVALUATOR = new ExactEvaluator(KUHN.structure());

    /**
     * Kuhn's (1950) equilibrium family as given on Wikipedia, "Kuhn poker" (cards 0 = J, 1 = Q, 2 = K; actions
     * [pass, bet]): player 0 bets J with probability α ∈ [0, 1/3], checks Q, bets K with 3α; after
     * check-bet folds J, calls with Q with α + 1/3, calls with K. Player 1 after a bet folds J, calls Q with 1/3,
     * calls K; after a check bets J with 1/3, checks Q, bets K.
     */
    static List<Map<String, double[]>> equilibrium(double alpha) {
        Map<String, double[]> p0 = new HashMap<>();
        p0.put("0", mix(alpha));
        p0.put("1", mix(0));
        p0.put("2", mix(3 * alpha));
        p0.put("0pb", mix(0));
        p0.put("1pb", mix(alpha + 1.0 / 3));
        p0.put("2pb", mix(1));
        Map<String, double[]> p1 = new HashMap<>();
        p1.put("0b", mix(0));
        p1.put("1b", mix(1.0 / 3));
        p1.put("2b", mix(1));
        p1.put("0p", mix(1.0 / 3));
        p1.put("1p", mix(0));
        p1.put("2p", mix(1));
        return new java.util.ArrayList<>(List.of(p0, p1));
    }

    /** [pass, bet] with bet probability {@code bet}. */
    private static double[] mix(double bet) {
        return new double[] {1 - bet, bet};
    }

    @Test
    void kuhnHasTwelveInfosets() {
        // method.md §8: two-player Kuhn has 12 infosets (6 per player).
        assertEquals(6, KUHN.structure().treeplex(0).numInfosets());
        assertEquals(6, KUHN.structure().treeplex(1).numInfosets());
    }

    @Test
    void uniformProfileNashGapIsElevenTwelfths() {
        // OpenSpiel exploitability tests (python/algorithms/exploitability_test.py): nash_conv of the uniform
        // policy of kuhn_poker is 11/12, exploitability 11/24.
        NashGapReport report = EVALUATOR.nashGap(KUHN.instance(), EVALUATOR.uniformBehaviour());
        assertEquals(11.0 / 12, report.nashGap(), 1e-14);
        assertEquals(11.0 / 24, report.exploitability(), 1e-14);
        assertEquals(UtilityKind.ZERO_SUM, report.utilityKind());
        assertEquals(report.deviationIncentives()[0] + report.deviationIncentives()[1], report.nashGap(), 1e-15);
        assertEquals(0, report.expectedValues()[0] + report.expectedValues()[1], 1e-15);
    }

    @Test
    void equilibriumFamilyHasValueMinusOneEighteenthAndNashGapZero() {
        // Kuhn (1950); Wikipedia "Kuhn poker": game value −1/18 for the first player, every α ∈ [0, 1/3].
        for (double alpha : new double[] {0, 0.05, 0.1, 1.0 / 6, 0.25, 0.3, 1.0 / 3}) {
            double[][] behaviour = ProfileConverter.toBehaviourArray(KUHN.structure(), equilibrium(alpha));
            NashGapReport report = EVALUATOR.nashGap(KUHN.instance(), behaviour);
            assertEquals(-1.0 / 18, report.expectedValues()[0], 1e-14, "alpha " + alpha);
            assertEquals(1.0 / 18, report.expectedValues()[1], 1e-14, "alpha " + alpha);
            assertEquals(0, report.nashGap(), 1e-12, "alpha " + alpha);
            assertEquals(-1.0 / 18, report.bestResponseValues()[0], 1e-14, "alpha " + alpha);
        }
    }

    @Test
    void offEquilibriumMemberIsExploitable() {
        // Bluffing J with 1/2 while betting K with 3·0.1 leaves the family: player 1 gains by calling more.
        List<Map<String, double[]>> profile = equilibrium(0.1);
        profile.get(0).put("0", mix(0.5));
        double[][] behaviour = ProfileConverter.toBehaviourArray(KUHN.structure(), profile);
        NashGapReport report = EVALUATOR.nashGap(KUHN.instance(), behaviour);
        assertTrue(report.deviationIncentives()[1] > 1e-3, report.toString());
    }

    @Test
    void rakedKuhnIsGeneralSumWithoutExploitability() {
        CompiledGame raked = GameCompiler.compile(new TestKuhnPoker(2, 0.1));
        ExactEvaluator evaluator = new ExactEvaluator(raked.structure());
        NashGapReport report = evaluator.nashGap(raked.instance(), evaluator.uniformBehaviour());
        assertEquals(UtilityKind.GENERAL_SUM, report.utilityKind());
        assertNull(report.exploitability());
    }
}

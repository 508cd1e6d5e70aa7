package dev.nashforge.games.poker;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.games.model.GameState;
import dev.nashforge.games.testing.Histories;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BiasedLeducPokerTest {

    private static final double EPS = 1e-12;

    @Test
    void foldsAreNotRakedAndPlayerZeroGainsAreBiased() {
        BiasedLeducPoker game = new BiasedLeducPoker(0.1, 0.5);
        // Player 1 folds to a raise: Leduc gives [1, -1]; no rake on a fold; player 0's gain 1 is weighted 1.5.
        GameState fold = Histories.play(game, "Chance outcome:5", "Chance outcome:1", "Raise", "Fold");
        assertArrayEquals(new double[] {1.5, -1}, fold.returns(), EPS);
        // Player 0 folds: its loss is not biased, player 1 unbiased: Leduc [-3, 3] after raise/raise/fold.
        GameState lose = Histories.play(game, "Chance outcome:0", "Chance outcome:5", "Raise", "Raise", "Fold");
        assertArrayEquals(new double[] {-3, 3}, lose.returns(), EPS);
    }

    @Test
    void showdownsAreRaked() {
        BiasedLeducPoker game = new BiasedLeducPoker(0.1, 0.5);
        // Player 0 wins a pot of 14 (7 each): (1 - 0.1) * 14 - 7 = 5.6, weighted 1.5 -> 8.4; player 1 loses 7.
        GameState win = Histories.play(game, "Chance outcome:4", "Chance outcome:0", "Raise", "Call",
                "Chance outcome:3", "Raise", "Call");
        assertArrayEquals(new double[] {8.4, -7}, win.returns(), EPS);
        // Player 1 wins a pot of 2 with a pair: 0.9 * 2 - 1 = 0.8; player 0 loses 1.
        GameState pair = Histories.play(game, "Chance outcome:5", "Chance outcome:1", "Call", "Call",
                "Chance outcome:0", "Call", "Call");
        assertArrayEquals(new double[] {-1, 0.8}, pair.returns(), EPS);
        // Tie on a pot of 6: each gets 0.9 * 6 / 2 - 3 = -0.3 (a loss, so player 0 is not biased).
        GameState tie = Histories.play(game, "Chance outcome:1", "Chance outcome:0", "Call", "Raise", "Call",
                "Chance outcome:3", "Call", "Call");
        assertArrayEquals(new double[] {-0.3, -0.3}, tie.returns(), EPS);
    }

    @Test
    void sharesLeducStructureAndIsGeneralSum() {
        CompiledGame biased = GameCompiler.compile(new BiasedLeducPoker(0.1, 0.5));
        CompiledGame leduc = GameCompiler.compile(new LeducPoker(2));
        assertEquals(UtilityKind.GENERAL_SUM, biased.instance().utilityKind());
        assertEquals("biased_leduc(rake=0.1,bias=0.5)", biased.name());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(leduc.structure().treeplex(i).infosetKeys(), biased.structure().treeplex(i).infosetKeys());
            assertArrayEquals(leduc.structure().terminalSequence(i), biased.structure().terminalSequence(i));
        }
        CompiledGame plain = GameCompiler.compile(new BiasedLeducPoker(0, 0));
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(leduc.instance().utility()[i], plain.instance().utility()[i], 0.0,
                    "rake=0, bias=0 is leduc_poker(players=2)");
        }
    }

    @Test
    void rejectsOutOfRangeParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BiasedLeducPoker(1.5, 0));
        assertEquals("biased_leduc: rake=1.5 is out of range; allowed 0..1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BiasedLeducPoker(0.1, -1));
    }
}

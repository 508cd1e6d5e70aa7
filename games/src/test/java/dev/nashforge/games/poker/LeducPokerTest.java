package dev.nashforge.games.poker;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.games.model.GameState;
import dev.nashforge.games.testing.Histories;
import dev.nashforge.games.testing.SequenceFormReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeducPokerTest {

    private static CompiledGame leduc;

    @BeforeAll
    static void compile() {
        leduc = GameCompiler.compile(new LeducPoker(2));
    }

    private static String[] deal(int... cards) {
        String[] names = new String[cards.length];
        for (int k = 0; k < cards.length; k++) {
            names[k] = "Chance outcome:" + cards[k];
        }
        return names;
    }

    private static GameState play(LeducPoker game, List<String> actions) {
        return Histories.play(game, actions.toArray(String[]::new));
    }

    @Test
    void twoPlayerLeducHas936Infosets() {
        // open_spiel/games/leduc_poker/leduc_poker.h: kNumInfoStates = 936 for the 2-player game (method.md §8).
        assertEquals(468, leduc.structure().treeplex(0).numInfosets());
        assertEquals(468, leduc.structure().treeplex(1).numInfosets());
        assertEquals(UtilityKind.ZERO_SUM, leduc.instance().utilityKind());
        assertEquals("leduc_poker(players=2)", leduc.name());
    }

    @Test
    void infosetKeysAreOpenSpielInformationStateStrings() {
        // open_spiel/integration_tests/playthroughs/leduc_poker_1540482260.txt (History [5, 1, 2]) and
        // leduc_poker_3977671846.txt (History [1, 0, 1, 2, 1, 3, 1]).
        LeducPoker game = new LeducPoker(2);
        GameState s = Histories.play(game, deal(5, 1));
        assertEquals("[Observer: 0][Private: 5][Round 1][Player: 0][Pot: 2][Money: 99 99][Round1: ][Round2: ]",
                s.infosetKey());
        assertEquals(List.of("Call", "Raise"), List.of(s.actionName(0), s.actionName(1)));
        s = Histories.play(game, "Chance outcome:5", "Chance outcome:1", "Raise");
        assertEquals("[Observer: 1][Private: 1][Round 1][Player: 1][Pot: 4][Money: 97 99][Round1: 2][Round2: ]",
                s.infosetKey());
        assertEquals(List.of("Fold", "Call", "Raise"), List.of(s.actionName(0), s.actionName(1), s.actionName(2)));
        s = Histories.play(game, "Chance outcome:1", "Chance outcome:0", "Call", "Raise", "Call",
                "Chance outcome:3", "Call");
        String key = "[Observer: 1][Private: 0][Round 2][Player: 1][Pot: 6][Money: 97 97][Public: 3]"
                + "[Round1: 1 2 1][Round2: 1]";
        assertEquals(key, s.infosetKey());
        Treeplex p1 = leduc.structure().treeplex(1);
        assertTrue(p1.indexOfKey(key) >= 0, "the compiled treeplex uses the same keys");
    }

    @Test
    void returnsOfHandPlayedHistories() {
        LeducPoker game = new LeducPoker(2);
        // Fold: leduc_poker_1540482260.txt, History [5, 1, 2, 0], Returns [1.0, -1.0].
        GameState fold = Histories.play(game, "Chance outcome:5", "Chance outcome:1", "Raise", "Fold");
        assertTrue(fold.isTerminal());
        assertArrayEquals(new double[] {1, -1}, fold.returns());
        // Tie split: leduc_poker_3977671846.txt, History [1, 0, 1, 2, 1, 3, 1, 1], Returns [0.0, 0.0] (two jacks).
        GameState tie = Histories.play(game, "Chance outcome:1", "Chance outcome:0", "Call", "Raise", "Call",
                "Chance outcome:3", "Call", "Call");
        assertTrue(tie.isTerminal());
        assertArrayEquals(new double[] {0, 0}, tie.returns());
        // Showdown, hand-computed from leduc_poker.cc (RankHand, ResolveWinner): player 0 holds a K (4), player 1
        // a J (0); raise 2 and call in round 1 (3 chips each), public Q (3), raise 4 and call in round 2 (7 each);
        // K-high beats J-high, so player 0 wins 7.
        GameState win = Histories.play(game, "Chance outcome:4", "Chance outcome:0", "Raise", "Call",
                "Chance outcome:3", "Raise", "Call");
        assertTrue(win.isTerminal());
        assertArrayEquals(new double[] {7, -7}, win.returns());
        // A pair with the public card beats a higher card: player 0 K (5), player 1 J (1), checks, public J (0).
        GameState pair = Histories.play(game, "Chance outcome:5", "Chance outcome:1", "Call", "Call",
                "Chance outcome:0", "Call", "Call");
        assertArrayEquals(new double[] {-1, 1}, pair.returns());
        // Two raises per round at most: after Raise, Raise only Fold and Call remain.
        GameState capped = Histories.play(game, "Chance outcome:5", "Chance outcome:1", "Raise", "Raise");
        assertEquals(2, capped.numActions());
        assertEquals("[Observer: 0][Private: 5][Round 1][Player: 0][Pot: 8][Money: 97 95][Round1: 2 2][Round2: ]",
                capped.infosetKey());
    }

    @Test
    void threePlayerFoldAndTieSplitMatchOpenSpielPlaythrough() {
        // open_spiel/integration_tests/playthroughs/leduc_poker_3p.txt: History [4, 2, 3, 1, 2, 1, 0, 1, 2, 1].
        // Player 0 folds after the raise; round 2 starts with player 1; players 1 and 2 both hold a queen and
        // split the pot of 15: Returns [-1.0, 0.5, 0.5].
        LeducPoker game = new LeducPoker(3);
        GameState s = Histories.play(game, "Chance outcome:4", "Chance outcome:2", "Chance outcome:3", "Call",
                "Raise", "Call", "Fold", "Chance outcome:1");
        assertEquals(1, s.currentPlayer());
        assertEquals("[Observer: 1][Private: 2][Round 2][Player: 1][Pot: 7][Money: 99 97 97][Public: 1]"
                + "[Round1: 1 2 1 0][Round2: ]", s.infosetKey());
        s = s.child(Histories.indexOf(s, "Raise"));
        assertEquals("[Observer: 2][Private: 3][Round 2][Player: 2][Pot: 11][Money: 99 93 97][Public: 1]"
                + "[Round1: 1 2 1 0][Round2: 2]", s.infosetKey());
        s = s.child(Histories.indexOf(s, "Call"));
        assertTrue(s.isTerminal());
        assertEquals("[4, 2, 3, 1, 2, 1, 0, 1, 2, 1]", s.history());
        assertArrayEquals(new double[] {-1.0, 0.5, 0.5}, s.returns());
    }

    @Test
    void threePlayerDeckHasFourRanks() {
        // leduc_poker_3p.txt: 8 chance outcomes of probability 0.125 at the root, 7 after one deal.
        GameState root = new LeducPoker(3).initialState();
        assertEquals(8, root.numActions());
        assertEquals(0.125, root.chanceProbabilities()[0]);
        assertEquals("Chance outcome:7", root.actionName(7));
        GameState next = root.child(4);
        assertEquals(7, next.numActions());
        assertEquals("Chance outcome:5", next.actionName(4));
    }

    @Test
    void nashConvOfFixedProfilesMatchesOpenSpiel() {
        // open_spiel/algorithms/tabular_best_response_mdp_test.cc, LeducNashConvTests: uniform 4.747222222222222,
        // first action 2.0 (method.md §8).
        assertEquals(4.747222222222222, SequenceFormReference.nashConv(leduc,
                SequenceFormReference.uniformBehaviour(leduc.structure())), 1e-12);
        assertEquals(2.0, SequenceFormReference.nashConv(leduc, KuhnPokerTest.firstAction(leduc)), 1e-12);
    }

    @Test
    void rejectsPlayerCountsOpenSpielRejects() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeducPoker(1));
        assertEquals("leduc_poker: players=1 is out of range; allowed 2..10", e.getMessage());
    }
}

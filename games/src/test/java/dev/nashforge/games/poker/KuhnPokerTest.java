package dev.nashforge.games.poker;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.games.model.GameState;
import dev.nashforge.games.testing.Histories;
import dev.nashforge.games.testing.SequenceFormReference;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KuhnPokerTest {

    private static Set<String> keys(Treeplex t) {
        return new TreeSet<>(Arrays.asList(t.infosetKeys()));
    }

    @Test
    void twoPlayerKuhnHasTwelveInfosetsWithOpenSpielKeys() {
        CompiledGame kuhn = GameCompiler.compile(new KuhnPoker(2));
        // 12 infosets, 6 per player (method.md §8). Keys: OpenSpiel's information-state strings, card then
        // p/b per betting action (open_spiel/games/kuhn_poker/kuhn_poker.cc, KuhnObserver::StringFrom).
        assertEquals(Set.of("0", "1", "2", "0pb", "1pb", "2pb"), keys(kuhn.structure().treeplex(0)));
        assertEquals(Set.of("0p", "0b", "1p", "1b", "2p", "2b"), keys(kuhn.structure().treeplex(1)));
        // 6 deals x 5 terminal betting sequences (pp, bp, bb, pbp, pbb): kuhn_poker_test.cc CountStates counts
        // 6 x 9 non-chance states, of which these 5 sequences are terminal.
        assertEquals(30, kuhn.structure().numTerminals());
        assertEquals(UtilityKind.ZERO_SUM, kuhn.instance().utilityKind());
        assertEquals("kuhn_poker(players=2)", kuhn.name());
    }

    @Test
    void actionAndOutcomeNamesAreOpenSpiels() {
        GameState root = new KuhnPoker(2).initialState();
        assertEquals("Deal:0", root.actionName(0));
        assertEquals("Deal:2", root.actionName(2));
        GameState afterDeal = Histories.play(new KuhnPoker(2), "Deal:1", "Deal:0");
        assertEquals("Pass", afterDeal.actionName(0));
        assertEquals("Bet", afterDeal.actionName(1));
        // After Deal:1 the remaining cards are 0 and 2, in increasing order as in ChanceOutcomes().
        GameState second = root.child(1);
        assertEquals("Deal:0", second.actionName(0));
        assertEquals("Deal:2", second.actionName(1));
        assertArrayEquals(new double[] {0.5, 0.5}, second.chanceProbabilities());
    }

    @Test
    void threePlayerPlaythroughMatchesOpenSpiel() {
        // open_spiel/integration_tests/playthroughs/kuhn_poker_3p.txt: History [1, 3, 2, 0, 0, 1, 1, 0].
        KuhnPoker game = new KuhnPoker(3);
        GameState s = Histories.play(game, "Deal:1", "Deal:3", "Deal:2");
        assertEquals(0, s.currentPlayer());
        assertEquals("1", s.infosetKey());
        s = s.child(0);
        assertEquals("3p", s.infosetKey());
        s = s.child(0);
        assertEquals("2pp", s.infosetKey());
        s = s.child(1);
        assertEquals(0, s.currentPlayer());
        assertEquals("1ppb", s.infosetKey());
        s = s.child(1);
        assertEquals("3ppbb", s.infosetKey());
        s = s.child(0);
        assertEquals(GameState.TERMINAL, s.currentPlayer());
        assertEquals("[1, 3, 2, 0, 0, 1, 1, 0]", s.history());
        assertArrayEquals(new double[] {-2.0, -1.0, 3.0}, s.returns());
    }

    @Test
    void threePlayerSizesFollowFromTheRules() {
        CompiledGame kuhn3 = GameCompiler.compile(new KuhnPoker(3));
        // Derived from OpenSpiel's rules (kuhn_poker.cc DoApplyAction): with 4 cards each player meets 4
        // betting histories (player 0: "", pbp, pbb, ppb; player 1: p, b, ppbp, ppbb; player 2: pp, pb, bp, bb),
        // so 16 infosets each, 48 in all.
        // Terminals: 24 deals x 13 betting sequences (ppp; b then 2^2; pb then 2^2; ppb then 2^2) = 312.
        for (int i = 0; i < 3; i++) {
            assertEquals(16, kuhn3.structure().treeplex(i).numInfosets());
        }
        assertEquals(Set.of("0", "0pbp", "0pbb", "0ppb"),
                keys(kuhn3.structure().treeplex(0)).stream().filter(k -> k.startsWith("0"))
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(312, kuhn3.structure().numTerminals());
    }

    @Test
    void twoPlayerEquilibriumHasValueMinusOneEighteenth() {
        // Kuhn's equilibrium family at alpha = 0 (H. W. Kuhn 1950; Wikipedia "Kuhn poker"): player 0 never bets
        // first, calls with the Q with probability 1/3 and with the K always; player 1 bets the J with probability
        // 1/3 after a pass, calls with the Q with probability 1/3, always bets/calls with the K. Value -1/18 for
        // player 0 (method.md §8; OpenSpiel's cfr tests), NashConv 0.
        CompiledGame kuhn = GameCompiler.compile(new KuhnPoker(2));
        double[][] behaviour = new double[2][];
        setBet(kuhn, behaviour, 0, new String[] {"0", "1", "2", "0pb", "1pb", "2pb"},
                new double[] {0, 0, 0, 0, 1.0 / 3, 1});
        setBet(kuhn, behaviour, 1, new String[] {"0p", "0b", "1p", "1b", "2p", "2b"},
                new double[] {1.0 / 3, 0, 0, 1.0 / 3, 1, 1});
        double[][] plan = SequenceFormReference.realizationPlan(kuhn.structure(), behaviour);
        double[] value = SequenceFormReference.expectedUtility(kuhn.structure(), kuhn.instance(), plan);
        assertEquals(-1.0 / 18, value[0], 1e-15);
        assertEquals(1.0 / 18, value[1], 1e-15);
        assertEquals(0.0, SequenceFormReference.nashConv(kuhn, behaviour), 1e-14);
    }

    private static void setBet(CompiledGame game, double[][] behaviour, int player, String[] keys, double[] bet) {
        Treeplex t = game.structure().treeplex(player);
        behaviour[player] = new double[t.numSequences()];
        behaviour[player][0] = 1;
        for (int k = 0; k < keys.length; k++) {
            int info = t.indexOfKey(keys[k]);
            int first = t.firstSequence()[info];
            assertEquals("Pass", t.sequenceActionName()[first]);
            behaviour[player][first] = 1 - bet[k];
            behaviour[player][first + 1] = bet[k];
        }
    }

    @Test
    void nashConvOfFixedProfilesMatchesOpenSpiel() {
        // open_spiel/algorithms/tabular_best_response_mdp_test.cc: KuhnNashConvTests (uniform 0.916666666666667,
        // first action 2.0) and KuhnLeduc3pTests (kuhn_poker(players=3), uniform 2.0625).
        CompiledGame kuhn = GameCompiler.compile(new KuhnPoker(2));
        assertEquals(11.0 / 12, SequenceFormReference.nashConv(kuhn,
                SequenceFormReference.uniformBehaviour(kuhn.structure())), 1e-12);
        assertEquals(2.0, SequenceFormReference.nashConv(kuhn, firstAction(kuhn)), 1e-12);
        CompiledGame kuhn3 = GameCompiler.compile(new KuhnPoker(3));
        assertEquals(2.0625, SequenceFormReference.nashConv(kuhn3,
                SequenceFormReference.uniformBehaviour(kuhn3.structure())), 1e-12);
    }

    /** OpenSpiel's FirstActionPolicy: the first legal action with probability 1 at every infoset. */
    static double[][] firstAction(CompiledGame game) {
        double[][] behaviour = new double[game.numPlayers()][];
        for (int i = 0; i < behaviour.length; i++) {
            Treeplex t = game.structure().treeplex(i);
            behaviour[i] = new double[t.numSequences()];
            behaviour[i][0] = 1;
            for (int info = 0; info < t.numInfosets(); info++) {
                behaviour[i][t.firstSequence()[info]] = 1;
            }
        }
        return behaviour;
    }

    @Test
    void rejectsPlayerCountsOpenSpielRejects() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KuhnPoker(1));
        assertEquals("kuhn_poker: players=1 is out of range; allowed 2..10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KuhnPoker(11));
    }
}

package dev.nashforge.games.layout;

import dev.nashforge.games.testing.LayoutInvariants;
import dev.nashforge.games.testing.ScriptedGame;
import dev.nashforge.games.testing.ScriptedGame.Node;
import org.junit.jupiter.api.Test;

import static dev.nashforge.games.testing.ScriptedGame.Node.chance;
import static dev.nashforge.games.testing.ScriptedGame.Node.decision;
import static dev.nashforge.games.testing.ScriptedGame.Node.terminal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameCompilerTest {

    @Test
    void playerForgettingOwnActionViolatesPerfectRecall() {
        // Player 0 moves at "start", then moves again at "forgot" without knowing which action it took.
        Node root = decision(0, "start",
                decision(0, "forgot", terminal(1, -1), terminal(0, 0)),
                decision(0, "forgot", terminal(0, 0), terminal(-1, 1)));
        PerfectRecallException e = assertThrows(PerfectRecallException.class,
                () -> GameCompiler.compile(new ScriptedGame("forgetful", 2, root)));
        assertEquals(0, e.player());
        assertEquals("forgot", e.infosetKey());
        assertEquals("root/0", e.firstHistory());
        assertEquals("root/1", e.secondHistory());
        assertTrue(e.getMessage().contains("'forgot'") && e.getMessage().contains("root/0")
                && e.getMessage().contains("root/1") && e.getMessage().contains("forgetful"), e.getMessage());
    }

    @Test
    void inconsistentActionCountsAreRejected() {
        // Player 1 cannot tell player 0's actions apart but is offered 2 actions after one and 3 after the other.
        Node root = decision(0, "p0",
                decision(1, "p1", terminal(0, 0), terminal(0, 0)),
                decision(1, "p1", terminal(0, 0), terminal(0, 0), terminal(0, 0)));
        PerfectRecallException e = assertThrows(PerfectRecallException.class,
                () -> GameCompiler.compile(new ScriptedGame("uneven", 2, root)));
        assertEquals("p1", e.infosetKey());
        assertEquals("root/0", e.firstHistory());
        assertEquals("root/1", e.secondHistory());
        assertTrue(e.getMessage().contains("2 actions") && e.getMessage().contains("but 3"), e.getMessage());
    }

    @Test
    void chanceProbabilitiesMustSumToOne() {
        Node root = chance(new double[] {0.5, 0.4}, terminal(1), terminal(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GameCompiler.compile(new ScriptedGame("leaky", 1, root)));
        assertTrue(e.getMessage().contains("leaky") && e.getMessage().contains("sum to 0.9")
                && e.getMessage().contains("root"), e.getMessage());
        Node negative = chance(new double[] {1.5, -0.5}, terminal(1), terminal(0));
        assertThrows(IllegalArgumentException.class,
                () -> GameCompiler.compile(new ScriptedGame("negative", 1, negative)));
    }

    @Test
    void terminalsMustReturnOneFiniteUtilityPerPlayer() {
        Node shortUtility = decision(0, "a", terminal(1), terminal(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GameCompiler.compile(new ScriptedGame("short", 2, shortUtility)));
        assertTrue(e.getMessage().contains("root/0"), e.getMessage());
        Node nan = decision(0, "a", terminal(Double.NaN, 0), terminal(0, 0));
        assertThrows(IllegalArgumentException.class, () -> GameCompiler.compile(new ScriptedGame("nan", 2, nan)));
    }

    @Test
    void compilesASmallGameToTheExpectedLayout() {
        // Chance (0.25 / 0.75) then player 0 (infoset by outcome) chooses; after its action 1, player 1 chooses
        // without seeing chance; after player 1, player 0 moves again at infoset "x1" (it remembers everything).
        Node afterChance0 = decision(0, "c0",
                terminal(1, 0),
                decision(1, "p1", terminal(2, 1), decision(0, "c0-again", terminal(3, 3), terminal(4, 4))));
        Node afterChance1 = decision(0, "c1",
                terminal(5, 5),
                decision(1, "p1", terminal(6, 6), terminal(7, 7)));
        CompiledGame g = GameCompiler.compile(new ScriptedGame("small", 2, chance(new double[] {0.25, 0.75},
                afterChance0, afterChance1)));
        LayoutInvariants.assertValid(g);
        Treeplex t0 = g.structure().treeplex(0);
        assertArrayEquals(new String[] {"c0", "c1", "c0-again"}, t0.infosetKeys());
        assertArrayEquals(new int[] {0, 0, 2}, t0.parentSequence());
        assertArrayEquals(new int[] {0, 0, 1}, t0.depth());
        assertEquals(1, g.structure().treeplex(1).numInfosets());
        assertEquals(7, g.structure().numTerminals());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75}, g.instance().chanceReach());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7}, g.instance().utility()[0]);
        assertEquals(1, g.structure().numChanceNodes());
    }
}

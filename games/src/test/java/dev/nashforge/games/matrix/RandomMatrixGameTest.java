package dev.nashforge.games.matrix;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.UtilityKind;
import dev.nashforge.games.model.NormalFormGame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomMatrixGameTest {

    @Test
    void seedDeterminesThePayoffs() {
        CompiledGame a = GameCompiler.compile(RandomMatrixGame.create(3, 4, 42));
        CompiledGame b = GameCompiler.compile(RandomMatrixGame.create(3, 4, 42));
        CompiledGame c = GameCompiler.compile(RandomMatrixGame.create(3, 4, 43));
        for (int i = 0; i < 3; i++) {
            assertTrue(Arrays.equals(a.instance().utility()[i], b.instance().utility()[i]));
            assertFalse(Arrays.equals(a.instance().utility()[i], c.instance().utility()[i]));
        }
        assertEquals("random_matrix(players=3,actions=4,seed=42)", a.name());
        assertEquals(UtilityKind.GENERAL_SUM, a.instance().utilityKind());
    }

    @Test
    void everyPlayersPayoffsSpanTheUnitInterval() {
        NormalFormGame g = RandomMatrixGame.create(2, 5, 1);
        for (int i = 0; i < 2; i++) {
            double lo = 1;
            double hi = 0;
            for (int k = 0; k < 25; k++) {
                lo = Math.min(lo, g.payoff(i, k));
                hi = Math.max(hi, g.payoff(i, k));
            }
            assertEquals(0.0, lo);
            assertEquals(1.0, hi);
        }
    }

    @Test
    void compiledTerminalsFollowTheRowMajorJointIndex() {
        // The distributions rely on this: terminal z of the compiled game is joint action z.
        NormalFormGame g = RandomMatrixGame.create(3, 3, 5);
        CompiledGame compiled = GameCompiler.compile(g);
        for (int i = 0; i < 3; i++) {
            for (int z = 0; z < 27; z++) {
                assertEquals(g.payoff(i, z), compiled.instance().utility()[i][z]);
            }
        }
    }

    @Test
    void rejectsBadSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomMatrixGame.create(8, 64, 0));
        assertEquals("random_matrix: actions^players = 64^8 exceeds 1048576 joint actions; use fewer players or"
                + " actions", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomMatrixGame.create(1, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> RandomMatrixGame.create(2, 0, 0));
    }
}

package dev.nashforge.games.poker;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.testing.LayoutInvariants;
import dev.nashforge.games.testing.SequenceFormReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The only test that compiles three-player Leduc (about a million terminals); it does so once. */
class LeducThreePlayerTest {

    private static CompiledGame leduc3;

    @BeforeAll
    static void compile() {
        leduc3 = GameCompiler.compile(new LeducPoker(3));
    }

    @Test
    void uniformNashConvMatchesOpenSpiel() {
        // open_spiel/algorithms/tabular_best_response_mdp_test.cc, KuhnLeduc3pTests:
        // NashConv(leduc_poker(players=3), uniform) = 12.611221340388003. A different summation order agrees to
        // about 1e-12.
        assertEquals(12.611221340388003, SequenceFormReference.nashConv(leduc3,
                SequenceFormReference.uniformBehaviour(leduc3.structure())), 1e-9);
    }

    @Test
    void sizesAndLayoutInvariants() {
        // Sizes measured by this compiler and pinned so that a rule change is noticed; the uniform NashConv
        // above is the independent check of the rules.
        for (int i = 0; i < 3; i++) {
            assertEquals(8600, leduc3.structure().treeplex(i).numInfosets());
        }
        assertEquals(1043952, leduc3.structure().numTerminals());
        LayoutInvariants.assertValid(leduc3);
    }
}

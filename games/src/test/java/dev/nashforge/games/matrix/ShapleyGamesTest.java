package dev.nashforge.games.matrix;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.NormalFormGame;
import dev.nashforge.games.testing.SequenceFormReference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapleyGamesTest {

    private static double[][] matrix(NormalFormGame g, int player) {
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = g.payoff(player, r * 3 + c);
            }
        }
        return m;
    }

    @Test
    void shapleyMatricesAreShapleys() {
        // Shapley (1964); Sparrow, van Strien & Harris (2008) with beta = 0: A = I, B = cyclic shift.
        NormalFormGame g = ShapleyGame.create();
        assertEquals("shapley", g.name());
        assertArrayEquals(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, matrix(g, 0));
        assertArrayEquals(new double[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, matrix(g, 1));
        CompiledGame compiled = GameCompiler.compile(g);
        // The unique equilibrium is uniform: NashConv 0.
        assertEquals(0.0, SequenceFormReference.nashConv(compiled,
                SequenceFormReference.uniformBehaviour(compiled.structure())), 1e-15);
    }

    @Test
    void uniformIsNotABestResponseInBiasedShapley() {
        // Direct computation from the documented matrices: against a uniform player 1, player 0's row payoffs are
        // (1 + b0, 1, 1) / 3 before normalization, so action 0 earns strictly more than uniform play.
        NormalFormGame g = BiasedShapleyGame.create(BiasedShapleyGame.DEFAULT_BIAS0, BiasedShapleyGame.DEFAULT_BIAS1);
        double[][] a = matrix(g, 0);
        double[] rowValue = new double[3];
        double uniformValue = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rowValue[r] += a[r][c] / 3;
            }
            uniformValue += rowValue[r] / 3;
        }
        assertTrue(rowValue[0] > uniformValue + 1e-3, "action 0 must beat uniform play for player 0");
        assertEquals(1.0 / 3, rowValue[0], 1e-15, "normalized: (1 + b0) / (1 + b0) / 3");
        assertEquals(1.0 / 3 / 1.5, rowValue[1], 1e-15);
        // The same fact through the sequence-form evaluator: the uniform profile has positive NashConv.
        CompiledGame compiled = GameCompiler.compile(g);
        assertTrue(SequenceFormReference.nashConv(compiled,
                SequenceFormReference.uniformBehaviour(compiled.structure())) > 1e-3);
    }

    @Test
    void biasedShapleyEquilibriumIsTheDocumentedInteriorProfile() {
        double b0 = 0.5;
        double b1 = 0.25;
        CompiledGame g = GameCompiler.compile(BiasedShapleyGame.create(b0, b1));
        // Class doc: player 0 plays (1, 1+b1, 1+b1)/(3+2 b1), player 1 plays (1, 1+b0, 1+b0)/(3+2 b0).
        double[][] behaviour = {
            {1, 1 / (3 + 2 * b1), (1 + b1) / (3 + 2 * b1), (1 + b1) / (3 + 2 * b1)},
            {1, 1 / (3 + 2 * b0), (1 + b0) / (3 + 2 * b0), (1 + b0) / (3 + 2 * b0)}};
        assertEquals(0.0, SequenceFormReference.nashConv(g, behaviour), 1e-15);
    }

    @Test
    void biasedShapleyIsNormalizedAsymmetricAndNamed() {
        NormalFormGame g = BiasedShapleyGame.create(0.5, 0.25);
        assertEquals("biased_shapley(bias0=0.5,bias1=0.25)", g.name());
        assertEquals(1.0, matrix(g, 0)[0][0]);
        assertEquals(1.0 / 1.5, matrix(g, 0)[1][1], 1e-15);
        assertEquals(1.0, matrix(g, 1)[0][1]);
        assertEquals(1.0 / 1.25, matrix(g, 1)[1][2], 1e-15);
        assertNotEquals(matrix(g, 0)[1][1], matrix(g, 1)[1][2]);
        NormalFormGame zero = BiasedShapleyGame.create(0, 0);
        assertArrayEquals(matrix(ShapleyGame.create(), 0), matrix(zero, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasedShapleyGame.create(-1, 0));
        assertEquals("biased_shapley: bias0=-1.0 is out of range; allowed -0.9..10.0", e.getMessage());
    }
}

package dev.nashforge.games.matrix;

import dev.nashforge.games.model.NormalFormGame;

import java.math.BigDecimal;

/**
 * The biased Shapley family, {@code biased_shapley(bias0=b0,bias1=b1)} in the catalog: Shapley's game
 * ({@link ShapleyGame}) with one payoff of each player raised by that player's own bias, then normalized
 * (package doc):
 * <pre>
 *   A = | 1+b0 0 0 |        B = | 0 1+b1 0 |
 *       | 0    1 0 |            | 0 0    1 |
 *       | 0    0 1 |            | 1 0    0 |
 * </pre>
 * Player 0 gains more from matching on action 0, player 1 gains more from answering action 0 with action 1.
 * For {@code b0, b1 > -1} the best responses still cycle (no pure equilibrium) and the unique Nash equilibrium is
 * interior but no longer uniform: player 1 plays {@code (1, 1+b0, 1+b0) / (3 + 2 b0)} (making player 0
 * indifferent) and player 0 plays {@code (1, 1+b1, 1+b1) / (3 + 2 b1)}. With {@code b0 != 0} the uniform profile
 * is not an equilibrium, so regret minimizers started from uniform do not already sit at the equilibrium; with
 * {@code b0 != b1} the game is asymmetric. Defaults {@code b0 = 0.5}, {@code b1 = 0.25}; allowed range of each
 * bias {@code [-0.9, 10]}. {@code b0 = b1 = 0} is Shapley's game.
 */
public final class BiasedShapleyGame {

    public static final double DEFAULT_BIAS0 = 0.5;
    public static final double DEFAULT_BIAS1 = 0.25;
    public static final double MIN_BIAS = -0.9;
    public static final double MAX_BIAS = 10.0;

    private BiasedShapleyGame() {
    }

    /**
     * @throws IllegalArgumentException if a bias is outside {@code [-0.9, 10]}
     */
    public static NormalFormGame create(double bias0, double bias1) {
        check("bias0", bias0);
        check("bias1", bias1);
        double[][] a = copy(ShapleyGame.ROW_PAYOFF);
        double[][] b = copy(ShapleyGame.COLUMN_PAYOFF);
        a[0][0] += bias0;
        b[0][1] += bias1;
        return Bimatrix.normalized("biased_shapley(bias0=" + format(bias0) + ",bias1=" + format(bias1) + ")", a, b);
    }

    private static void check(String name, double bias) {
        if (!(bias >= MIN_BIAS && bias <= MAX_BIAS)) {
            throw new IllegalArgumentException("biased_shapley: " + name + "=" + bias + " is out of range; allowed "
                    + MIN_BIAS + ".." + MAX_BIAS);
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            c[r] = m[r].clone();
        }
        return c;
    }

    private static String format(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

package dev.nashforge.games.matrix;

import dev.nashforge.games.model.NormalFormGame;

/**
 * Shapley's 3x3 game, {@code shapley} in the catalog: the two-player general-sum game on which fictitious play
 * cycles forever (L. S. Shapley, "Some topics in two-person games", Advances in Game Theory, Annals of
 * Mathematics Studies 52, 1964). Matrices as written in Sparrow, van Strien and Harris, "Fictitious play in 3x3
 * games: the transition between periodic and chaotic behaviour", Games and Economic Behavior 63 (2008), family
 * parameter beta = 0:
 * <pre>
 *   player 0 (rows)   A = | 1 0 0 |     player 1 (columns)   B = | 0 1 0 |
 *                         | 0 1 0 |                                | 0 0 1 |
 *                         | 0 0 1 |                                | 1 0 0 |
 * </pre>
 * Player 0 wants to match player 1's action; player 1 wants to play one step ahead of player 0. Pure best
 * responses cycle, the unique Nash equilibrium is uniform for both players, with payoff 1/3 each. The payoffs
 * already span {@code [0, 1]} for both players, so the package's normalization leaves them unchanged. Action
 * names {@code a0, a1, a2}.
 */
public final class ShapleyGame {

    /** Player 0's payoff matrix A, {@code [row][column]}. */
    static final double[][] ROW_PAYOFF = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    /** Player 1's payoff matrix B, {@code [row][column]}. */
    static final double[][] COLUMN_PAYOFF = {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}};

    private ShapleyGame() {
    }

    /** The game, named {@code shapley}. */
    public static NormalFormGame create() {
        return Bimatrix.normalized("shapley", ROW_PAYOFF, COLUMN_PAYOFF);
    }
}

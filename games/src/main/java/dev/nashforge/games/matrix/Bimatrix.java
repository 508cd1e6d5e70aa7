package dev.nashforge.games.matrix;

import dev.nashforge.games.batch.UnitRangeNormalization;
import dev.nashforge.games.model.NormalFormGame;

/** Builds a two-player {@link NormalFormGame} from payoff matrices, normalized as the package documents. */
final class Bimatrix {

    private Bimatrix() {
    }

    /**
     * @param rowPayoff    player 0's payoffs {@code [row][column]}
     * @param columnPayoff player 1's payoffs {@code [row][column]}, same shape
     */
    static NormalFormGame normalized(String name, double[][] rowPayoff, double[][] columnPayoff) {
        int rows = rowPayoff.length;
        int columns = rowPayoff[0].length;
        double[][] payoffs = new double[2][rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                payoffs[0][r * columns + c] = rowPayoff[r][c];
                payoffs[1][r * columns + c] = columnPayoff[r][c];
            }
        }
        return new NormalFormGame(name, new int[] {rows, columns}, UnitRangeNormalization.normalize(payoffs));
    }
}

package dev.nashforge.games.poker;

/**
 * How a finished Leduc hand turns into a utility vector. {@link LeducPoker} pays chips won or lost (OpenSpiel's
 * returns); {@link BiasedLeducPoker} applies a rake and a bias on top.
 */
interface LeducPayoff {

    /**
     * @param contribution {@code [player]} chips each player put into the pot (ante included)
     * @param winner       {@code [player]} whether the player shares the pot
     * @param numWinners   number of true entries of {@code winner} (at least 1)
     * @param showdown     true if at least two players were still in at the end (cards were compared); false if
     *                     all but one folded
     * @return {@code [player]} utilities; a new array
     */
    double[] returns(int[] contribution, boolean[] winner, int numWinners, boolean showdown);

    /** OpenSpiel's returns: winners split the pot equally; everyone loses what they put in. */
    LeducPayoff CHIPS = (contribution, winner, numWinners, showdown) -> {
        int pot = 0;
        for (int c : contribution) {
            pot += c;
        }
        double[] u = new double[contribution.length];
        for (int p = 0; p < u.length; p++) {
            u[p] = (winner[p] ? (double) pot / numWinners : 0.0) - contribution[p];
        }
        return u;
    };
}

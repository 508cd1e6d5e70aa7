package dev.nashforge.games.poker;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

import java.math.BigDecimal;

/**
 * {@code biased_leduc(rake=r,bias=b)}: a general-sum two-player Leduc poker (method.md §6). The tree, the chance
 * events, the information sets (OpenSpiel's strings) and the action names are exactly those of
 * {@code leduc_poker(players=2)} ({@link LeducPoker}); only the utilities differ.
 *
 * <p>Let {@code c_i} be player i's contribution to the pot at the end of the hand and {@code P = c_0 + c_1}.
 * <ol>
 *   <li><b>Fold</b>: unchanged Leduc payoffs: the player left in gets {@code P - c_w}, the folder {@code -c_f}.</li>
 *   <li><b>Rake</b> (every showdown, never a fold): a fraction
 *       {@code r} of the pot is removed, the winners split {@code (1 - r) P} equally; so the winner gets
 *       {@code (1 - r) P - c_w}, the loser {@code -c_l}, and on a tie each gets {@code (1 - r) P / 2 - c_i}.</li>
 *   <li><b>Bias</b>: player 0 over-values gains: a positive utility of player 0 (after the rake) is multiplied
 *       by {@code 1 + b}; losses are not changed. Player 1 is unbiased.</li>
 * </ol>
 * With {@code r = 0} and {@code b = 0} this is {@code leduc_poker(players=2)}. Otherwise the utilities of a
 * terminal no longer sum to a constant (the rake removes {@code r P} at every showdown; the bias adds
 * {@code b * u_0} whenever player 0 gains), so the game is general-sum and asymmetric. Defaults: {@code r = 0.1},
 * {@code b = 0.5}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BiasedLeducPoker implements Game {

    public static final double DEFAULT_RAKE = 0.1;
    public static final double DEFAULT_BIAS = 0.5;

    private final double rake;
    private final double bias;

    /**
     * @param rake fraction of the pot removed at showdown, {@code 0 <= rake <= 1}
     * @param bias extra weight of player 0's gains, {@code 0 <= bias <= 10}
     * @throws IllegalArgumentException if a parameter is out of range or not finite
     */
    public BiasedLeducPoker(double rake, double bias) {
        if (!(rake >= 0 && rake <= 1)) {
            throw new IllegalArgumentException("biased_leduc: rake=" + rake + " is out of range; allowed 0..1");
        }
        if (!(bias >= 0 && bias <= 10)) {
            throw new IllegalArgumentException("biased_leduc: bias=" + bias + " is out of range; allowed 0..10");
        }
        this.rake = rake;
        this.bias = bias;
    }

    public double rake() {
        return rake;
    }

    public double bias() {
        return bias;
    }

    @Override
    public String name() {
        return "biased_leduc(rake=" + format(rake) + ",bias=" + format(bias) + ")";
    }

    private static String format(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public GameState initialState() {
        return LeducState.initial(2, this::returns);
    }

    private double[] returns(int[] contribution, boolean[] winner, int numWinners, boolean showdown) {
        int pot = contribution[0] + contribution[1];
        double share = (showdown ? (1 - rake) * pot : pot) / numWinners;
        double[] u = new double[2];
        for (int p = 0; p < 2; p++) {
            u[p] = (winner[p] ? share : 0.0) - contribution[p];
        }
        if (u[0] > 0) {
            u[0] *= 1 + bias;
        }
        return u;
    }
}

package dev.nashforge.games.matrix;

import dev.nashforge.games.batch.UnitRangeNormalization;
import dev.nashforge.games.model.NormalFormGame;

import java.util.SplittableRandom;

/**
 * Random general-sum N-player normal-form games, {@code random_matrix(players=N,actions=K,seed=S)} in the
 * catalog: every player has K actions; every player's payoff at every joint action is drawn independently from
 * Uniform[0, 1) (player by player, joint actions in row-major order, from {@code new SplittableRandom(S)}), then
 * normalized (package doc), so each player's worst outcome is exactly 0 and its best exactly 1. The joint action
 * space {@code K^N} is limited to {@link #MAX_OUTCOMES}.
 */
public final class RandomMatrixGame {

    public static final int MAX_PLAYERS = 8;
    public static final int MAX_ACTIONS = 64;
    /** Largest joint action space {@code K^N}. */
    public static final int MAX_OUTCOMES = 1 << 20;

    private RandomMatrixGame() {
    }

    /**
     * @throws IllegalArgumentException if {@code players} is outside {@code 2..8}, {@code actions} outside
     *                                  {@code 1..64} or {@code actions^players > 2^20}
     */
    public static NormalFormGame create(int players, int actions, long seed) {
        int[] counts = actionCounts(players, actions);
        String name = "random_matrix(players=" + players + ",actions=" + actions + ",seed=" + seed + ")";
        return new NormalFormGame(name, counts, samplePayoffs(players, actions, new SplittableRandom(seed)));
    }

    /**
     * Normalized random payoffs {@code [player][jointIndex]} (row-major joint index), drawn from {@code random}
     * as the class doc describes. Distributions use this to draw a fresh game per instance.
     */
    public static double[][] samplePayoffs(int players, int actions, SplittableRandom random) {
        int outcomes = outcomes(players, actions);
        double[][] payoffs = new double[players][outcomes];
        for (int i = 0; i < players; i++) {
            for (int k = 0; k < outcomes; k++) {
                payoffs[i][k] = random.nextDouble();
            }
        }
        return UnitRangeNormalization.normalize(payoffs);
    }

    private static int[] actionCounts(int players, int actions) {
        outcomes(players, actions);
        int[] counts = new int[players];
        java.util.Arrays.fill(counts, actions);
        return counts;
    }

    private static int outcomes(int players, int actions) {
        if (players < 2 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("random_matrix: players=" + players + " is out of range; allowed 2.."
                    + MAX_PLAYERS);
        }
        if (actions < 1 || actions > MAX_ACTIONS) {
            throw new IllegalArgumentException("random_matrix: actions=" + actions + " is out of range; allowed 1.."
                    + MAX_ACTIONS);
        }
        long outcomes = 1;
        for (int i = 0; i < players; i++) {
            outcomes *= actions;
            if (outcomes > MAX_OUTCOMES) {
                throw new IllegalArgumentException("random_matrix: actions^players = " + actions + "^" + players
                        + " exceeds " + MAX_OUTCOMES + " joint actions; use fewer players or actions");
            }
        }
        return (int) outcomes;
    }
}

package dev.nashforge.host.testgames;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

import java.util.Random;

/**
 * A small two-player general-sum game for the tests that exercises what Kuhn poker does not: chance in the
 * middle of the tree, a chance outcome of probability 0, infosets with different action counts, and a player
 * acting twice with a chance event in between.
 *
 * <p>Chance draws a signal in {0,1,2} with probabilities (0.3, 0.7, 0); player 0 sees it and picks one of 3
 * actions; chance flips a public coin (1/2, 1/2); player 1 sees player 0's action and the coin (not the signal)
 * and picks one of 2 actions; then player 0 picks one of 2 actions seeing everything. Utilities are
 * pseudo-random in [-1, 1], fixed by the seed and the history.
 */
public final class TestSignalGame implements Game {

    private final long seed;

    public TestSignalGame(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "test_signal(seed=" + seed + ")";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public GameState initialState() {
        return new State("");
    }

    /** History string: signal digit, p0 action, coin digit, p1 action, p0 action. */
    private final class State implements GameState {
        private final String h;

        State(String h) {
            this.h = h;
        }

        @Override
        public int currentPlayer() {
            switch (h.length()) {
                case 0:
                case 2:
                    return CHANCE;
                case 1:
                case 4:
                    return 0;
                case 3:
                    return 1;
                default:
                    return TERMINAL;
            }
        }

        @Override
        public int numActions() {
            switch (h.length()) {
                case 0:
                case 1:
                    return 3;
                case 2:
                case 3:
                case 4:
                    return 2;
                default:
                    return 0;
            }
        }

        @Override
        public String actionName(int action) {
            return Integer.toString(action);
        }

        @Override
        public double[] chanceProbabilities() {
            return h.isEmpty() ? new double[] {0.3, 0.7, 0.0} : new double[] {0.5, 0.5};
        }

        @Override
        public GameState child(int action) {
            return new State(h + action);
        }

        @Override
        public double[] returns() {
            Random r = new Random(seed * 1_000_003L + h.hashCode());
            return new double[] {2 * r.nextDouble() - 1, 2 * r.nextDouble() - 1};
        }

        @Override
        public String infosetKey() {
            return currentPlayer() == 1 ? "p1:" + h.substring(1, 3) : "p0:" + h;
        }

        @Override
        public String history() {
            return h;
        }
    }
}

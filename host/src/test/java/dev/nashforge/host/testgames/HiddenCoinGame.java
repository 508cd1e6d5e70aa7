package dev.nashforge.host.testgames;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/**
 * One player, one infoset with two histories: chance flips a fair coin that the player does not see, the player
 * guesses "heads" (0) or "tails" (1) and wins 1 for a right guess. The best response value is 1/2; a wrong
 * per-history maximum would claim 1 (it lets the player see the coin).
 */
public final class HiddenCoinGame implements Game {

    @Override
    public String name() {
        return "hidden_coin";
    }

    @Override
    public int numPlayers() {
        return 1;
    }

    @Override
    public GameState initialState() {
        return new State(-1, -1);
    }

    private record State(int coin, int guess) implements GameState {
        @Override
        public int currentPlayer() {
            return coin < 0 ? CHANCE : guess < 0 ? 0 : TERMINAL;
        }

        @Override
        public int numActions() {
            return isTerminal() ? 0 : 2;
        }

        @Override
        public String actionName(int action) {
            return action == 0 ? "heads" : "tails";
        }

        @Override
        public double[] chanceProbabilities() {
            return new double[] {0.5, 0.5};
        }

        @Override
        public GameState child(int action) {
            return coin < 0 ? new State(action, -1) : new State(coin, action);
        }

        @Override
        public double[] returns() {
            return new double[] {coin == guess ? 1 : 0};
        }

        @Override
        public String infosetKey() {
            return "guess";
        }

        @Override
        public String history() {
            return "coin=" + coin + ",guess=" + guess;
        }
    }
}

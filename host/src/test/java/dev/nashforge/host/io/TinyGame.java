package dev.nashforge.host.io;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/**
 * A small two-player test game with several infosets per player and a chance node:
 * chance deals a coin (heads/tails, 1/2 each) that only player 0 sees; player 0 moves left/right (infoset
 * "0h" or "0t"); player 1 sees the move but not the coin and answers with one of three actions (infosets "1l",
 * "1r"); after "left" and answer 0, player 0 moves again (infoset "0h-l0" / "0t-l0", two actions).
 * Payoffs are arbitrary general-sum numbers.
 */
final class TinyGame implements Game {

    @Override
    public String name() {
        return "tiny()";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public GameState initialState() {
        return new State("");
    }

    private record State(String h) implements GameState {

        @Override
        public int currentPlayer() {
            return switch (h.length()) {
                case 0 -> CHANCE;
                case 1 -> 0;
                case 2 -> 1;
                case 3 -> h.charAt(1) == 'l' && h.charAt(2) == '0' ? 0 : TERMINAL;
                default -> TERMINAL;
            };
        }

        @Override
        public int numActions() {
            return switch (currentPlayer()) {
                case CHANCE -> 2;
                case 0 -> 2;
                case 1 -> 3;
                default -> 0;
            };
        }

        @Override
        public String actionName(int action) {
            return switch (h.length()) {
                case 0 -> action == 0 ? "h" : "t";
                case 1 -> action == 0 ? "l" : "r";
                case 2 -> Integer.toString(action);
                default -> action == 0 ? "x" : "y";
            };
        }

        @Override
        public double[] chanceProbabilities() {
            return new double[] {0.5, 0.5};
        }

        @Override
        public GameState child(int action) {
            return new State(h + actionName(action));
        }

        @Override
        public double[] returns() {
            int code = 0;
            for (char c : h.toCharArray()) {
                code = code * 7 + c;
            }
            return new double[] {code % 5 - 2, code % 3 - 1};
        }

        @Override
        public String infosetKey() {
            return switch (h.length()) {
                case 1 -> "0" + h;
                case 2 -> "1" + h.charAt(1);
                default -> "0" + h.charAt(0) + "-l0";
            };
        }

        @Override
        public String history() {
            return h;
        }
    }
}

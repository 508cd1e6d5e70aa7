package dev.nashforge.host.conformance;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/**
 * A two-player general-sum game without chance in which player 0 acts twice, small enough to compute every
 * primitive by hand (see {@link BackendConformanceSuite}): it has a sequence that leads both to a terminal
 * and (through its sibling) to later infosets, two infosets at depth 1 under one parent sequence, and an
 * empty-sequence terminal for player 1.
 *
 * <pre>
 * player 0 at "I0": stop → z0 u = (1, −1)
 *                   go   → player 1 at "J0" (sees nothing):
 *                            left  → player 0 at "I1": c0 → z1 u = (3, 0);  c1 → z2 u = (0, 2)
 *                            right → player 0 at "I2": d0 → z3 u = (−2, 1); d1 → z4 u = (4, −1)
 * </pre>
 */
final class TwoStageGame implements Game {

    /** Infoset keys: player 0's root, player 0 after "left", player 0 after "right", player 1's only infoset. */
    static final String I0 = "I0";
    static final String I1 = "I1";
    static final String I2 = "I2";
    static final String J0 = "J0";

    @Override
    public String name() {
        return "two_stage";
    }

    @Override
    public int numPlayers() {
        return 2;
    }

    @Override
    public GameState initialState() {
        return new State("");
    }

    /** History: '0'/'1' for each action taken, in order. */
    private record State(String h) implements GameState {

        @Override
        public int currentPlayer() {
            if (h.isEmpty()) {
                return 0;
            }
            if (h.equals("0") || h.length() == 3) {
                return TERMINAL;
            }
            return h.length() == 1 ? 1 : 0;
        }

        @Override
        public int numActions() {
            return isTerminal() ? 0 : 2;
        }

        @Override
        public String actionName(int action) {
            return switch (h.length()) {
                case 0 -> action == 0 ? "stop" : "go";
                case 1 -> action == 0 ? "left" : "right";
                default -> (h.charAt(1) == '0' ? "c" : "d") + action;
            };
        }

        @Override
        public double[] chanceProbabilities() {
            throw new IllegalStateException("two_stage has no chance node (history " + h + ")");
        }

        @Override
        public GameState child(int action) {
            return new State(h + action);
        }

        @Override
        public double[] returns() {
            return switch (h) {
                case "0" -> new double[] {1, -1};
                case "100" -> new double[] {3, 0};
                case "101" -> new double[] {0, 2};
                case "110" -> new double[] {-2, 1};
                case "111" -> new double[] {4, -1};
                default -> throw new IllegalStateException("not a terminal of two_stage: " + h);
            };
        }

        @Override
        public String infosetKey() {
            return switch (h) {
                case "" -> I0;
                case "1" -> J0;
                case "10" -> I1;
                case "11" -> I2;
                default -> throw new IllegalStateException("not a decision node of two_stage: " + h);
            };
        }

        @Override
        public String history() {
            return h.isEmpty() ? "(root)" : h;
        }
    }
}

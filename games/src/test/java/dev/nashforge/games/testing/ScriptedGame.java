package dev.nashforge.games.testing;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/**
 * A tiny hand-built extensive-form game for compiler tests: a tree of {@link Node}s. The history of a state is
 * the path of action indices from the root, e.g. {@code "root/1/0"}.
 */
public final class ScriptedGame implements Game {

    /** One node: a decision (player, infoset key), a chance node (probabilities) or a terminal (utilities). */
    public record Node(int player, String key, double[] probabilities, double[] utility, Node[] children) {

        public static Node decision(int player, String key, Node... children) {
            return new Node(player, key, null, null, children);
        }

        public static Node chance(double[] probabilities, Node... children) {
            return new Node(GameState.CHANCE, null, probabilities, null, children);
        }

        public static Node terminal(double... utility) {
            return new Node(GameState.TERMINAL, null, null, utility, new Node[0]);
        }
    }

    private final String name;
    private final int players;
    private final Node root;

    public ScriptedGame(String name, int players, Node root) {
        this.name = name;
        this.players = players;
        this.root = root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int numPlayers() {
        return players;
    }

    @Override
    public GameState initialState() {
        return new State(root, "root");
    }

    private record State(Node node, String path) implements GameState {

        @Override
        public int currentPlayer() {
            return node.player();
        }

        @Override
        public int numActions() {
            return node.children().length;
        }

        @Override
        public String actionName(int action) {
            return "a" + action;
        }

        @Override
        public double[] chanceProbabilities() {
            return node.probabilities();
        }

        @Override
        public GameState child(int action) {
            return new State(node.children()[action], path + "/" + action);
        }

        @Override
        public double[] returns() {
            return node.utility();
        }

        @Override
        public String infosetKey() {
            return node.key();
        }

        @Override
        public String history() {
            return path;
        }
    }
}

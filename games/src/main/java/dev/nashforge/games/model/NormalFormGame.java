package dev.nashforge.games.model;

import java.util.Arrays;

/**
 * An N-player normal-form game defined directly by its payoff tensor. In the authoring API every player has
 * exactly one information set (key {@code "p<i>"}) and moves without seeing the others' actions; players act
 * in order 0, 1, …, N-1 only as a matter of representation.
 *
 * <p>Payoffs are stored as {@code payoffs[player][jointIndex]}, where the joint index is row-major over the
 * players' actions: {@code jointIndex = ((a_0 * n_1 + a_1) * n_2 + a_2) …}.
 */
public final class NormalFormGame implements Game {

    private final String name;
    private final int[] actionCounts;
    private final double[][] payoffs;
    private final String[][] actionNames;

    /**
     * @param name         catalog name
     * @param actionCounts actions per player, each at least 1
     * @param payoffs      {@code [player][jointIndex]}, row-major joint index (see class doc)
     * @throws IllegalArgumentException if the shapes disagree or a payoff is not finite
     */
    public NormalFormGame(String name, int[] actionCounts, double[][] payoffs) {
        this(name, actionCounts, payoffs, null);
    }

    /** As {@link #NormalFormGame(String, int[], double[][])} with explicit action names per player. */
    public NormalFormGame(String name, int[] actionCounts, double[][] payoffs, String[][] actionNames) {
        if (actionCounts.length < 1) {
            throw new IllegalArgumentException(name + ": a normal-form game needs at least one player");
        }
        long joint = 1;
        for (int i = 0; i < actionCounts.length; i++) {
            if (actionCounts[i] < 1) {
                throw new IllegalArgumentException(name + ": player " + i + " has " + actionCounts[i]
                        + " actions; every player needs at least one");
            }
            joint *= actionCounts[i];
            if (joint > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + ": the joint action space is too large");
            }
        }
        if (payoffs.length != actionCounts.length) {
            throw new IllegalArgumentException(name + ": payoffs given for " + payoffs.length + " players, expected "
                    + actionCounts.length);
        }
        for (int i = 0; i < payoffs.length; i++) {
            if (payoffs[i].length != joint) {
                throw new IllegalArgumentException(name + ": player " + i + " has " + payoffs[i].length
                        + " payoffs, expected " + joint + " (product of the action counts)");
            }
            for (int k = 0; k < joint; k++) {
                if (!Double.isFinite(payoffs[i][k])) {
                    throw new IllegalArgumentException(name + ": payoff of player " + i + " at joint index " + k
                            + " is " + payoffs[i][k]);
                }
            }
        }
        this.name = name;
        this.actionCounts = actionCounts.clone();
        this.payoffs = new double[payoffs.length][];
        for (int i = 0; i < payoffs.length; i++) {
            this.payoffs[i] = payoffs[i].clone();
        }
        this.actionNames = actionNames;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int numPlayers() {
        return actionCounts.length;
    }

    /** Actions of player {@code player}. */
    public int numActions(int player) {
        return actionCounts[player];
    }

    /** Payoff of {@code player} at row-major joint index {@code jointIndex}. */
    public double payoff(int player, int jointIndex) {
        return payoffs[player][jointIndex];
    }

    @Override
    public GameState initialState() {
        return new State(new int[0]);
    }

    private final class State implements GameState {
        private final int[] chosen;

        State(int[] chosen) {
            this.chosen = chosen;
        }

        @Override
        public int currentPlayer() {
            return chosen.length == actionCounts.length ? TERMINAL : chosen.length;
        }

        @Override
        public int numActions() {
            return isTerminal() ? 0 : actionCounts[chosen.length];
        }

        @Override
        public String actionName(int action) {
            int p = chosen.length;
            return actionNames != null ? actionNames[p][action] : "a" + action;
        }

        @Override
        public double[] chanceProbabilities() {
            throw new IllegalStateException("a normal-form game has no chance states");
        }

        @Override
        public GameState child(int action) {
            if (isTerminal() || action < 0 || action >= actionCounts[chosen.length]) {
                throw new IllegalArgumentException("illegal action " + action + " at " + history());
            }
            int[] next = Arrays.copyOf(chosen, chosen.length + 1);
            next[chosen.length] = action;
            return new State(next);
        }

        @Override
        public double[] returns() {
            if (!isTerminal()) {
                throw new IllegalStateException("returns() of a non-terminal state " + history());
            }
            int joint = 0;
            for (int i = 0; i < chosen.length; i++) {
                joint = joint * actionCounts[i] + chosen[i];
            }
            double[] u = new double[actionCounts.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = payoffs[i][joint];
            }
            return u;
        }

        @Override
        public String infosetKey() {
            return "p" + chosen.length;
        }

        @Override
        public String history() {
            return Arrays.toString(chosen);
        }
    }
}

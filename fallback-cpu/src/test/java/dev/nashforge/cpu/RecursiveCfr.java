package dev.nashforge.cpu;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;

import java.util.HashMap;
import java.util.Map;

/**
 * An independent reference for the flat engine: the regret-minimizer family run by recursive traversal of the
 * game tree with one node object per infoset, in the structure of OpenSpiel's {@code cfr.py}
 * ({@code _compute_counterfactual_regret_for_player}): every history adds its counterfactual-reach-weighted
 * regret and its reach-weighted policy to its infoset's node, then the rule is applied to the summed
 * instantaneous regret. Double precision only; for tests.
 */
final class RecursiveCfr {

    private static final int ALL = -1;

    /** Per-infoset state. */
    static final class Node {
        final double[] cumulativeRegret;
        final double[] prediction;
        final double[] strategy;
        final double[] instantaneous;
        final double[] cumulativePolicy;

        Node(int actions) {
            cumulativeRegret = new double[actions];
            prediction = new double[actions];
            strategy = new double[actions];
            instantaneous = new double[actions];
            cumulativePolicy = new double[actions];
            java.util.Arrays.fill(strategy, 1.0 / actions);
        }
    }

    private final Game game;
    private final SolverConfig config;
    private final int players;
    private final Map<String, Node> nodes = new HashMap<>();
    private int iteration;
    private double weight;

    RecursiveCfr(Game game, SolverConfig config) {
        this.game = game;
        this.config = config;
        this.players = game.numPlayers();
    }

    void iterate() {
        iteration++;
        weight = config.averaging().weight(iteration);
        double[] reach = new double[players + 1];
        java.util.Arrays.fill(reach, 1.0);
        if (config.updates() == UpdateMode.ALTERNATING) {
            for (int p = 0; p < players; p++) {
                traverse(game.initialState(), reach, p);
                apply(p);
            }
        } else {
            traverse(game.initialState(), reach, ALL);
            apply(ALL);
        }
    }

    private double[] traverse(GameState state, double[] reach, int updatePlayer) {
        if (state.isTerminal()) {
            return state.returns();
        }
        double[] value = new double[players];
        if (state.isChance()) {
            double[] p = state.chanceProbabilities();
            for (int a = 0; a < state.numActions(); a++) {
                if (p[a] == 0) {
                    continue;
                }
                double[] r = reach.clone();
                r[players] *= p[a];
                double[] child = traverse(state.child(a), r, updatePlayer);
                for (int i = 0; i < players; i++) {
                    value[i] += p[a] * child[i];
                }
            }
            return value;
        }
        int i = state.currentPlayer();
        int k = state.numActions();
        Node node = nodes.computeIfAbsent(key(i, state.infosetKey()), x -> new Node(k));
        double[][] children = new double[k][];
        for (int a = 0; a < k; a++) {
            double[] r = reach.clone();
            r[i] *= node.strategy[a];
            children[a] = traverse(state.child(a), r, updatePlayer);
            for (int j = 0; j < players; j++) {
                value[j] += node.strategy[a] * children[a][j];
            }
        }
        if (updatePlayer == ALL || updatePlayer == i) {
            double counterfactualReach = reach[players];
            for (int j = 0; j < players; j++) {
                if (j != i) {
                    counterfactualReach *= reach[j];
                }
            }
            for (int a = 0; a < k; a++) {
                node.instantaneous[a] += counterfactualReach * (children[a][i] - value[i]);
                node.cumulativePolicy[a] += weight * reach[i] * node.strategy[a];
            }
        }
        return value;
    }

    private void apply(int player) {
        int t = iteration;
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            if (player != ALL && !e.getKey().startsWith(player + "/")) {
                continue;
            }
            Node n = e.getValue();
            for (int a = 0; a < n.strategy.length; a++) {
                double r = n.instantaneous[a];
                double rr = n.cumulativeRegret[a];
                switch (config.regretUpdate().kind()) {
                    case SUM -> rr = rr + r;
                    case PLUS -> rr = Math.max(rr + r, 0);
                    case LINEAR -> rr = rr + t * r;
                    case DISCOUNTED -> {
                        rr = rr + r;
                        double alpha = config.regretUpdate().alpha();
                        double beta = config.regretUpdate().beta();
                        rr *= rr >= 0 ? Math.pow(t, alpha) / (Math.pow(t, alpha) + 1)
                                : Math.pow(t, beta) / (Math.pow(t, beta) + 1);
                    }
                    default -> throw new IllegalStateException();
                }
                n.cumulativeRegret[a] = rr;
                if (config.prediction() == Prediction.LAST_INSTANTANEOUS_REGRET) {
                    n.prediction[a] = r;
                }
                n.instantaneous[a] = 0;
            }
            double sum = 0;
            for (int a = 0; a < n.strategy.length; a++) {
                sum += Math.max(n.cumulativeRegret[a] + n.prediction[a], 0);
            }
            for (int a = 0; a < n.strategy.length; a++) {
                n.strategy[a] = sum > 0 ? Math.max(n.cumulativeRegret[a] + n.prediction[a], 0) / sum
                        : 1.0 / n.strategy.length;
            }
        }
    }

    private static String key(int player, String infosetKey) {
        return player + "/" + infosetKey;
    }

    /** The current strategy at an infoset, or null if the traversal never reached it. */
    double[] currentStrategy(int player, String infosetKey) {
        Node n = nodes.get(key(player, infosetKey));
        return n == null ? null : n.strategy.clone();
    }

    /** The normalized cumulative policy (uniform when never reached), or null if never visited. */
    double[] averageStrategy(int player, String infosetKey) {
        Node n = nodes.get(key(player, infosetKey));
        if (n == null) {
            return null;
        }
        double sum = 0;
        for (double v : n.cumulativePolicy) {
            sum += v;
        }
        double[] avg = new double[n.cumulativePolicy.length];
        for (int a = 0; a < avg.length; a++) {
            avg[a] = sum > 0 ? n.cumulativePolicy[a] / sum : 1.0 / avg.length;
        }
        return avg;
    }

    /** The cumulative regret at an infoset. */
    double[] cumulativeRegret(int player, String infosetKey) {
        return nodes.get(key(player, infosetKey)).cumulativeRegret.clone();
    }
}

package dev.nashforge.host.reference;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately simple recursive evaluator over the authoring API ({@link Game}, {@link GameState}), written
 * independently of the compiled layout, to check the flat {@link dev.nashforge.host.metrics.ExactEvaluator}.
 *
 * <p><b>Profiles</b> are {@code List<Map<String, double[]>>}: entry i maps each infoset key of player i to its
 * action probabilities (length = the infoset's number of actions). Chance outcomes of probability 0 are skipped,
 * as the compiler skips them, so a profile need not cover infosets reachable only through them.
 *
 * <p><b>Best response</b> of player i is computed per infoset, never per history: one walk collects, for every
 * infoset I of i, its histories h with their weight {@code w(h)} = chance reach × the other players' reach. The
 * best action at I maximizes {@code Σ_{h∈I} w(h) · value(h·a)}, where {@code value} recurses through the game
 * tree with the others playing the profile and i playing the (memoized) best action at each of its later
 * infosets; the best-response value is {@code value(root)}. With perfect recall this is an optimal response
 * (the method of OpenSpiel's {@code best_response.py}). Cost grows with tree size × the player's decision
 * depth; meant for games up to two-player Leduc.
 *
 * <p>Stateless apart from the game; thread-safe if the game's states are.
 */
public final class RecursiveEvaluator {

    private final Game game;

    public RecursiveEvaluator(Game game) {
        if (game == null) {
            throw new IllegalArgumentException("RecursiveEvaluator needs a game; got null");
        }
        this.game = game;
    }

    /** Expected utility of every player under the profile, {@code [player]}. */
    public double[] expectedValues(List<Map<String, double[]>> profile) {
        checkProfile(profile);
        return expected(game.initialState(), profile);
    }

    /** Value of player's best response to the others' strategies in {@code profile}. */
    public double bestResponseValue(List<Map<String, double[]>> profile, int player) {
        checkProfile(profile);
        if (player < 0 || player >= game.numPlayers()) {
            throw new IllegalArgumentException(game.name() + ": player " + player + " does not exist; the game has"
                    + " players 0.." + (game.numPlayers() - 1));
        }
        return new BestResponse(profile, player).value(game.initialState());
    }

    /** Best-response value of every player, {@code [player]}. */
    public double[] bestResponseValues(List<Map<String, double[]>> profile) {
        double[] values = new double[game.numPlayers()];
        for (int i = 0; i < values.length; i++) {
            values[i] = bestResponseValue(profile, i);
        }
        return values;
    }

    /** NashGap {@code Σ_i (bestResponseValue_i − expectedValue_i)}. */
    public double nashGap(List<Map<String, double[]>> profile) {
        double[] expected = expectedValues(profile);
        double[] best = bestResponseValues(profile);
        double gap = 0;
        for (int i = 0; i < expected.length; i++) {
            gap += best[i] - expected[i];
        }
        return gap;
    }

    private double[] expected(GameState state, List<Map<String, double[]>> profile) {
        int n = game.numPlayers();
        if (state.isTerminal()) {
            return state.returns().clone();
        }
        double[] probabilities = state.isChance() ? state.chanceProbabilities() : strategy(profile, state);
        double[] total = new double[n];
        for (int a = 0; a < state.numActions(); a++) {
            if (state.isChance() && probabilities[a] == 0) {
                continue;
            }
            double[] child = expected(state.child(a), profile);
            for (int i = 0; i < n; i++) {
                total[i] += probabilities[a] * child[i];
            }
        }
        return total;
    }

    private double[] strategy(List<Map<String, double[]>> profile, GameState state) {
        int player = state.currentPlayer();
        double[] sigma = profile.get(player).get(state.infosetKey());
        if (sigma == null) {
            throw new IllegalArgumentException(game.name() + ": the profile of player " + player
                    + " has no strategy for infoset '" + state.infosetKey() + "' (reached at history "
                    + state.history() + ")");
        }
        if (sigma.length != state.numActions()) {
            throw new IllegalArgumentException(game.name() + ": the profile of player " + player + " gives "
                    + sigma.length + " probabilities at infoset '" + state.infosetKey() + "', which has "
                    + state.numActions() + " actions");
        }
        return sigma;
    }

    private void checkProfile(List<Map<String, double[]>> profile) {
        if (profile == null || profile.size() != game.numPlayers()) {
            throw new IllegalArgumentException(game.name() + ": a profile needs one map per player ("
                    + game.numPlayers() + "), got " + (profile == null ? "null" : profile.size()));
        }
    }

    /** One best-response computation: histories per infoset, then memoized per-infoset best actions. */
    private final class BestResponse {
        private final List<Map<String, double[]>> profile;
        private final int player;
        private final Map<String, List<GameState>> infosetHistories = new HashMap<>();
        private final Map<String, List<Double>> infosetWeights = new HashMap<>();
        private final Map<String, Integer> bestAction = new HashMap<>();

        BestResponse(List<Map<String, double[]>> profile, int player) {
            this.profile = profile;
            this.player = player;
            collect(game.initialState(), 1.0);
        }

        /** Records every history of the player's infosets with weight chance reach × others' reach. */
        private void collect(GameState state, double weight) {
            if (state.isTerminal()) {
                return;
            }
            int k = state.numActions();
            if (state.isChance()) {
                double[] p = state.chanceProbabilities();
                for (int a = 0; a < k; a++) {
                    if (p[a] > 0) {
                        collect(state.child(a), weight * p[a]);
                    }
                }
            } else if (state.currentPlayer() == player) {
                String key = state.infosetKey();
                infosetHistories.computeIfAbsent(key, x -> new ArrayList<>()).add(state);
                infosetWeights.computeIfAbsent(key, x -> new ArrayList<>()).add(weight);
                for (int a = 0; a < k; a++) {
                    collect(state.child(a), weight);
                }
            } else {
                double[] sigma = strategy(profile, state);
                for (int a = 0; a < k; a++) {
                    collect(state.child(a), weight * sigma[a]);
                }
            }
        }

        /** Player's utility below {@code state}: others play the profile, the player its best actions. */
        double value(GameState state) {
            if (state.isTerminal()) {
                return state.returns()[player];
            }
            int k = state.numActions();
            if (state.isChance()) {
                double[] p = state.chanceProbabilities();
                double v = 0;
                for (int a = 0; a < k; a++) {
                    if (p[a] > 0) {
                        v += p[a] * value(state.child(a));
                    }
                }
                return v;
            }
            if (state.currentPlayer() == player) {
                return value(state.child(bestAction(state.infosetKey())));
            }
            double[] sigma = strategy(profile, state);
            double v = 0;
            for (int a = 0; a < k; a++) {
                v += sigma[a] * value(state.child(a));
            }
            return v;
        }

        /** argmax_a Σ_{h∈I} w(h) value(h·a), memoized per infoset key. */
        private int bestAction(String key) {
            Integer known = bestAction.get(key);
            if (known != null) {
                return known;
            }
            List<GameState> histories = infosetHistories.get(key);
            List<Double> weights = infosetWeights.get(key);
            int k = histories.get(0).numActions();
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                double q = 0;
                for (int h = 0; h < histories.size(); h++) {
                    q += weights.get(h) * value(histories.get(h).child(a));
                }
                if (q > bestValue) {
                    bestValue = q;
                    best = a;
                }
            }
            bestAction.put(key, best);
            return best;
        }
    }
}

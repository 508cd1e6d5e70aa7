package dev.nashforge.games.layout;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a game given through the authoring API ({@link Game}, {@link GameState}) into the flat
 * sequence-form layout of method.md §2: one {@link Treeplex} per player plus the terminal table.
 *
 * <p>The compiler walks the whole game tree once, depth first. It validates that every chance state's
 * probabilities are non-negative and sum to 1, that every terminal returns one finite utility per player, that
 * an infoset always offers the same number of actions, and <b>perfect recall</b>: every visit of an infoset
 * must come through the same own sequence of its player. A violation throws {@link PerfectRecallException}
 * naming the infoset and two histories that disagree.
 *
 * <p>Stateless and thread-safe.
 */
public final class GameCompiler {

    private static final double PROBABILITY_TOLERANCE = 1e-9;

    private GameCompiler() {
    }

    /** Compiles {@code game}; see the class documentation for what is validated. */
    public static CompiledGame compile(Game game) {
        return new Walk(game).run();
    }

    /** An infoset as first discovered, before the final top-down numbering. */
    private static final class DiscoveredInfoset {
        final String key;
        final int parentSequence;
        final int numActions;
        final int firstSequence;
        final String firstHistory;
        final String[] actionNames;

        DiscoveredInfoset(String key, int parentSequence, int numActions, int firstSequence, String firstHistory,
                          String[] actionNames) {
            this.key = key;
            this.parentSequence = parentSequence;
            this.numActions = numActions;
            this.firstSequence = firstSequence;
            this.firstHistory = firstHistory;
            this.actionNames = actionNames;
        }
    }

    private static final class Walk {
        private final Game game;
        private final int n;
        private final List<Map<String, DiscoveredInfoset>> infosets = new ArrayList<>();
        private final List<List<DiscoveredInfoset>> discoveryOrder = new ArrayList<>();
        private final int[] nextSequence;
        private final IntList[] terminalSequence;
        private final DoubleList[] utility;
        private final DoubleList chanceReach = new DoubleList();
        private final IntList chanceOutcomeStart = new IntList();
        private final DoubleList chanceProbability = new DoubleList();
        private final IntList terminalChanceStart = new IntList();
        private final IntList terminalChanceOutcome = new IntList();

        Walk(Game game) {
            this.game = game;
            this.n = game.numPlayers();
            if (n < 1) {
                throw new IllegalArgumentException(game.name() + ": a game needs at least one player");
            }
            nextSequence = new int[n];
            terminalSequence = new IntList[n];
            utility = new DoubleList[n];
            for (int i = 0; i < n; i++) {
                infosets.add(new HashMap<>());
                discoveryOrder.add(new ArrayList<>());
                nextSequence[i] = 1;
                terminalSequence[i] = new IntList();
                utility[i] = new DoubleList();
            }
            chanceOutcomeStart.add(0);
            terminalChanceStart.add(0);
        }

        CompiledGame run() {
            int[] ownSequence = new int[n];
            visit(game.initialState(), ownSequence, 1.0, new IntList());
            return assemble();
        }

        private void visit(GameState state, int[] ownSequence, double reach, IntList chancePath) {
            int player = state.currentPlayer();
            if (player == GameState.TERMINAL) {
                recordTerminal(state, ownSequence, reach, chancePath);
            } else if (player == GameState.CHANCE) {
                visitChance(state, ownSequence, reach, chancePath);
            } else if (player >= 0 && player < n) {
                visitDecision(state, player, ownSequence, reach, chancePath);
            } else {
                throw new IllegalArgumentException(game.name() + ": state " + state.history()
                        + " names player " + player + ", but the game has " + n + " players");
            }
        }

        private void recordTerminal(GameState state, int[] ownSequence, double reach, IntList chancePath) {
            double[] u = state.returns();
            if (u == null || u.length != n) {
                throw new IllegalArgumentException(game.name() + ": terminal " + state.history() + " returns "
                        + (u == null ? "null" : u.length + " utilities") + ", expected one per player (" + n + ")");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(u[i])) {
                    throw new IllegalArgumentException(game.name() + ": terminal " + state.history()
                            + " has utility " + u[i] + " for player " + i);
                }
                terminalSequence[i].add(ownSequence[i]);
                utility[i].add(u[i]);
            }
            chanceReach.add(reach);
            for (int k = 0; k < chancePath.size(); k++) {
                terminalChanceOutcome.add(chancePath.get(k));
            }
            terminalChanceStart.add(terminalChanceOutcome.size());
        }

        private void visitChance(GameState state, int[] ownSequence, double reach, IntList chancePath) {
            int k = state.numActions();
            double[] p = state.chanceProbabilities();
            if (k < 1 || p == null || p.length != k) {
                throw new IllegalArgumentException(game.name() + ": chance state " + state.history() + " has "
                        + k + " outcomes but " + (p == null ? "no" : p.length) + " probabilities");
            }
            double sum = 0;
            for (int a = 0; a < k; a++) {
                if (!(p[a] >= 0)) {
                    throw new IllegalArgumentException(game.name() + ": chance state " + state.history()
                            + " has probability " + p[a] + " for outcome " + state.actionName(a));
                }
                sum += p[a];
            }
            if (Math.abs(sum - 1.0) > PROBABILITY_TOLERANCE) {
                throw new IllegalArgumentException(game.name() + ": chance probabilities at " + state.history()
                        + " sum to " + sum + ", not 1");
            }
            int base = chanceProbability.size();
            for (int a = 0; a < k; a++) {
                chanceProbability.add(p[a]);
            }
            chanceOutcomeStart.add(chanceProbability.size());
            for (int a = 0; a < k; a++) {
                if (p[a] == 0) {
                    continue;
                }
                chancePath.add(base + a);
                visit(state.child(a), ownSequence, reach * p[a], chancePath);
                chancePath.removeLast();
            }
        }

        private void visitDecision(GameState state, int player, int[] ownSequence, double reach,
                                   IntList chancePath) {
            String key = state.infosetKey();
            int k = state.numActions();
            if (k < 1) {
                throw new IllegalArgumentException(game.name() + ": player " + player + " has no legal action at "
                        + state.history() + " (infoset " + key + ")");
            }
            DiscoveredInfoset info = infosets.get(player).get(key);
            if (info == null) {
                String[] names = new String[k];
                for (int a = 0; a < k; a++) {
                    names[a] = state.actionName(a);
                }
                info = new DiscoveredInfoset(key, ownSequence[player], k, nextSequence[player], state.history(),
                        names);
                nextSequence[player] += k;
                infosets.get(player).put(key, info);
                discoveryOrder.get(player).add(info);
            } else if (info.parentSequence != ownSequence[player]) {
                throw new PerfectRecallException(game.name() + ": perfect recall violated for player " + player
                        + " at infoset '" + key + "': histories " + info.firstHistory + " and " + state.history()
                        + " share the infoset but differ in the player's own earlier actions or infosets",
                        player, key, info.firstHistory, state.history());
            } else if (info.numActions != k) {
                throw new PerfectRecallException(game.name() + ": infoset '" + key + "' of player " + player
                        + " has " + info.numActions + " actions at history " + info.firstHistory + " but " + k
                        + " at history " + state.history(), player, key, info.firstHistory, state.history());
            }
            int saved = ownSequence[player];
            for (int a = 0; a < k; a++) {
                ownSequence[player] = info.firstSequence + a;
                visit(state.child(a), ownSequence, reach, chancePath);
            }
            ownSequence[player] = saved;
        }

        private CompiledGame assemble() {
            if (chanceReach.size() == 0) {
                throw new IllegalArgumentException(game.name() + ": the game has no reachable terminal");
            }
            Treeplex[] treeplexes = new Treeplex[n];
            int[][] sequences = new int[n][];
            double[][] utilities = new double[n][];
            for (int i = 0; i < n; i++) {
                int[] discoveredToFinal = new int[nextSequence[i]];
                treeplexes[i] = orderTopDown(i, discoveredToFinal);
                int[] seq = terminalSequence[i].toArray();
                for (int z = 0; z < seq.length; z++) {
                    seq[z] = discoveredToFinal[seq[z]];
                }
                sequences[i] = seq;
                utilities[i] = utility[i].toArray();
            }
            GameStructure structure = new GameStructure(game.name(), treeplexes, sequences,
                    chanceOutcomeStart.toArray(), chanceProbability.toArray(), terminalChanceStart.toArray(),
                    terminalChanceOutcome.toArray());
            return new CompiledGame(structure, new GameInstance(chanceReach.toArray(), utilities));
        }

        /** Breadth-first renumbering: infosets by depth, then by parent sequence (see {@link Treeplex}). */
        private Treeplex orderTopDown(int player, int[] discoveredToFinal) {
            List<DiscoveredInfoset> all = discoveryOrder.get(player);
            Map<Integer, List<DiscoveredInfoset>> children = new HashMap<>();
            for (DiscoveredInfoset d : all) {
                children.computeIfAbsent(d.parentSequence, x -> new ArrayList<>()).add(d);
            }
            int count = all.size();
            String[] keys = new String[count];
            int[] actions = new int[count];
            int[] parents = new int[count];
            String[] actionNames = new String[nextSequence[player]];
            IntList finalToDiscovered = new IntList();
            finalToDiscovered.add(0);
            int next = 0;
            for (int s = 0; s < finalToDiscovered.size(); s++) {
                List<DiscoveredInfoset> kids = children.getOrDefault(finalToDiscovered.get(s), List.of());
                for (DiscoveredInfoset d : kids) {
                    keys[next] = d.key;
                    actions[next] = d.numActions;
                    parents[next] = s;
                    for (int a = 0; a < d.numActions; a++) {
                        discoveredToFinal[d.firstSequence + a] = finalToDiscovered.size();
                        actionNames[finalToDiscovered.size()] = d.actionNames[a];
                        finalToDiscovered.add(d.firstSequence + a);
                    }
                    next++;
                }
            }
            if (next != count) {
                throw new IllegalStateException("internal error: " + (count - next) + " infosets unreachable");
            }
            return new Treeplex(player, keys, actions, parents, actionNames);
        }
    }

    /** Growable int array. */
    static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int get(int i) {
            return data[i];
        }

        int size() {
            return size;
        }

        void removeLast() {
            size--;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** Growable double array. */
    static final class DoubleList {
        private double[] data = new double[16];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}

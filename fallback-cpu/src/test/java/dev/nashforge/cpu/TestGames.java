package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;
import dev.nashforge.games.model.NormalFormGame;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Small games for the backend tests. */
final class TestGames {

    private TestGames() {
    }

    /**
     * The 2×2 general-sum game of the hand traces: rows are player 0's actions (H, T), columns player 1's;
     * u0 = [[2, −1], [−1, 1]], u1 = [[−1, 1], [1, −1]].
     */
    static NormalFormGame traceGame() {
        return new NormalFormGame("trace_2x2", new int[] {2, 2},
                new double[][] {{2, -1, -1, 1}, {-1, 1, 1, -1}});
    }

    static CompiledGame compile(Game game) {
        return GameCompiler.compile(game);
    }

    static GameBatch single(CompiledGame g) {
        return GameBatch.replicate(g.structure(), g.instance(), 1);
    }

    /**
     * A random general-sum game with chance and imperfect information, built to exercise every part of the
     * flat layout: chance deals every player a private signal (non-uniform probabilities), then the players act
     * in turn for {@code rounds} rounds seeing all actions (not the others' signals). A decision node offers 2
     * or 3 actions (depending on the public history); once the public history is non-empty, action 0 ends the
     * game, so sequences lead both to terminals and to later infosets. Utilities are seeded uniform in
     * [−1, 1] per player and terminal (general-sum). Infoset key: own signal + public history (perfect recall).
     */
    static Game signalGame(int players, int signals, int rounds, long seed) {
        return new SignalGame(players, signals, rounds, seed);
    }

    private record SignalGame(int players, int signals, int rounds, long seed) implements Game {

        @Override
        public String name() {
            return "signal_game(players=" + players + ",signals=" + signals + ",rounds=" + rounds + ",seed=" + seed
                    + ")";
        }

        @Override
        public int numPlayers() {
            return players;
        }

        @Override
        public GameState initialState() {
            return new SignalState(this, new int[0]);
        }

        double[] signalProbabilities(int dealt) {
            SplittableRandom r = new SplittableRandom(seed * 31 + dealt);
            double[] p = new double[signals];
            double sum = 0;
            for (int k = 0; k < signals; k++) {
                p[k] = 0.5 + r.nextDouble();
                sum += p[k];
            }
            for (int k = 0; k < signals; k++) {
                p[k] /= sum;
            }
            return p;
        }
    }

    private record SignalState(SignalGame game, int[] path) implements GameState {

        private int publicLength() {
            return path.length - game.players;
        }

        private boolean ended() {
            int n = publicLength();
            return n >= 2 && path[path.length - 1] == 0
                    || n >= game.players * game.rounds;
        }

        @Override
        public int currentPlayer() {
            if (path.length < game.players) {
                return CHANCE;
            }
            if (ended()) {
                return TERMINAL;
            }
            return publicLength() % game.players;
        }

        @Override
        public int numActions() {
            int p = currentPlayer();
            if (p == CHANCE) {
                return game.signals;
            }
            if (p == TERMINAL) {
                return 0;
            }
            return 2 + Math.floorMod(Arrays.hashCode(publicHistory()) + (int) game.seed, 2);
        }

        private int[] publicHistory() {
            return Arrays.copyOfRange(path, game.players, path.length);
        }

        @Override
        public String actionName(int action) {
            return currentPlayer() == CHANCE ? "s" + action : "a" + action;
        }

        @Override
        public double[] chanceProbabilities() {
            return game.signalProbabilities(path.length);
        }

        @Override
        public GameState child(int action) {
            int[] next = Arrays.copyOf(path, path.length + 1);
            next[path.length] = action;
            return new SignalState(game, next);
        }

        @Override
        public double[] returns() {
            SplittableRandom r = new SplittableRandom(game.seed * 1_000_003L + Arrays.hashCode(path));
            double[] u = new double[game.players];
            for (int i = 0; i < u.length; i++) {
                u[i] = 2 * r.nextDouble() - 1;
            }
            return u;
        }

        @Override
        public String infosetKey() {
            int p = currentPlayer();
            return "s" + path[p] + "|" + Arrays.toString(publicHistory());
        }

        @Override
        public String history() {
            return Arrays.toString(path);
        }
    }
}

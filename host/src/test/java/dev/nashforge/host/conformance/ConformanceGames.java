package dev.nashforge.host.conformance;

import dev.nashforge.games.batch.ChancePerturbation;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.PayoffNoise;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.NormalFormGame;
import dev.nashforge.games.poker.LeducPoker;
import dev.nashforge.host.testgames.HiddenCoinGame;
import dev.nashforge.host.testgames.TestKuhnPoker;
import dev.nashforge.host.testgames.TestSignalGame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The games of the conformance and parity suites, compiled once per JVM, and seeded batches of perturbed
 * instances over them. Each game covers part of the flat layout: {@link #TRACE} (a 2×2 normal form, the hand
 * traces), {@link #TWO_STAGE} (hand-checkable primitives, two treeplex depths), {@link #HIDDEN_COIN} (one
 * player: no opponent plans), {@link #SIGNAL} (chance in the middle, a zero-probability outcome, 3 and 2
 * actions), {@link #KUHN_3P} (three players), {@link #LEDUC} (two-player Leduc, the benchmark game).
 */
public final class ConformanceGames {

    /** Names accepted by {@link #compiled(String)}. */
    public static final String TRACE = "trace_2x2";
    public static final String TWO_STAGE = "two_stage";
    public static final String HIDDEN_COIN = "hidden_coin";
    public static final String SIGNAL = "test_signal";
    public static final String KUHN_3P = "kuhn_3p";
    public static final String LEDUC = "leduc_2p";

    private static final Map<String, Supplier<Game>> GAMES = Map.of(
            TRACE, ConformanceGames::traceGame,
            TWO_STAGE, TwoStageGame::new,
            HIDDEN_COIN, HiddenCoinGame::new,
            SIGNAL, () -> new TestSignalGame(7),
            KUHN_3P, () -> new TestKuhnPoker(3, 0.1),
            LEDUC, () -> new LeducPoker(2));
    private static final Map<String, CompiledGame> COMPILED = new ConcurrentHashMap<>();

    private ConformanceGames() {
    }

    /**
     * The 2×2 general-sum game of the hand traces: rows are player 0's actions (H, T), columns player 1's;
     * u0 = [[2, −1], [−1, 1]], u1 = [[−1, 1], [1, −1]].
     */
    public static NormalFormGame traceGame() {
        return new NormalFormGame("trace_2x2", new int[] {2, 2}, new double[][] {{2, -1, -1, 1}, {-1, 1, 1, -1}});
    }

    /** The compiled game of that name (one of the constants above), compiled on first use. */
    public static CompiledGame compiled(String name) {
        Supplier<Game> game = GAMES.get(name);
        if (game == null) {
            throw new IllegalArgumentException("unknown conformance game '" + name + "': use one of " + GAMES.keySet());
        }
        return COMPILED.computeIfAbsent(name, n -> GameCompiler.compile(game.get()));
    }

    /** A batch holding the game's own instance once. */
    public static GameBatch single(CompiledGame game) {
        return GameBatch.replicate(game.structure(), game.instance(), 1);
    }

    /** A batch holding one instance (any instance over the game's structure). */
    public static GameBatch single(CompiledGame game, GameInstance instance) {
        return new GameBatch(game.structure(), List.of(instance));
    }

    /**
     * {@code size} instances over the game's structure: instance 0 is the game itself, the others have utilities
     * with ±30% multiplicative noise per player and terminal (general-sum) and, when the game has chance,
     * chance probabilities perturbed by 30%; all drawn from {@code seed}.
     */
    public static List<GameInstance> perturbedInstances(CompiledGame game, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GameInstance> out = new ArrayList<>();
        out.add(game.instance());
        boolean hasChance = game.structure().numChanceNodes() > 0;
        for (int b = 1; b < size; b++) {
            SplittableRandom r = random.split();
            double[][] u = PayoffNoise.multiplicative(game.instance().utility(), 0.3, r);
            double[] c = hasChance ? ChancePerturbation.perturbedChanceReach(game.structure(), 0.3, r)
                    : game.instance().chanceReach().clone();
            out.add(new GameInstance(c, u));
        }
        return out;
    }

    /** {@link #perturbedInstances} as one batch. */
    public static GameBatch perturbedBatch(CompiledGame game, int size, long seed) {
        return new GameBatch(game.structure(), perturbedInstances(game, size, seed));
    }
}

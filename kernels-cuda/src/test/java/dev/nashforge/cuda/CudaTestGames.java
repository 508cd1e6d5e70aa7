package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Catalog games and batches for the CUDA backend's tests (compiled once per JVM). */
final class CudaTestGames {

    private static final ConcurrentHashMap<String, CompiledGame> COMPILED = new ConcurrentHashMap<>();

    private CudaTestGames() {
    }

    /** The catalog game {@code spec}, compiled. */
    static CompiledGame compile(String spec) {
        return COMPILED.computeIfAbsent(spec, s -> GameCompiler.compile(GameCatalog.game(s)));
    }

    /**
     * A batch of {@code size} instances of {@code spec}: identical copies, or (when {@code perturbed}) instance b
     * with utilities scaled and shifted per player and chance reach rescaled by amounts depending on b, so that
     * instances differ and a mix-up between instances shows.
     */
    static GameBatch batch(String spec, int size, boolean perturbed) {
        CompiledGame game = compile(spec);
        List<GameInstance> instances = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            instances.add(perturbed ? perturbed(game.instance(), b) : game.instance());
        }
        return new GameBatch(game.structure(), instances);
    }

    private static GameInstance perturbed(GameInstance g, int b) {
        double[] c = g.chanceReach().clone();
        for (int z = 0; z < c.length; z++) {
            c[z] *= 1 + 0.05 * b * ((z % 3) - 1);
        }
        double[][] u = new double[g.utility().length][];
        for (int i = 0; i < u.length; i++) {
            u[i] = g.utility()[i].clone();
            for (int z = 0; z < u[i].length; z++) {
                u[i][z] = u[i][z] * (1 + 0.1 * b) + 0.01 * b * (i + 1) + 0.003 * ((z * 7 + i) % 5);
            }
        }
        return new GameInstance(c, u);
    }
}

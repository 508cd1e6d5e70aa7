package dev.nashforge.games.batch;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;

import java.util.List;

/**
 * B game instances that share one {@link GameStructure} and differ in utilities and/or chance reach
 * (method.md §2). The batch dimension is the main source of parallelism for the backends.
 *
 * <p>Flat layouts for the backends: {@link #chanceReach()} is {@code [batch][terminal]} and {@link #utility()}
 * is {@code [batch][player][terminal]}, both row-major in one array. Arrays are shared, not copied.
 */
public final class GameBatch {

    private final GameStructure structure;
    private final int size;
    private final double[] chanceReach;
    private final double[] utility;

    /** Builds a batch from instances over {@code structure}; each must match its terminal and player counts. */
    public GameBatch(GameStructure structure, List<GameInstance> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one instance");
        }
        this.structure = structure;
        this.size = instances.size();
        int z = structure.numTerminals();
        int n = structure.numPlayers();
        this.chanceReach = new double[size * z];
        this.utility = new double[size * n * z];
        for (int b = 0; b < size; b++) {
            GameInstance g = instances.get(b);
            if (g.chanceReach().length != z || g.utility().length != n) {
                throw new IllegalArgumentException("instance " + b + " does not match the structure of "
                        + structure.name() + " (" + n + " players, " + z + " terminals)");
            }
            System.arraycopy(g.chanceReach(), 0, chanceReach, b * z, z);
            for (int i = 0; i < n; i++) {
                if (g.utility()[i].length != z) {
                    throw new IllegalArgumentException("instance " + b + ", player " + i + ": " + g.utility()[i].length
                            + " utilities for " + z + " terminals");
                }
                System.arraycopy(g.utility()[i], 0, utility, (b * n + i) * z, z);
            }
        }
    }

    /** A batch of {@code copies} identical copies of one instance. */
    public static GameBatch replicate(GameStructure structure, GameInstance instance, int copies) {
        return new GameBatch(structure, java.util.Collections.nCopies(copies, instance));
    }

    public GameStructure structure() {
        return structure;
    }

    /** Number of instances B. */
    public int size() {
        return size;
    }

    /** {@code [batch][terminal]} chance reach, flat. */
    public double[] chanceReach() {
        return chanceReach;
    }

    /** {@code [batch][player][terminal]} utilities, flat. */
    public double[] utility() {
        return utility;
    }

    /** Instance {@code b} as its own arrays (copies). */
    public GameInstance instance(int b) {
        int z = structure.numTerminals();
        int n = structure.numPlayers();
        double[] c = java.util.Arrays.copyOfRange(chanceReach, b * z, (b + 1) * z);
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = java.util.Arrays.copyOfRange(utility, (b * n + i) * z, (b * n + i + 1) * z);
        }
        return new GameInstance(c, u);
    }
}

package dev.nashforge.host.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameInstance;

import java.util.Arrays;

/**
 * One game instance in the meta-learning layout: chance reach {@code [terminal]}, utilities
 * {@code [player * numTerminals + terminal]} and the prediction bounds {@code [infoset]} of
 * {@link PredictionBounds}. Arrays are owned by the instance; callers must not modify them.
 */
public record MetaInstance(double[] chanceReach, double[] utility, double[] bound) {

    /** Instance {@code b} of {@code batch} (copied), with its bounds computed by {@code bounds}. */
    public static MetaInstance of(GameBatch batch, int b, PredictionBounds bounds) {
        int z = batch.structure().numTerminals();
        int n = batch.structure().numPlayers();
        double[] c = Arrays.copyOfRange(batch.chanceReach(), b * z, (b + 1) * z);
        double[] u = Arrays.copyOfRange(batch.utility(), b * n * z, (b + 1) * n * z);
        return new MetaInstance(c, u, bounds.bounds(c, u));
    }

    /** One {@link GameInstance} (copied), with its bounds computed by {@code bounds}. */
    public static MetaInstance of(GameInstance game, PredictionBounds bounds) {
        int n = game.utility().length;
        int z = game.chanceReach().length;
        double[] u = new double[n * z];
        for (int i = 0; i < n; i++) {
            System.arraycopy(game.utility()[i], 0, u, i * z, z);
        }
        double[] c = game.chanceReach().clone();
        return new MetaInstance(c, u, bounds.bounds(c, u));
    }

    /** The instance as a {@link GameInstance} (copies), e.g. for the exact evaluators. */
    public GameInstance toGameInstance(int numPlayers) {
        int z = chanceReach.length;
        double[][] u = new double[numPlayers][];
        for (int i = 0; i < numPlayers; i++) {
            u[i] = Arrays.copyOfRange(utility, i * z, (i + 1) * z);
        }
        return new GameInstance(chanceReach.clone(), u);
    }
}

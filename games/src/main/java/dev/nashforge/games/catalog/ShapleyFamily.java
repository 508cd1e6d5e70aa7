package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.matrix.ShapleyGame;
import dev.nashforge.games.model.Game;

import java.util.List;

/** {@code shapley}: {@link ShapleyGame}. */
final class ShapleyFamily implements GameFamily {

    private static final CatalogEntry ENTRY = new CatalogEntry("shapley",
            "Shapley's 3x3 game (1964): cyclic best responses, unique uniform Nash equilibrium; payoffs in [0,1]",
            GameKind.NORMAL_FORM, List.of(), List.of(Distributions.MATRIX_NOISE));

    @Override
    public CatalogEntry entry() {
        return ENTRY;
    }

    @Override
    public Game game(ParameterValues parameters) {
        return ShapleyGame.create();
    }

    @Override
    public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                         String canonicalName) {
        return Distributions.normalForm(canonicalName, game(parameters),
                distributionParameters.doubleValue(Distributions.MATRIX_NOISE.name()));
    }
}

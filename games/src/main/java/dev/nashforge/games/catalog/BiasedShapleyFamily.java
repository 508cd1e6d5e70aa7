package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.matrix.BiasedShapleyGame;
import dev.nashforge.games.model.Game;

import java.util.List;

/** {@code biased_shapley(bias0=b0,bias1=b1)}: {@link BiasedShapleyGame}. */
final class BiasedShapleyFamily implements GameFamily {

    private static final CatalogEntry ENTRY = new CatalogEntry("biased_shapley",
            "asymmetric biased Shapley game: one payoff of each player raised by its bias; cyclic, non-uniform"
                    + " interior Nash equilibrium; payoffs in [0,1]",
            GameKind.NORMAL_FORM,
            List.of(ParameterSpec.real("bias0", BiasedShapleyGame.DEFAULT_BIAS0, BiasedShapleyGame.MIN_BIAS,
                            BiasedShapleyGame.MAX_BIAS, "added to player 0's payoff at (a0, a0) before normalization"),
                    ParameterSpec.real("bias1", BiasedShapleyGame.DEFAULT_BIAS1, BiasedShapleyGame.MIN_BIAS,
                            BiasedShapleyGame.MAX_BIAS, "added to player 1's payoff at (a0, a1) before normalization")),
            List.of(Distributions.MATRIX_NOISE));

    @Override
    public CatalogEntry entry() {
        return ENTRY;
    }

    @Override
    public Game game(ParameterValues parameters) {
        return BiasedShapleyGame.create(parameters.doubleValue("bias0"), parameters.doubleValue("bias1"));
    }

    @Override
    public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                         String canonicalName) {
        return Distributions.normalForm(canonicalName, game(parameters),
                distributionParameters.doubleValue(Distributions.MATRIX_NOISE.name()));
    }
}

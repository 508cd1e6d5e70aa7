package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.poker.BiasedLeducPoker;

import java.util.List;

/** {@code biased_leduc(rake=r,bias=b)}: {@link BiasedLeducPoker}. */
final class BiasedLeducFamily implements GameFamily {

    private static final CatalogEntry ENTRY = new CatalogEntry("biased_leduc",
            "general-sum two-player Leduc poker: a rake is taken from the pot at showdown and player 0's gains"
                    + " are weighted by 1+bias",
            GameKind.EXTENSIVE_FORM,
            List.of(ParameterSpec.real("rake", BiasedLeducPoker.DEFAULT_RAKE, 0, 1,
                            "fraction of the pot removed at every showdown (never on a fold)"),
                    ParameterSpec.real("bias", BiasedLeducPoker.DEFAULT_BIAS, 0, 10,
                            "player 0's positive utilities are multiplied by 1+bias")),
            Distributions.EXTENSIVE_FORM);

    @Override
    public CatalogEntry entry() {
        return ENTRY;
    }

    @Override
    public Game game(ParameterValues parameters) {
        return new BiasedLeducPoker(parameters.doubleValue("rake"), parameters.doubleValue("bias"));
    }

    @Override
    public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                         String canonicalName) {
        return Distributions.extensiveForm(canonicalName, game(parameters), distributionParameters);
    }
}

package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.poker.KuhnPoker;

import java.util.List;

/** {@code kuhn_poker(players=N)}: {@link KuhnPoker}. */
final class KuhnPokerFamily implements GameFamily {

    /** OpenSpiel accepts up to 10 players; beyond 6 the compiled game does not fit in memory. */
    static final int MAX_PLAYERS = 6;

    private static final CatalogEntry ENTRY = new CatalogEntry("kuhn_poker",
            "N-player Kuhn poker with OpenSpiel's rules (N+1 cards, ante 1, one bet of 1); zero-sum",
            GameKind.EXTENSIVE_FORM,
            List.of(ParameterSpec.integer("players", 2, 2, MAX_PLAYERS,
                    "number of players (OpenSpiel allows up to 10; larger games do not fit the compiled layout)")),
            Distributions.EXTENSIVE_FORM);

    @Override
    public CatalogEntry entry() {
        return ENTRY;
    }

    @Override
    public Game game(ParameterValues parameters) {
        return new KuhnPoker(parameters.intValue("players"));
    }

    @Override
    public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                         String canonicalName) {
        return Distributions.extensiveForm(canonicalName, game(parameters), distributionParameters);
    }
}

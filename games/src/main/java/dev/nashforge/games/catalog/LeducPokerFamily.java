package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.poker.LeducPoker;

import java.util.List;

/** {@code leduc_poker(players=N)}: {@link LeducPoker}. */
final class LeducPokerFamily implements GameFamily {

    /** OpenSpiel accepts up to 10 players; beyond 3 the compiled game does not fit in memory. */
    static final int MAX_PLAYERS = 3;

    private static final CatalogEntry ENTRY = new CatalogEntry("leduc_poker",
            "N-player Leduc poker with OpenSpiel's rules ((N+1) ranks x 2 suits, ante 1, raises 2 then 4, at most"
                    + " 2 raises per round); zero-sum",
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
        return new LeducPoker(parameters.intValue("players"));
    }

    @Override
    public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                         String canonicalName) {
        return Distributions.extensiveForm(canonicalName, game(parameters), distributionParameters);
    }
}

package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;
import dev.nashforge.games.poker.BiasedLeducPoker;
import dev.nashforge.games.poker.KuhnPoker;
import dev.nashforge.games.poker.LeducPoker;

import java.util.List;
import java.util.function.Function;

/**
 * The extensive-form (poker) families of the catalog: {@code kuhn_poker(players=N)}, {@code leduc_poker(players=N)}
 * ({@link KuhnPoker}, {@link LeducPoker}, OpenSpiel's rules) and {@code biased_leduc(rake,bias)}
 * ({@link BiasedLeducPoker}). They share the extensive-form distribution parameters of {@link Distributions}.
 */
final class PokerFamilies {

    /** OpenSpiel accepts up to 10 Kuhn players; beyond 6 the compiled game does not fit in memory. */
    static final int MAX_KUHN_PLAYERS = 6;
    /** OpenSpiel accepts up to 10 Leduc players; beyond 3 the compiled game does not fit in memory. */
    static final int MAX_LEDUC_PLAYERS = 3;

    private static final String PLAYERS_MEANING =
            "number of players (OpenSpiel allows up to 10; larger games do not fit the compiled layout)";

    private PokerFamilies() {
    }

    static GameFamily kuhn() {
        return new Family(new CatalogEntry("kuhn_poker",
                "N-player Kuhn poker with OpenSpiel's rules (N+1 cards, ante 1, one bet of 1); zero-sum",
                GameKind.EXTENSIVE_FORM,
                List.of(ParameterSpec.integer("players", 2, 2, MAX_KUHN_PLAYERS, PLAYERS_MEANING)),
                Distributions.EXTENSIVE_FORM),
                p -> new KuhnPoker(p.intValue("players")));
    }

    static GameFamily leduc() {
        return new Family(new CatalogEntry("leduc_poker",
                "N-player Leduc poker with OpenSpiel's rules ((N+1) ranks x 2 suits, ante 1, raises 2 then 4, at"
                        + " most 2 raises per round); zero-sum",
                GameKind.EXTENSIVE_FORM,
                List.of(ParameterSpec.integer("players", 2, 2, MAX_LEDUC_PLAYERS, PLAYERS_MEANING)),
                Distributions.EXTENSIVE_FORM),
                p -> new LeducPoker(p.intValue("players")));
    }

    static GameFamily biasedLeduc() {
        return new Family(new CatalogEntry("biased_leduc",
                "general-sum two-player Leduc poker: a rake is taken from the pot at showdown and player 0's gains"
                        + " are weighted by 1+bias",
                GameKind.EXTENSIVE_FORM,
                List.of(ParameterSpec.real("rake", BiasedLeducPoker.DEFAULT_RAKE, 0, 1,
                                "fraction of the pot removed at every showdown (never on a fold)"),
                        ParameterSpec.real("bias", BiasedLeducPoker.DEFAULT_BIAS, 0, 10,
                                "player 0's positive utilities are multiplied by 1+bias")),
                Distributions.GENERAL_SUM_LEDUC),
                p -> new BiasedLeducPoker(p.doubleValue("rake"), p.doubleValue("bias")));
    }

    /** An extensive-form family: a catalog entry and how to build its game from resolved parameters. */
    private record Family(CatalogEntry entry, Function<ParameterValues, Game> builder) implements GameFamily {

        @Override
        public Game game(ParameterValues parameters) {
            return builder.apply(parameters);
        }

        @Override
        public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                             String canonicalName) {
            return Distributions.extensiveForm(canonicalName, game(parameters), distributionParameters);
        }
    }
}

package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of games and game distributions, addressed by OpenSpiel-style specs {@code name} or
 * {@code name(param=value,...)} (see {@link GameSpec}).
 *
 * <p>Families: {@code kuhn_poker(players)}, {@code leduc_poker(players)}, {@code biased_leduc(rake,bias)},
 * {@code shapley}, {@code biased_shapley(bias0,bias1)}, {@code random_matrix(players,actions,seed)}; every
 * family also works as a distribution with extra documented parameters ({@link #entries()}). Canonical names list
 * every parameter with its value in declaration order: {@code game("kuhn_poker").name()} is
 * {@code kuhn_poker(players=2)}; a family without parameters is just its name ({@code shapley}).
 *
 * <p>Errors are {@link CatalogException}s with a one-line message: an unknown game lists the known names; an
 * unknown parameter lists the family's parameters; a bad value names the parameter, the value and the allowed
 * range. Stateless and thread-safe; nothing is cached.
 */
public final class GameCatalog {

    private static final Map<String, GameFamily> FAMILIES = new LinkedHashMap<>();

    static {
        for (GameFamily f : List.of(PokerFamilies.kuhn(), PokerFamilies.leduc(), PokerFamilies.biasedLeduc(),
                new ShapleyFamily(), new BiasedShapleyFamily(), new RandomMatrixFamily())) {
            FAMILIES.put(f.entry().name(), f);
        }
    }

    private GameCatalog() {
    }

    /**
     * Parses {@code spec} and builds the game (not compiled).
     *
     * @throws CatalogException for an unknown game or parameter, a distribution-only parameter, or a bad value
     */
    public static Game game(String spec) {
        GameSpec parsed = GameSpec.parse(spec);
        GameFamily family = family(parsed.name());
        CatalogEntry entry = family.entry();
        for (String key : parsed.arguments().keySet()) {
            if (!entry.parameterNames().contains(key)) {
                if (entry.distributionParameterNames().contains(key)) {
                    throw new CatalogException(entry.name() + ": '" + key + "' is a distribution parameter; a game"
                            + " accepts only " + listOrNone(entry.parameterNames()) + " (use it in a distribution"
                            + " spec)");
                }
                throw unknownParameter(entry, key, entry.parameterNames());
            }
        }
        return family.game(ParameterValues.resolve(entry.name(), entry.parameters(), parsed.arguments()));
    }

    /**
     * Parses {@code spec} (game and distribution parameters together) and builds the distribution; this compiles
     * the game once.
     *
     * @throws CatalogException for an unknown game or parameter, or a bad value
     */
    public static GameDistribution distribution(String spec) {
        GameSpec parsed = GameSpec.parse(spec);
        GameFamily family = family(parsed.name());
        CatalogEntry entry = family.entry();
        List<String> all = new ArrayList<>(entry.parameterNames());
        all.addAll(entry.distributionParameterNames());
        Map<String, String> gameArgs = new HashMap<>();
        Map<String, String> distributionArgs = new HashMap<>();
        for (Map.Entry<String, String> a : parsed.arguments().entrySet()) {
            if (entry.parameterNames().contains(a.getKey())) {
                gameArgs.put(a.getKey(), a.getValue());
            } else if (entry.distributionParameterNames().contains(a.getKey())) {
                distributionArgs.put(a.getKey(), a.getValue());
            } else {
                throw unknownParameter(entry, a.getKey(), all);
            }
        }
        ParameterValues game = ParameterValues.resolve(entry.name(), entry.parameters(), gameArgs);
        ParameterValues distribution = ParameterValues.resolve(entry.name(), entry.distributionParameters(),
                distributionArgs);
        String both = game.canonical().isEmpty() ? distribution.canonical()
                : distribution.canonical().isEmpty() ? game.canonical()
                : game.canonical() + "," + distribution.canonical();
        String name = both.isEmpty() ? entry.name() : entry.name() + "(" + both + ")";
        return family.distribution(game, distribution, name);
    }

    /** Every family, in catalog order. */
    public static List<CatalogEntry> entries() {
        return FAMILIES.values().stream().map(GameFamily::entry).toList();
    }

    /**
     * The entry of family {@code name}.
     *
     * @throws CatalogException if there is no such family (the message lists the known names)
     */
    public static CatalogEntry entry(String name) {
        return family(name).entry();
    }

    private static GameFamily family(String name) {
        GameFamily f = FAMILIES.get(name);
        if (f == null) {
            throw new CatalogException("unknown game '" + name + "'; known games: "
                    + String.join(", ", FAMILIES.keySet()));
        }
        return f;
    }

    private static CatalogException unknownParameter(CatalogEntry entry, String key, List<String> allowed) {
        return new CatalogException(entry.name() + ": unknown parameter '" + key + "'; parameters of "
                + entry.name() + ": " + listOrNone(allowed));
    }

    private static String listOrNone(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}

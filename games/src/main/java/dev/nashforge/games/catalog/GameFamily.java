package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;

/** One catalog family: its description, how to build the game, and its distribution. Stateless. */
interface GameFamily {

    CatalogEntry entry();

    /** The game for resolved game parameters; its {@link Game#name()} is the canonical spec. */
    Game game(ParameterValues parameters);

    /**
     * The distribution for resolved game and distribution parameters.
     *
     * @param canonicalName the distribution's canonical spec (all parameters)
     */
    GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                  String canonicalName);
}

package dev.nashforge.games.model;

/**
 * An extensive-form game given through the authoring API: a number of players and a root state.
 * Compile it to the flat sequence-form layout with {@link dev.nashforge.games.layout.GameCompiler}.
 */
public interface Game {

    /** The canonical catalog string of this game, e.g. {@code kuhn_poker(players=2)}. */
    String name();

    /** Number of players N (at least 1). */
    int numPlayers();

    /** The root history. */
    GameState initialState();
}

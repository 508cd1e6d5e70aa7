package dev.nashforge.games.testing;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/** Plays hands of catalog games by action name, as OpenSpiel's playthrough files list them. */
public final class Histories {

    private Histories() {
    }

    /** The state reached from the root by the legal actions with these names (e.g. "Chance outcome:5", "Raise"). */
    public static GameState play(Game game, String... actionNames) {
        GameState state = game.initialState();
        for (String name : actionNames) {
            state = state.child(indexOf(state, name));
        }
        return state;
    }

    /** Index of the legal action called {@code name} at {@code state}. */
    public static int indexOf(GameState state, String name) {
        for (int a = 0; a < state.numActions(); a++) {
            if (state.actionName(a).equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no legal action '" + name + "' at " + state.history());
    }
}

package dev.nashforge.cli;

import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.Game;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Resolves the {@code GAME} argument of a {@code nash} command, a catalog string such as {@code kuhn_poker} or
 * {@code leduc_poker(players=3)}, through {@link GameCatalog}. An unknown game, unknown parameter or bad
 * parameter value is a usage error (exit 2) whose message is the catalog's, which lists what exists.
 */
final class GameArgument {

    /** Description of the GAME parameter, shared by the commands' help. */
    static final String DESCRIPTION = "Game from the catalog, e.g. kuhn_poker, 'leduc_poker(players=3)' "
            + "(quote parentheses in the shell); list them with 'nash games'.";

    private GameArgument() {
    }

    /** The game {@code gameSpec} names; throws a usage error for {@code spec}'s command if there is none. */
    static Game resolve(CommandSpec spec, String gameSpec) {
        try {
            return GameCatalog.game(gameSpec);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), CliErrorHandler.oneLine(e.getMessage()), e, null,
                    gameSpec);
        }
    }

    /** The game {@code gameSpec} names, compiled to its sequence-form layout. */
    static CompiledGame compile(CommandSpec spec, String gameSpec) {
        return GameCompiler.compile(resolve(spec, gameSpec));
    }

    /**
     * The catalog string of {@code gameSpec} (e.g. {@code kuhn_poker} gives {@code kuhn_poker(players=2)});
     * throws {@link IllegalArgumentException} for a string the catalog does not know.
     */
    static String canonicalName(String gameSpec) {
        return GameCatalog.game(gameSpec).name();
    }
}

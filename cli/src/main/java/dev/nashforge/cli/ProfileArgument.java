package dev.nashforge.cli;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.io.ProfileFile;
import dev.nashforge.host.metrics.ExactEvaluator;

import java.nio.file.Path;

/**
 * Resolves the {@code --profile} option of {@code nash eval}: {@code uniform}, {@code first}, or the path of a
 * profile file ({@link ProfileFile}). The two keywords win over files of the same name; write {@code ./uniform}
 * for such a file.
 */
final class ProfileArgument {

    /** Description of the option, shared by the commands' help. */
    static final String DESCRIPTION = "uniform (every action of an infoset equally likely), first (every infoset "
            + "plays its first legal action), or FILE, a profile file (JSON, format nashforge-profile, see "
            + "README.md). Default: ${DEFAULT-VALUE}.";

    private ProfileArgument() {
    }

    /**
     * The behaviour profile {@code [player][sequence]} that {@code profile} names, for the structure of
     * {@code evaluator}.
     *
     * @throws dev.nashforge.host.io.ProfileFileException if the file is missing, malformed or does not fit
     */
    static double[][] behaviour(String profile, ExactEvaluator evaluator) {
        GameStructure structure = evaluator.structure();
        return switch (profile) {
            case "uniform" -> evaluator.uniformBehaviour();
            case "first" -> BehaviourProfiles.firstAction(structure);
            default -> ProfileFile.read(Path.of(profile), structure, GameArgument::canonicalName);
        };
    }
}

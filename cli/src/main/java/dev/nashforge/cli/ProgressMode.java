package dev.nashforge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/** Parses {@code --progress auto|always|never} of the long-running commands. Stateless. */
final class ProgressMode {

    private ProgressMode() {
    }

    /** The mode {@code text} names; a usage error otherwise. */
    static ProgressBar.Mode parse(CommandSpec spec, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> ProgressBar.Mode.AUTO;
            case "always" -> ProgressBar.Mode.ALWAYS;
            case "never" -> ProgressBar.Mode.NEVER;
            default -> throw new ParameterException(spec.commandLine(), "--progress " + text
                    + ": use auto, always or never");
        };
    }
}

package dev.nashforge.cli;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.io.ProfileFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the average profiles of {@code nash solve --save-profile FILE} in the {@link ProfileFile} format that
 * {@code nash eval --profile FILE} reads. One instance: FILE itself. B &gt; 1 instances: one file per instance,
 * named by inserting {@code -b} (the instance index from 0) before the extension, e.g. {@code avg.json} gives
 * {@code avg-0.json}, {@code avg-1.json}, …; a name without extension gets the suffix at its end. Every file
 * names the game's structure ({@link GameStructure#name()}), so {@code nash eval} evaluates it on the base game,
 * not on the sampled instance. Stateless.
 */
final class SavedProfiles {

    private SavedProfiles() {
    }

    /** The files for a batch of {@code batchSize} instances. */
    static List<Path> files(Path file, int batchSize) {
        if (batchSize == 1) {
            return List.of(file);
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        List<Path> files = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            files.add(file.resolveSibling(stem + "-" + b + extension));
        }
        return files;
    }

    /**
     * Writes {@code averageBehaviour} ({@code [batch][player][sequence]}) to {@link #files}{@code (file, B)}.
     *
     * @return the files written
     * @throws UncheckedIOException naming the file that could not be written
     */
    static List<Path> write(Path file, GameStructure structure, double[][][] averageBehaviour) {
        List<Path> files = files(file, averageBehaviour.length);
        for (int b = 0; b < averageBehaviour.length; b++) {
            try {
                ProfileFile.write(files.get(b), structure, averageBehaviour[b]);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the profile file " + files.get(b) + ": " + e, e);
            }
        }
        return files;
    }
}

package dev.nashforge.host.solver;

import dev.nashforge.games.catalog.CatalogEntry;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.ModelFormatException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The NPCFR models shipped in the jar and the resolution of a {@code --model} argument. A shipped model is the
 * class-path resource {@value #RESOURCE_DIRECTORY}{@code <family>.npcfr}, named after the catalog game family
 * whose distribution it was trained on ({@code biased_shapley}); the listing probes one resource per catalog
 * family, so adding a model file is all it takes to ship one. Stateless and thread-safe.
 */
public final class ShippedModels {

    /** The class-path directory of shipped models. */
    public static final String RESOURCE_DIRECTORY = "/dev/nashforge/host/meta/models/";

    private ShippedModels() {
    }

    /** The names of the shipped models, in catalog order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (CatalogEntry e : GameCatalog.entries()) {
            if (ShippedModels.class.getResource(resource(e.name())) != null) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** The class-path resource of the shipped model {@code name}. */
    public static String resource(String name) {
        return RESOURCE_DIRECTORY + name + ".npcfr";
    }

    /** The shipped model for the game family of {@code gameOrDistribution} (the name before any '('), if any. */
    public static Optional<LearnedModel> forGame(String gameOrDistribution) {
        String family = gameOrDistribution.trim();
        int paren = family.indexOf('(');
        if (paren >= 0) {
            family = family.substring(0, paren).trim();
        }
        if (ShippedModels.class.getResource(resource(family)) == null) {
            return Optional.empty();
        }
        return Optional.of(new LearnedModel(family, ModelFile.readResource(resource(family))));
    }

    /**
     * Resolves {@code --model}: the name of a shipped model, else a model file path.
     *
     * @throws ModelFormatException          for a corrupt model (ModelFile's message names the problem)
     * @throws IllegalArgumentException      when {@code nameOrPath} is neither a shipped model nor a file
     * @throws java.io.UncheckedIOException  when the file cannot be read
     */
    public static LearnedModel resolve(String nameOrPath) {
        String key = nameOrPath.trim();
        if (!key.contains("/") && !key.contains("\\") && !key.endsWith(".npcfr")
                && ShippedModels.class.getResource(resource(key)) != null) {
            return new LearnedModel(key, ModelFile.readResource(resource(key)));
        }
        Path file = Path.of(key);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model '" + nameOrPath + "' is neither a shipped model ("
                    + (names().isEmpty() ? "none shipped" : String.join(", ", names())) + ") nor a model file;"
                    + " train one with 'nash train' or list them with 'nash models'");
        }
        return new LearnedModel(key, ModelFile.read(file));
    }
}

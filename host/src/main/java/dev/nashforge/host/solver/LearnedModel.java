package dev.nashforge.host.solver;

import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.model.JsonFields;
import dev.nashforge.host.meta.model.NpcfrModel;

/**
 * The trained predictor an NPCFR / NPCFR+ {@link SolverConfig} runs with (method.md §5): the model and the name it
 * was addressed by ({@code biased_shapley} for a shipped model, else the file path).
 *
 * <p>Two values are equal when their weights are: same architecture, solver variant and CRC-32 of the parameters
 * (the checksum of {@code ModelFile}); the name is not compared, so a run started with a shipped model's name
 * resumes with the same model given as a file. Immutable and thread-safe.
 *
 * @param name          how the model was addressed, printed with every result
 * @param model         the architecture and weights
 */
public record LearnedModel(String name, NpcfrModel model) {

    public LearnedModel {
        if (name == null || name.isBlank() || model == null) {
            throw new IllegalArgumentException("a learned model needs a name and the model itself");
        }
    }

    /** CRC-32 of the weights' IEEE-754 bits, as the model file stores it (8 hex digits). */
    public String weightsCrc32() {
        return JsonFields.crc32(model.parameters());
    }

    /** The solver the weights were trained for. */
    public SolverVariant trainedFor() {
        return model.variant();
    }

    /** {@code name (GRU-32, trained for npcfr+, crc 1a2b3c4d)}: the label results print. */
    public String describe() {
        return name + " (" + model.architecture().cell() + "-" + model.architecture().hiddenSize() + ", "
                + "trained for " + (model.variant() == SolverVariant.NPCFR_PLUS ? "npcfr+" : "npcfr") + ", crc "
                + weightsCrc32() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearnedModel other && model.architecture().equals(other.model.architecture())
                && model.variant() == other.model.variant() && weightsCrc32().equals(other.weightsCrc32());
    }

    @Override
    public int hashCode() {
        return weightsCrc32().hashCode();
    }
}

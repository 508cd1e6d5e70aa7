package dev.nashforge.cli;

import dev.nashforge.host.meta.model.ModelFormatException;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.ShippedModels;

import java.io.UncheckedIOException;

/**
 * Resolves {@code --model NAME|FILE} for NPCFR / NPCFR+: the name of a shipped model ({@code nash models}), a model
 * file, or, without {@code --model}, the shipped model of the game's family when there is one. A missing,
 * unreadable or corrupt model is a one-line failure (exit 1) with {@code ModelFile}'s message. Stateless.
 */
final class ModelArgument {

    /** Description of {@code --model}, shared by the help. */
    static final String DESCRIPTION = "Trained predictor of npcfr/npcfr+: a shipped model's name (see 'nash models')"
            + " or a .npcfr file from 'nash train'. Default: the shipped model of GAME's family, if any.";

    private ModelArgument() {
    }

    /**
     * The model {@code model} names, or the shipped model of {@code game}'s family when {@code model} is null.
     *
     * @throws IllegalArgumentException naming the problem: no such model, no shipped model for the game, a
     *                                  corrupt or unreadable file
     */
    static LearnedModel resolve(String model, String game, String algorithm) {
        try {
            if (model != null) {
                return ShippedModels.resolve(model);
            }
            return ShippedModels.forGame(game).orElseThrow(() -> new IllegalArgumentException(algorithm
                    + " needs a trained model and none ships for " + game + ": give --model FILE (train one with"
                    + " 'nash train --distribution " + game + " ...'; 'nash models' lists the shipped ones)"));
        } catch (ModelFormatException | UncheckedIOException e) {
            throw new IllegalArgumentException("--model: " + e.getMessage(), e);
        }
    }
}

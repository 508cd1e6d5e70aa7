package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.meta.model.JsonFields;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingResult;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The JSON object of {@code nash train --json} (README.md, "nash train"): {@code model} and {@code checkpoint}
 * (paths), {@code weightsCrc32}, {@code trainedFor} (npcfr or npcfr+), {@code network}, {@code distribution},
 * {@code seed}, {@code initialWeights} (null, or {@code {model, weightsCrc32}}), {@code steps} (optimizer steps
 * done), {@code horizon}, {@code warmup}, {@code estimator} ({@code reverse-mode} or {@code es}),
 * {@code optimizer}, {@code updates}, {@code headStart} ({@code random} or {@code regret}), {@code learningRate},
 * {@code finalLoss} (the last minibatch's meta-loss; null after 0 steps),
 * {@code heldOut} ({@code {nashGapMedian, iterations, games, seed}}), {@code bytesPerIteration} (reverse-mode memory
 * per unrolled iteration and game; null for evolution strategies), {@code threads} and {@code elapsedSeconds}.
 * Stateless.
 */
final class TrainJson {

    private TrainJson() {
    }

    static ObjectNode of(Path model, Path checkpoint, TrainingResult result, TrainingConfig config, long heldOutSeed,
                         int threads) {
        int warmup = config.warmup();
        NpcfrModel m = result.model();
        ObjectNode node = JsonOutput.object();
        node.put("model", model.toString());
        node.put("checkpoint", checkpoint.toString());
        node.put("weightsCrc32", JsonFields.crc32(m.parameters()));
        node.put("trainedFor", ModelsCommand.solver(m));
        node.put("network", ModelsCommand.network(m));
        node.put("distribution", config.distribution());
        node.put("seed", config.seed());
        if (config.initialWeights() == null) {
            node.putNull("initialWeights");
        } else {
            ObjectNode w = node.putObject("initialWeights");
            w.put("model", config.initialWeights().model());
            w.put("weightsCrc32", config.initialWeights().weightsCrc32());
        }
        node.put("steps", m.trainedSteps());
        node.put("horizon", config.horizon());
        node.put("warmup", warmup);
        node.put("estimator", config.smoothing() == null ? "reverse-mode" : "es");
        node.put("optimizer", config.optimizer().name().toLowerCase(Locale.ROOT));
        node.put("updates", config.updates().label());
        node.put("headStart", config.headStart().label());
        node.put("learningRate", config.learningRate());
        if (Double.isNaN(result.finalLoss())) {
            node.putNull("finalLoss");
        } else {
            node.put("finalLoss", result.finalLoss());
        }
        ObjectNode heldOut = node.putObject("heldOut");
        heldOut.put("nashGapMedian", result.heldOutNashGap());
        heldOut.put("iterations", warmup + config.horizon());
        heldOut.put("games", config.evaluationSize());
        heldOut.put("seed", heldOutSeed);
        if (config.smoothing() == null) {
            node.put("bytesPerIteration", result.bytesPerIteration());
        } else {
            node.putNull("bytesPerIteration");
        }
        node.put("threads", threads);
        node.put("elapsedSeconds", result.elapsedMillis() / 1e3);
        return node;
    }
}

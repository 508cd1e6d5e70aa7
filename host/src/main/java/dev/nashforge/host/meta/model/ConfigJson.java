package dev.nashforge.host.meta.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.LossSchedule;
import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.IterationFeature;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorFeatures;
import dev.nashforge.host.meta.train.EvolutionStrategies;
import dev.nashforge.host.meta.train.HeadStart;
import dev.nashforge.host.meta.train.Optimizer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.WarmStart;
import dev.nashforge.host.solver.UpdateMode;

/**
 * JSON form of the architecture and the training configuration, shared by model files and training checkpoints.
 * Field names are the record components' names; enums are written by name.
 */
public final class ConfigJson {

    private ConfigJson() {
    }

    public static ObjectNode architecture(PredictorArchitecture a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("cell", a.cell().name());
        n.put("hiddenSize", a.hiddenSize());
        n.put("iterationFeature", a.iterationFeature().name());
        n.put("features", PredictorFeatures.COUNT);
        return n;
    }

    public static PredictorArchitecture architecture(JsonNode n, JsonFields f) {
        long features = f.integer(n, "features");
        if (features != PredictorFeatures.COUNT) {
            throw new ModelFormatException("the network was trained on " + features + " input features, this"
                    + " version computes " + PredictorFeatures.COUNT + "; retrain the model with this version");
        }
        long hidden = f.integer(n, "hiddenSize");
        try {
            return new PredictorArchitecture(f.enumValue(n, "cell", CellKind.class), (int) hidden,
                    f.enumValue(n, "iterationFeature", IterationFeature.class));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("invalid architecture: " + e.getMessage(), e);
        }
    }

    public static ObjectNode training(TrainingConfig c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("distribution", c.distribution());
        n.set("architecture", architecture(c.architecture()));
        n.put("variant", c.variant().name());
        n.put("averaging", c.averaging().name());
        n.put("horizon", c.horizon());
        ObjectNode loss = n.putObject("loss");
        loss.put("correlation", c.loss().correlation());
        loss.put("nashGap", c.loss().nashGap());
        loss.put("cceGap", c.loss().cceGap());
        loss.put("schedule", c.loss().schedule().name());
        if (c.loss().logarithmic()) {
            loss.put("logarithmic", true);
        }
        if (c.loss().lastIterateNashGap() > 0) {
            loss.put("lastIterateNashGap", c.loss().lastIterateNashGap());
        }
        n.put("steps", c.steps());
        n.put("batchSize", c.batchSize());
        n.put("learningRate", c.learningRate());
        n.put("gradientClip", c.gradientClip());
        n.put("evaluationSize", c.evaluationSize());
        n.put("evaluationEvery", c.evaluationEvery());
        n.put("checkpointInterval", c.checkpointInterval());
        n.put("seed", c.seed());
        if (c.warmup() > 0) {
            n.put("warmup", c.warmup());
        }
        if (c.initialWeights() != null) {
            ObjectNode init = n.putObject("initialWeights");
            init.put("model", c.initialWeights().model());
            init.put("weightsCrc32", c.initialWeights().weightsCrc32());
        }
        if (c.smoothing() != null) {
            ObjectNode es = n.putObject("evolutionStrategies");
            es.put("sigma", c.smoothing().sigma());
            es.put("pairs", c.smoothing().pairs());
            if (c.smoothing().headOnly()) {
                es.put("headOnly", true);
            }
        }
        if (c.updates() != UpdateMode.SIMULTANEOUS) {
            n.put("updates", c.updates().label());
        }
        if (c.optimizer() != Optimizer.ADAM) {
            n.put("optimizer", c.optimizer().name());
        }
        if (c.headStart() != HeadStart.RANDOM) {
            n.put("headStart", c.headStart().label());
        }
        return n;
    }

    private static EvolutionStrategies smoothing(JsonNode n, JsonFields f) {
        return new EvolutionStrategies(f.number(n, "sigma"), (int) f.integer(n, "pairs"),
                n.has("headOnly") && f.bool(n, "headOnly"));
    }

    private static WarmStart warmStart(JsonNode n, JsonFields f) {
        return new WarmStart(f.text(n, "model"), f.text(n, "weightsCrc32"));
    }

    public static TrainingConfig training(JsonNode n, JsonFields f) {
        JsonNode loss = f.node(n, "loss");
        try {
            return new TrainingConfig(f.text(n, "distribution"), architecture(f.node(n, "architecture"), f),
                    f.enumValue(n, "variant", SolverVariant.class), f.enumValue(n, "averaging", AveragingWeights.class),
                    (int) f.integer(n, "horizon"),
                    new MetaLoss(f.number(loss, "correlation"), f.number(loss, "nashGap"), f.number(loss, "cceGap"),
                            f.enumValue(loss, "schedule", LossSchedule.class),
                            loss.has("logarithmic") && f.bool(loss, "logarithmic"),
                            loss.has("lastIterateNashGap") ? f.number(loss, "lastIterateNashGap") : 0),
                    (int) f.integer(n, "steps"), (int) f.integer(n, "batchSize"), f.number(n, "learningRate"),
                    f.number(n, "gradientClip"), (int) f.integer(n, "evaluationSize"),
                    (int) f.integer(n, "evaluationEvery"), (int) f.integer(n, "checkpointInterval"),
                    f.integer(n, "seed"), n.has("warmup") ? (int) f.integer(n, "warmup") : 0,
                    n.has("initialWeights") ? warmStart(f.node(n, "initialWeights"), f) : null,
                    n.has("evolutionStrategies") ? smoothing(f.node(n, "evolutionStrategies"), f) : null,
                    n.has("optimizer") ? f.enumValue(n, "optimizer", Optimizer.class) : Optimizer.ADAM,
                    n.has("updates") ? UpdateMode.fromLabel(f.text(n, "updates")) : UpdateMode.SIMULTANEOUS,
                    n.has("headStart") ? HeadStart.fromLabel(f.text(n, "headStart")) : HeadStart.RANDOM);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("invalid training configuration: " + e.getMessage(), e);
        }
    }
}

package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.RunRecord;
import dev.nashforge.host.solver.SolverConfig;

import java.nio.file.Path;
import java.util.function.ToDoubleFunction;

/**
 * The JSON object of {@code nash solve --json} (README.md, "JSON output contract"). The run-level keys come
 * first; {@code checkpoints} is a list with one object per checkpoint. In the single-instance form every
 * metric is a number ({@code deviationIncentives} and {@code expectedValues} arrays over players); in the batch
 * form (with {@code --batch} or {@code --distribution}) every metric is a {@link #statistics statistics object}
 * and the per-player metrics are arrays of them. Stateless.
 */
final class SolveJson {

    private SolveJson() {
    }

    /** The output object of {@code outcome}. */
    static ObjectNode of(SolveOutcome outcome) {
        RunRecord r = outcome.record();
        SolverConfig c = r.config();
        InstancesArgument.Instances in = outcome.instances();
        ObjectNode node = JsonOutput.object();
        node.put("game", r.game());
        node.put("algorithm", c.algorithm());
        node.put("regretUpdate", c.regretUpdate().describe());
        node.put("prediction", c.prediction().label());
        if (c.model() == null) {
            node.putNull("model");
        } else {
            ObjectNode m = node.putObject("model");
            m.put("name", c.model().name());
            m.put("weightsCrc32", c.model().weightsCrc32());
            m.put("trainedFor", c.model().trainedFor() == dev.nashforge.host.meta.SolverVariant.NPCFR_PLUS
                    ? "npcfr+" : "npcfr");
            m.put("trainingDistribution", c.model().model().training().distribution());
            m.put("trainedSteps", c.model().model().trainedSteps());
        }
        node.put("averaging", c.averaging().describe());
        node.put("averagingDefaulted", outcome.solver().averagingDefaulted());
        node.put("updates", c.updates().label());
        node.put("updatesDefaulted", outcome.solver().updatesDefaulted());
        node.put("config", c.describe());
        node.put("backend", r.backend());
        node.put("backendSelection", outcome.backend().explanation());
        node.put("device", r.device());
        node.put("precision", c.precision().label());
        node.put("batch", r.batchSize());
        node.put("instances", in.kind());
        if (in.distribution() == null) {
            node.putNull("distribution");
            node.putNull("seed");
        } else {
            node.put("distribution", in.distribution());
            node.put("seed", in.seed());
        }
        node.put("iterations", r.iterations());
        node.put("iterationsRequested", outcome.requested());
        if (outcome.stoppedBy() == null) {
            node.putNull("stoppedBy");
        } else {
            node.put("stoppedBy", outcome.stoppedBy());
        }
        node.put("resumedFrom", r.resumedFrom());
        node.put("secondsPerIteration", r.secondsPerIteration());
        node.put("instanceIterationsPerSecond", outcome.instanceIterationsPerSecond());
        node.put("jointPlaySecondsPerIteration", r.jointPlaySecondsPerIteration());
        putPath(node, "stateFile", outcome.stateFile());
        ArrayNode profiles = node.putArray("savedProfiles");
        outcome.profiles().forEach(p -> profiles.add(p.toString()));
        putPath(node, "plot", outcome.plot());
        ArrayNode checkpoints = node.putArray("checkpoints");
        for (CheckpointGroup g : outcome.checkpoints()) {
            checkpoints.add(in.batchForm() ? batchCheckpoint(g) : singleCheckpoint(g.instances().get(0)));
        }
        return node;
    }

    private static ObjectNode singleCheckpoint(CheckpointRecord r) {
        ObjectNode node = JsonOutput.object();
        node.put("iteration", r.iteration());
        node.put("nashGap", r.nashGap());
        node.put("nashGapLastIterate", r.nashGapLastIterate());
        node.put("cceGap", r.cceGap());
        node.put("totalCorrelation", r.totalCorrelation());
        node.set("deviationIncentives", JsonOutput.array(r.deviationIncentives()));
        node.set("expectedValues", JsonOutput.array(r.expectedValues()));
        if (r.exploitability() == null) {
            node.putNull("exploitability");
        } else {
            node.put("exploitability", r.exploitability().doubleValue());
        }
        return node;
    }

    private static ObjectNode batchCheckpoint(CheckpointGroup g) {
        ObjectNode node = JsonOutput.object();
        node.put("iteration", g.iteration());
        node.set("nashGap", statistics(g, CheckpointRecord::nashGap, true));
        node.set("nashGapLastIterate", statistics(g, CheckpointRecord::nashGapLastIterate, true));
        node.set("cceGap", statistics(g, CheckpointRecord::cceGap, true));
        node.set("totalCorrelation", statistics(g, CheckpointRecord::totalCorrelation, true));
        int players = g.instances().get(0).deviationIncentives().length;
        ArrayNode delta = node.putArray("deviationIncentives");
        ArrayNode values = node.putArray("expectedValues");
        for (int i = 0; i < players; i++) {
            int player = i;
            delta.add(statistics(g, r -> r.deviationIncentives()[player], true));
            values.add(statistics(g, r -> r.expectedValues()[player], false));
        }
        return node;
    }

    /**
     * {@code {"values": [per instance], "median", "p10", "p90", "max"}} and, for non-negative gap-like metrics
     * ({@code withFractions}), {@code "fractionBelow1e-3"} and {@code "fractionBelow1e-5"}.
     */
    static ObjectNode statistics(CheckpointGroup g, ToDoubleFunction<CheckpointRecord> metric, boolean withFractions) {
        BatchStatistics s = g.statistics(metric);
        ObjectNode node = JsonOutput.object();
        node.set("values", JsonOutput.array(s.values()));
        node.put("median", s.median());
        node.put("p10", s.p10());
        node.put("p90", s.p90());
        node.put("max", s.max());
        if (withFractions) {
            node.put("fractionBelow1e-3", s.fractionBelow1e3());
            node.put("fractionBelow1e-5", s.fractionBelow1e5());
        }
        return node;
    }

    private static void putPath(ObjectNode node, String key, Path path) {
        if (path == null) {
            node.putNull(key);
        } else {
            node.put(key, path.toString());
        }
    }
}

package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.SolverConfig;

import java.nio.file.Path;

/**
 * The JSON object of {@code nash compare --json} (README.md, "nash compare"): {@code game}, {@code distribution},
 * {@code backend}, {@code backendSelection}, {@code device}, {@code precision}, {@code instances}, {@code seed},
 * {@code evaluationSeed}, {@code seedRule}, {@code model} (null, or name, weights checksum, training distribution,
 * training seed and held-out seed), {@code iterations}, {@code stoppedBy} (null, or the signal that stopped the
 * comparison early), {@code notRun} (the labels a stop left out), {@code plot}, and {@code algorithms}: a list of
 * {@code {algorithm, label (ALGO@updates), config, updates, averaging, secondsPerIteration, resumedFrom,
 * iterationsCompleted, checkpoints: [{iteration, nashGap: {median, p90}, cceGap: {median}, totalCorrelation: {median},
 * fractionBelow1e-3, fractionBelow1e-5}]}}; {@code secondsPerIteration} covers the iterations this process ran
 * (null when all came from a {@code --state} file), {@code resumedFrom} is 0 or the iteration a {@code --state}
 * file held. Stateless.
 */
final class CompareJson {

    private CompareJson() {
    }

    static ObjectNode of(CompareResult r, Path plot) {
        ObjectNode node = JsonOutput.object();
        node.put("game", r.game());
        node.put("distribution", r.distribution());
        node.put("backend", r.backend().backend().name());
        node.put("backendSelection", r.backend().explanation());
        node.put("device", r.backend().device());
        node.put("precision", r.algorithms().get(0).config().precision().label());
        node.put("instances", r.instances());
        node.put("seed", r.seed());
        node.put("evaluationSeed", r.evaluationSeed());
        node.put("seedRule", CompareSeeds.RULE);
        if (r.models().isEmpty()) {
            node.putNull("model");
        } else {
            LearnedModel m = r.models().get(0);
            ObjectNode o = node.putObject("model");
            o.put("name", m.name());
            o.put("weightsCrc32", m.weightsCrc32());
            o.put("trainedFor", ModelsCommand.solver(m.model()));
            o.put("trainingDistribution", m.model().training().distribution());
            o.put("trainingSeed", m.model().training().seed());
            o.put("heldOutSeed", CompareSeeds.heldOutSeed(m));
        }
        node.put("iterations", r.iterations());
        if (r.stoppedBy() == null) {
            node.putNull("stoppedBy");
        } else {
            node.put("stoppedBy", r.stoppedBy());
        }
        ArrayNode notRun = node.putArray("notRun");
        r.notRun().forEach(notRun::add);
        if (plot == null) {
            node.putNull("plot");
        } else {
            node.put("plot", plot.toString());
        }
        ArrayNode list = node.putArray("algorithms");
        for (CompareResult.AlgorithmResult a : r.algorithms()) {
            SolverConfig c = a.config();
            ObjectNode o = list.addObject();
            o.put("algorithm", c.algorithm());
            o.put("label", CompareCommand.label(c));
            o.put("config", c.describe());
            o.put("updates", c.updates().label());
            o.put("averaging", c.averaging().describe());
            if (a.secondsPerIteration().isPresent()) {
                o.put("secondsPerIteration", a.secondsPerIteration().getAsDouble());
            } else {
                o.putNull("secondsPerIteration");
            }
            o.put("resumedFrom", a.record().resumedFrom());
            o.put("iterationsCompleted", a.record().iterations());
            ArrayNode cps = o.putArray("checkpoints");
            for (CompareResult.Checkpoint cp : a.checkpoints()) {
                ObjectNode x = cps.addObject();
                x.put("iteration", cp.iteration());
                ObjectNode gap = x.putObject("nashGap");
                gap.put("median", cp.nashGap().median());
                gap.put("p90", cp.nashGap().p90());
                x.putObject("cceGap").put("median", cp.cceGap().median());
                x.putObject("totalCorrelation").put("median", cp.totalCorrelation().median());
                x.put("fractionBelow1e-3", cp.nashGap().fractionBelow1e3());
                x.put("fractionBelow1e-5", cp.nashGap().fractionBelow1e5());
            }
        }
        return node;
    }
}

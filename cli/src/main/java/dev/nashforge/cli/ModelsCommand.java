package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.ShippedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * {@code nash models [--json]}: the NPCFR models shipped in the jar ({@link ShippedModels}), addressable by name in
 * {@code --model}: each with the distribution it was trained on, the solver it was trained for, its network, the
 * optimizer steps and the checksum of its weights.
 */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        description = "List the trained NPCFR models shipped with NashForge (usable as --model NAME in 'nash solve' "
                + "and 'nash compare'); train your own with 'nash train'.")
final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON object {models: [...]}.")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonOutput.object();
            ArrayNode list = root.putArray("models");
            for (String name : ShippedModels.names()) {
                LearnedModel m = ShippedModels.resolve(name);
                NpcfrModel model = m.model();
                ObjectNode o = list.addObject();
                o.put("name", name);
                o.put("trainedFor", solver(model));
                o.put("trainingDistribution", model.training().distribution());
                o.put("network", network(model));
                o.put("horizon", model.training().horizon());
                o.put("trainedSteps", model.trainedSteps());
                o.put("seed", model.training().seed());
                o.put("weightsCrc32", m.weightsCrc32());
            }
            JsonOutput.print(out, root);
            return;
        }
        TextTable table = new TextTable().row("model", "solver", "trained on", "network", "horizon", "steps", "seed",
                "crc32");
        for (String name : ShippedModels.names()) {
            LearnedModel m = ShippedModels.resolve(name);
            NpcfrModel model = m.model();
            table.row(name, solver(model), model.training().distribution(), network(model),
                    String.valueOf(model.training().horizon()), String.valueOf(model.trainedSteps()),
                    String.valueOf(model.training().seed()), m.weightsCrc32());
        }
        table.print(out);
        out.println();
        out.println("Use one with --model NAME, e.g. ./nash compare biased_shapley --model biased_shapley; train your"
                + " own with 'nash train'.");
        out.flush();
    }

    static String solver(NpcfrModel model) {
        return model.variant() == dev.nashforge.host.meta.SolverVariant.NPCFR_PLUS ? "npcfr+" : "npcfr";
    }

    static String network(NpcfrModel model) {
        return model.architecture().cell() + "-" + model.architecture().hiddenSize() + ", iteration feature "
                + model.architecture().iterationFeature().name().toLowerCase(java.util.Locale.ROOT);
    }
}

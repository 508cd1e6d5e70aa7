package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.NashGapReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * {@code nash eval GAME [--profile uniform|first|FILE] [--json]}: the exact NashGap of a behaviour profile
 * (method.md §4), with every player's expected value, best-response value and deviation incentive, and the
 * exploitability (= NashGap / 2) where it is defined (two-player zero-sum games; JSON {@code null} otherwise).
 */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = "Compute the exact NashGap of a strategy profile: the sum over players of what each "
                + "could gain by deviating alone.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash eval kuhn_poker --profile uniform",
                "  ./nash eval leduc_poker --profile my-profile.json --json",
                "%nexploitability = NashGap/2, two-player zero-sum (or constant-sum) games only."})
final class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GAME", description = GameArgument.DESCRIPTION)
    String game;

    @Option(names = "--profile", paramLabel = "uniform|first|FILE", defaultValue = "uniform",
            description = ProfileArgument.DESCRIPTION)
    String profile;

    @Option(names = "--json", description = "Print one JSON object (keys: game, players, profile, utilityKind, "
            + "nashGap, exploitability, deviationIncentives, expectedValues, bestResponseValues, infosets, "
            + "sequences, terminals).")
    boolean json;

    @Override
    public void run() {
        CompiledGame compiled = GameArgument.compile(spec, game);
        ExactEvaluator evaluator = new ExactEvaluator(compiled.structure());
        double[][] behaviour = ProfileArgument.behaviour(profile, evaluator);
        NashGapReport report = evaluator.nashGap(compiled.instance(), behaviour);
        StructureSummary summary = StructureSummary.of(compiled);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(summary, report));
        } else {
            printText(out, summary, report);
        }
    }

    private ObjectNode toJson(StructureSummary summary, NashGapReport report) {
        ObjectNode node = JsonOutput.object();
        node.put("game", summary.game());
        node.put("players", summary.players());
        node.put("profile", profile);
        node.put("utilityKind", report.utilityKind().label());
        node.put("nashGap", report.nashGap());
        if (report.exploitability() == null) {
            node.putNull("exploitability");
        } else {
            node.put("exploitability", report.exploitability().doubleValue());
        }
        node.set("deviationIncentives", JsonOutput.array(report.deviationIncentives()));
        node.set("expectedValues", JsonOutput.array(report.expectedValues()));
        node.set("bestResponseValues", JsonOutput.array(report.bestResponseValues()));
        node.set("infosets", JsonOutput.array(summary.infosets()));
        node.set("sequences", JsonOutput.array(summary.sequences()));
        node.put("terminals", summary.terminals());
        return node;
    }

    private void printText(PrintWriter out, StructureSummary summary, NashGapReport report) {
        TextTable t = new TextTable();
        t.row("game", summary.game());
        t.row("profile", profile);
        t.row("utility kind", report.utilityKind().label());
        t.row("NashGap", NumberText.format(report.nashGap()));
        t.row("exploitability", report.exploitability() == null
                ? "undefined (NashGap/2 is defined for two-player zero-sum games only)"
                : NumberText.format(report.exploitability()) + "  (= NashGap/2, two-player zero-sum only)");
        t.print(out);
        out.println();
        TextTable p = new TextTable();
        p.row("player", "expected value", "best response", "deviation incentive");
        for (int i = 0; i < summary.players(); i++) {
            p.row(Integer.toString(i), NumberText.format(report.expectedValues()[i]),
                    NumberText.format(report.bestResponseValues()[i]),
                    NumberText.format(report.deviationIncentives()[i]));
        }
        p.print(out);
    }
}

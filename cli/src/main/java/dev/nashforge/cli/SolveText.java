package dev.nashforge.cli;

import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.RunRecord;
import dev.nashforge.host.solver.SolverConfig;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The human-readable output of {@code nash solve}: a header block (game, algorithm with its rules, averaging and
 * update mode marked as the preset's default or as given, backend with how it was chosen, device, precision,
 * instances, timing, files written; why {@code auto} passed over other backends is in the JSON output and in
 * {@code nash backends}), then one table row per checkpoint with 4 significant digits. The single-instance
 * table has NashGap of the average and of the last iterate, CCEGap, total correlation and the per-player
 * deviation incentives; the batch table has the median, p90 and max NashGap, the fractions of instances below
 * 1e-3 and 1e-5, and the medians of the other metrics. Stateless.
 */
final class SolveText {

    private SolveText() {
    }

    static void print(PrintWriter out, SolveOutcome outcome) {
        printHeader(out, outcome);
        out.println();
        if (outcome.instances().batchForm()) {
            printBatchTable(out, outcome);
        } else {
            printSingleTable(out, outcome);
        }
        out.flush();
    }

    private static void printHeader(PrintWriter out, SolveOutcome o) {
        RunRecord r = o.record();
        SolverConfig c = r.config();
        TextTable t = new TextTable();
        t.row("game", r.game());
        t.row("algorithm", c.algorithm() + "  (regret " + c.regretUpdate().describe() + "; prediction "
                + c.prediction().label() + ")");
        t.row("averaging", c.averaging().describe() + (o.solver().averagingDefaulted()
                ? "  (default of " + c.algorithm() + ")" : "  (as given)"));
        t.row("updates", c.updates().label() + (o.solver().updatesDefaulted()
                ? "  (default of " + c.algorithm() + ")" : "  (as given)"));
        t.row("backend", o.backend().summary());
        t.row("device", r.device());
        t.row("precision", c.precision().label());
        t.row("instances", instances(o));
        t.row("iterations", r.iterations() + (o.stoppedBy() != null ? " of " + o.requested() + "  (stopped by "
                + o.stoppedBy() + ")" : "") + (r.resumedFrom() > 0 ? "  (resumed from " + r.resumedFrom() + ")" : ""));
        t.row("time", String.format(Locale.ROOT, "%s ms per iteration, %s instance-iterations per second"
                        + " (metrics excluded)", NumberText.compact(r.secondsPerIteration() * 1e3),
                NumberText.compact(o.instanceIterationsPerSecond())));
        if (o.stateFile() != null) {
            t.row("state file", o.stateFile().toString());
        }
        if (!o.profiles().isEmpty()) {
            t.row("saved profile", o.profiles().size() == 1 ? o.profiles().get(0).toString()
                    : o.profiles().size() + " files: " + o.profiles().get(0) + " ... "
                    + o.profiles().get(o.profiles().size() - 1));
        }
        if (o.plot() != null) {
            t.row("plot", o.plot().toString());
        }
        t.print(out);
    }

    private static String instances(SolveOutcome o) {
        InstancesArgument.Instances in = o.instances();
        int b = o.record().batchSize();
        return switch (in.kind()) {
            case "sampled" -> b + " sampled from " + in.distribution() + " with seed " + in.seed();
            case "replicated" -> b + (b == 1 ? " copy" : " identical copies") + " of the game (no --distribution)";
            default -> "1 (the game itself)";
        };
    }

    private static void printSingleTable(PrintWriter out, SolveOutcome o) {
        TextTable t = new TextTable();
        t.row("iteration", "NashGap", "last iterate", "CCEGap", "total correlation", "deviation incentives");
        for (CheckpointGroup g : o.checkpoints()) {
            CheckpointRecord r = g.instances().get(0);
            t.row(Integer.toString(r.iteration()), NumberText.compact(r.nashGap()),
                    NumberText.compact(r.nashGapLastIterate()), NumberText.compact(r.cceGap()),
                    NumberText.compact(r.totalCorrelation()), Arrays.stream(r.deviationIncentives())
                            .mapToObj(NumberText::compact).collect(Collectors.joining(", ")));
        }
        t.print(out);
        CheckpointRecord last = o.record().last().get(0);
        out.println();
        out.println("expected values at iteration " + last.iteration() + ": " + Arrays.stream(last.expectedValues())
                .mapToObj(NumberText::format).collect(Collectors.joining(", "))
                + (last.exploitability() == null ? ""
                : "; exploitability " + NumberText.format(last.exploitability()) + " (= NashGap/2, two-player"
                + " zero-sum only)"));
    }

    private static void printBatchTable(PrintWriter out, SolveOutcome o) {
        TextTable t = new TextTable();
        t.row("iteration", "NashGap median", "p90", "max", "<1e-3", "<1e-5", "last iterate median", "CCEGap median",
                "total correlation median");
        for (CheckpointGroup g : o.checkpoints()) {
            BatchStatistics gap = g.statistics(CheckpointRecord::nashGap);
            t.row(Integer.toString(g.iteration()), NumberText.compact(gap.median()), NumberText.compact(gap.p90()),
                    NumberText.compact(gap.max()), percent(gap.fractionBelow1e3()), percent(gap.fractionBelow1e5()),
                    NumberText.compact(g.statistics(CheckpointRecord::nashGapLastIterate).median()),
                    NumberText.compact(g.statistics(CheckpointRecord::cceGap).median()),
                    NumberText.compact(g.statistics(CheckpointRecord::totalCorrelation).median()));
        }
        t.print(out);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}

package dev.nashforge.cli;

import dev.nashforge.host.solver.LearnedModel;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text output of {@code nash compare}: the setup (distribution, held-out seed and its rule, backend, model,
 * each algorithm's settings and seconds per iteration), then one table per checkpoint iteration with a row per
 * algorithm. Stateless.
 */
final class CompareText {

    private CompareText() {
    }

    /** "instance" or "instances", to follow the number {@code count}. */
    static String instances(int count) {
        return count == 1 ? "instance" : "instances";
    }

    static void print(PrintWriter out, CompareResult r, Path plot) {
        out.printf(Locale.ROOT, "compare on %s: %d held-out %s, evaluation seed %d (%s)%n", r.distribution(),
                r.instances(), instances(r.instances()), r.evaluationSeed(), CompareSeeds.RULE);
        out.println("backend   " + r.backend().summary());
        out.println("device    " + r.backend().device());
        for (LearnedModel m : r.models()) {
            out.println("model     " + m.describe() + ", trained on " + m.model().training().distribution()
                    + " (training seed " + m.model().training().seed() + ", held-out seed " + CompareSeeds.heldOutSeed(m)
                    + ")");
        }
        for (CompareResult.AlgorithmResult a : r.algorithms()) {
            int from = a.record().resumedFrom();
            String time = a.secondsPerIteration().isPresent()
                    ? String.format(Locale.ROOT, ", %s s per iteration", NumberText.compact(a.secondsPerIteration()
                    .getAsDouble())) : ", no iteration run (all read from the --state file)";
            boolean stopped = r.stoppedBy() != null && a.record().iterations() < r.iterations();
            out.printf(Locale.ROOT, "  %-20s %s%s%s%s%n", CompareCommand.label(a.config()), a.config().describe(), time,
                    from > 0 ? " (continued from a --state file at iteration " + from + ")" : "",
                    stopped ? " (stopped by " + r.stoppedBy() + " at iteration " + a.record().iterations() + ")" : "");
        }
        for (String label : r.notRun()) {
            out.printf(Locale.ROOT, "  %-20s not run (stopped by %s before it)%n", label, r.stoppedBy());
        }
        for (int t : r.checkpointIterations()) {
            out.println();
            TextTable table = new TextTable().row("T = " + t, "NashGap median", "p90", "CCEGap median",
                    "TC median", "<1e-3", "<1e-5");
            for (CompareResult.AlgorithmResult a : r.algorithms()) {
                CompareResult.Checkpoint c = a.at(t);
                if (c == null) {
                    continue;
                }
                table.row(CompareCommand.label(a.config()), NumberText.compact(c.nashGap().median()),
                        NumberText.compact(c.nashGap().p90()), NumberText.compact(c.cceGap().median()),
                        NumberText.compact(c.totalCorrelation().median()), percent(c.nashGap().fractionBelow1e3()),
                        percent(c.nashGap().fractionBelow1e5()));
            }
            table.print(out);
        }
        if (plot != null) {
            out.println();
            out.println("plot      " + plot);
        }
        out.flush();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}

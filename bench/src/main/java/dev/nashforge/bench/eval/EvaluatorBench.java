package dev.nashforge.bench.eval;

import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.model.Game;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.JointPlay;
import dev.nashforge.host.metrics.NashGapReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end timing of the exact evaluator (not a JMH micro-benchmark: one call takes 0.1–1 s): for each game,
 * (a) {@code GameCatalog.game(spec)} + {@link GameCompiler#compile} and (b) one {@link ExactEvaluator#nashGap}
 * of the uniform profile, and also (c) one {@link JointPlay#add}, {@link ExactEvaluator#cceGap} and
 * {@link ExactEvaluator#totalCorrelation} with uniform iterates, each after warm-up runs, reported as the median
 * (with min and max) of several timed runs. The workload is deterministic (the uniform profile; no randomness), so no seed is needed.
 *
 * <p>Output: one machine-readable line per measurement,
 * {@code RESULT bench=evaluator game=<spec> measure=<compile|nashgap|…> median_s=… min_s=… max_s=… runs=…
 * cold_s=… …} (cold_s: the first, un-warmed run in the JVM),
 * plus provenance lines ({@code ENV …}). Arguments: game specs (default {@code leduc_poker(players=3)} and
 * {@code leduc_poker(players=2)}). System properties: {@code bench.compileRuns} (default 5),
 * {@code bench.gapRuns} (default 9), {@code bench.warmup} (default 2), {@code nashforge.commit} (recorded as
 * given).
 *
 * <p>Run from the repository root (see bench/RESULTS.md, "Exact evaluators"):
 * <pre>
 * mvn -o -q -pl bench -am package -DskipTests
 * java -Xss16m -Xmx6g -Dnashforge.commit=$(git rev-parse --short HEAD) \
 *   -cp games/target/classes:host/target/classes:bench/target/classes dev.nashforge.bench.eval.EvaluatorBench
 * </pre>
 */
public final class EvaluatorBench {

    private EvaluatorBench() {
    }

    public static void main(String[] args) {
        List<String> specs = args.length > 0 ? Arrays.asList(args)
                : List.of("leduc_poker(players=3)", "leduc_poker(players=2)");
        int compileRuns = Integer.getInteger("bench.compileRuns", 5);
        int gapRuns = Integer.getInteger("bench.gapRuns", 9);
        int warmup = Integer.getInteger("bench.warmup", 2);
        printEnvironment();
        for (String spec : specs) {
            benchmark(spec, compileRuns, gapRuns, warmup);
        }
    }

    private static void printEnvironment() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "ENV commit=%s java=%s vm=%s os=%s/%s processors=%d max_heap_mib=%d%n",
                System.getProperty("nashforge.commit", "unknown"), System.getProperty("java.version"),
                System.getProperty("java.vm.name").replace(' ', '_'), System.getProperty("os.name").replace(' ', '_'),
                System.getProperty("os.arch"), rt.availableProcessors(), rt.maxMemory() >> 20);
    }

    private static void benchmark(String spec, int compileRuns, int gapRuns, int warmup) {
        CompiledGame compiled = null;
        List<Double> compileSeconds = new ArrayList<>();
        double compileCold = 0;
        for (int r = 0; r < warmup + compileRuns; r++) {
            compiled = null; // let the previous copy be collected before building the next one
            long start = System.nanoTime();
            Game game = GameCatalog.game(spec);
            compiled = GameCompiler.compile(game);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r == 0) {
                compileCold = seconds;
            }
            if (r >= warmup) {
                compileSeconds.add(seconds);
            }
        }
        int infosets = 0;
        for (int i = 0; i < compiled.numPlayers(); i++) {
            infosets += compiled.structure().treeplex(i).numInfosets();
        }
        String size = String.format(Locale.ROOT, "players=%d terminals=%d infosets=%d sequences=%d",
                compiled.numPlayers(), compiled.structure().numTerminals(), infosets,
                compiled.structure().totalSequences());
        report(spec, "compile", compileSeconds, compileCold, size);

        ExactEvaluator evaluator = new ExactEvaluator(compiled.structure());
        double[][] uniform = evaluator.uniformBehaviour();
        List<Double> gapSeconds = new ArrayList<>();
        NashGapReport result = null;
        double gapCold = 0;
        for (int r = 0; r < warmup + gapRuns; r++) {
            long start = System.nanoTime();
            result = evaluator.nashGap(compiled.instance(), uniform);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r == 0) {
                gapCold = seconds;
            }
            if (r >= warmup) {
                gapSeconds.add(seconds);
            }
        }
        report(spec, "nashgap", gapSeconds, gapCold,
                size + String.format(Locale.ROOT, " profile=uniform nashgap=%.15g", result.nashGap()));

        double[][] plans = evaluator.realizationPlans(uniform);
        CompiledGame built = compiled;
        JointPlay play = JointPlay.empty(built.structure());
        timeEach(spec, "jointplay_add", gapRuns, warmup, size, () -> play.add(1.0, plans));
        timeEach(spec, "ccegap", gapRuns, warmup, size, () -> evaluator.cceGap(built.instance(), play));
        timeEach(spec, "total_correlation", gapRuns, warmup, size,
                () -> evaluator.totalCorrelation(built.instance(), play));
    }

    /** Times {@code warmup + runs} calls of {@code work} and reports the timed ones. */
    private static void timeEach(String spec, String measure, int runs, int warmup, String extra, Runnable work) {
        List<Double> seconds = new ArrayList<>();
        double cold = 0;
        for (int r = 0; r < warmup + runs; r++) {
            long start = System.nanoTime();
            work.run();
            double s = (System.nanoTime() - start) / 1e9;
            if (r == 0) {
                cold = s;
            }
            if (r >= warmup) {
                seconds.add(s);
            }
        }
        report(spec, measure, seconds, cold, extra);
    }

    /** Prints one RESULT line; {@code cold} is the first (un-warmed) run of the measure in this JVM. */
    private static void report(String spec, String measure, List<Double> seconds, double cold, String extra) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        System.out.printf(Locale.ROOT,
                "RESULT bench=evaluator game=%s measure=%s median_s=%.6f min_s=%.6f max_s=%.6f runs=%d"
                        + " cold_s=%.6f %s%n",
                spec, measure, median, sorted[0], sorted[n - 1], n, cold, extra);
    }
}

package dev.nashforge.bench.opencl;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side throughput of the OpenCL and CPU backends in one run (both found through
 * {@link BackendRegistry}): per primitive and end to end, on one batch drawn with a fixed seed, in every
 * precision both backends offer. For each backend and precision: open a session, warm up, then time
 * {@code rounds} rounds of {@code iterationsPerRound} full iterations (joint play accumulated before each, as
 * {@code SolveRun} does) and report the median seconds per iteration; then time every primitive, called for
 * each player in turn, {@code callsPerRound} times per round, and report the median seconds per call over all
 * players. The two backends' average plans after the end-to-end rounds are compared (same work, same result).
 *
 * <p>Output: {@code ENV …}, {@code DEVICE …} and one {@code RESULT …} line per measure, plus a Markdown table.
 * Arguments: the distribution spec (default {@code leduc_poker(players=2,noise=0.1)}). System properties:
 * {@code bench.batch} (256), {@code bench.seed} (2026), {@code bench.algorithm} (cfr+), {@code bench.warmup}
 * (20 iterations), {@code bench.rounds} (7), {@code bench.iterationsPerRound} (10), {@code bench.callsPerRound}
 * (20), {@code bench.backends} (cpu,opencl), {@code nashforge.commit} (recorded as given).
 *
 * <p>Run from the repository root (see bench/RESULTS.md, "OpenCL backend (PoCL)"):
 * <pre>
 * mvn -o -q -pl cli,bench -am package -DskipTests
 * java -Xss16m -Dnashforge.commit=$(git rev-parse --short HEAD) \
 *   -cp cli/target/nash.jar:bench/target/classes dev.nashforge.bench.opencl.OpenClThroughputBench
 * </pre>
 */
public final class OpenClThroughputBench {

    private static final String[] PRIMITIVES = {"computeStrategy", "computeRealizationPlan",
        "computeInstantaneousRegret", "updateRegret", "updateAverage", "accumulateJointPlay"};

    private OpenClThroughputBench() {
    }

    public static void main(String[] args) {
        String spec = args.length > 0 ? args[0] : "leduc_poker(players=2,noise=0.1)";
        int batchSize = Integer.getInteger("bench.batch", 256);
        long seed = Long.getLong("bench.seed", 2026L);
        SolverConfig base = SolverConfig.preset(System.getProperty("bench.algorithm", "cfr+"));
        int warmup = Integer.getInteger("bench.warmup", 20);
        int rounds = Integer.getInteger("bench.rounds", 7);
        int iterationsPerRound = Integer.getInteger("bench.iterationsPerRound", 10);
        int callsPerRound = Integer.getInteger("bench.callsPerRound", 20);
        List<String> names = Arrays.asList(System.getProperty("bench.backends", "cpu,opencl").split(","));

        GameBatch batch = GameCatalog.distribution(spec).sample(batchSize, seed);
        BackendRegistry registry = BackendRegistry.discover();
        List<Backend> backends = new ArrayList<>();
        printEnvironment(spec, batch, base, seed);
        for (String name : names) {
            BackendSelection selection = registry.select(name.trim());
            backends.add(selection.backend());
            System.out.println("DEVICE backend=" + selection.info().name() + " device=" + selection.info().device()
                    + " precisions=" + selection.info().precisions());
        }
        Map<String, double[]> table = new LinkedHashMap<>();
        for (Precision precision : Precision.values()) {
            SolverConfig config = base.withPrecision(precision);
            double[][][] firstAverage = null;
            for (Backend backend : backends) {
                if (!backend.precisions().contains(precision)) {
                    System.out.println("SKIP backend=" + backend.name() + " precision=" + precision.label()
                            + " (not offered by the device)");
                    continue;
                }
                try (SolverSession session = backend.open(batch, config)) {
                    RegretMinimizer solver = new RegretMinimizer(session);
                    iterate(session, solver, warmup);
                    double[] perIteration = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        long start = System.nanoTime();
                        iterate(session, solver, iterationsPerRound);
                        perIteration[r] = (System.nanoTime() - start) / 1e9 / iterationsPerRound;
                    }
                    report(table, backend, precision, "iteration", perIteration, batchSize);
                    double[][][] average = session.read(SequenceBuffer.AVERAGE_PLAN);
                    if (firstAverage == null) {
                        firstAverage = average;
                    } else {
                        System.out.printf(Locale.ROOT, "CHECK precision=%s backend=%s max_abs_diff_average_plan=%s "
                                + "(vs %s, after %d iterations)%n", precision.label(), backend.name(),
                                maxDifference(firstAverage, average), backends.get(0).name(),
                                warmup + rounds * iterationsPerRound);
                    }
                    for (int k = 0; k < PRIMITIVES.length; k++) {
                        double[] perCall = new double[rounds];
                        for (int r = 0; r < rounds; r++) {
                            long start = System.nanoTime();
                            for (int c = 0; c < callsPerRound; c++) {
                                call(session, k, solver.iteration() + 1);
                            }
                            perCall[r] = (System.nanoTime() - start) / 1e9 / callsPerRound;
                        }
                        report(table, backend, precision, PRIMITIVES[k], perCall, batchSize);
                    }
                }
            }
        }
        printTable(table, names);
    }

    private static void iterate(SolverSession session, RegretMinimizer solver, int iterations) {
        for (int t = 0; t < iterations; t++) {
            session.accumulateJointPlay(solver.nextAverageStep());
            solver.iterate();
        }
    }

    /** One call of primitive {@code k} for every player (the joint play is one call for all players). */
    private static void call(SolverSession session, int k, int iteration) {
        int players = session.batch().structure().numPlayers();
        if (k == 5) {
            session.accumulateJointPlay(0.5);
            return;
        }
        for (int p = 0; p < players; p++) {
            switch (k) {
                case 0 -> session.computeStrategy(p);
                case 1 -> session.computeRealizationPlan(p);
                case 2 -> session.computeInstantaneousRegret(p);
                case 3 -> session.updateRegret(p, iteration);
                case 4 -> session.updateAverage(p, 0.5);
                default -> throw new IllegalStateException("no primitive " + k);
            }
        }
    }

    private static void report(Map<String, double[]> table, Backend backend, Precision precision, String measure,
                               double[] seconds, int batchSize) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "RESULT bench=opencl backend=%s precision=%s measure=%s median_ms=%.4f "
                        + "min_ms=%.4f max_ms=%.4f rounds=%d instances_per_s=%.0f%n", backend.name(), precision.label(),
                measure, median * 1e3, sorted[0] * 1e3, sorted[sorted.length - 1] * 1e3, seconds.length,
                batchSize / median);
        table.computeIfAbsent(precision.label() + "|" + measure, key -> new double[8])[indexOf(backend)] = median;
    }

    private static final List<String> ORDER = new ArrayList<>();

    private static int indexOf(Backend backend) {
        int i = ORDER.indexOf(backend.name());
        if (i < 0) {
            ORDER.add(backend.name());
            i = ORDER.size() - 1;
        }
        return i;
    }

    private static void printTable(Map<String, double[]> table, List<String> names) {
        StringBuilder header = new StringBuilder("| precision | measure |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String b : ORDER) {
            header.append(' ').append(b).append(" ms |");
            rule.append("---|");
        }
        if (ORDER.size() == 2) {
            header.append(' ').append(ORDER.get(0)).append(" / ").append(ORDER.get(1)).append(" |");
            rule.append("---|");
        }
        System.out.println();
        System.out.println(header);
        System.out.println(rule);
        for (Map.Entry<String, double[]> e : table.entrySet()) {
            String[] key = e.getKey().split("\\|");
            StringBuilder row = new StringBuilder("| " + key[0] + " | " + key[1] + " |");
            for (int i = 0; i < ORDER.size(); i++) {
                row.append(String.format(Locale.ROOT, " %.3f |", e.getValue()[i] * 1e3));
            }
            if (ORDER.size() == 2 && e.getValue()[1] > 0) {
                row.append(String.format(Locale.ROOT, " %.2f |", e.getValue()[0] / e.getValue()[1]));
            }
            System.out.println(row);
        }
    }

    private static double maxDifference(double[][][] a, double[][][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int p = 0; p < a[i].length; p++) {
                for (int s = 0; s < a[i][p].length; s++) {
                    worst = Math.max(worst, Math.abs(a[i][p][s] - b[i][p][s]));
                }
            }
        }
        return worst;
    }

    private static void printEnvironment(String spec, GameBatch batch, SolverConfig config, long seed) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "ENV commit=%s java=%s vm=%s os=%s/%s processors=%d max_heap_mib=%d%n",
                System.getProperty("nashforge.commit", "unknown"), System.getProperty("java.version"),
                System.getProperty("java.vm.name").replace(' ', '_'), System.getProperty("os.name").replace(' ', '_'),
                System.getProperty("os.arch"), rt.availableProcessors(), rt.maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "WORKLOAD distribution=%s batch=%d seed=%d terminals=%d sequences=%d "
                        + "algorithm=%s%n", spec, batch.size(), seed, batch.structure().numTerminals(),
                batch.structure().totalSequences(), config.describe());
    }
}

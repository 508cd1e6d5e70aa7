package dev.nashforge.bench.solve;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end timing of solver iterations on a backend (the regret-minimizer targets; not a JMH
 * micro-benchmark: one iteration of three-player Leduc takes tens of milliseconds). For each scenario it opens a
 * session through {@link BackendRegistry}, runs warm-up iterations of {@link RegretMinimizer#iterate()}, then
 * times {@code bench.rounds} rounds of a fixed number of iterations and reports the median (with min and max) of
 * the per-round seconds per iteration, the instance-iterations per second (B / seconds per iteration), the
 * separately timed joint-play accumulation (the per-iteration part of the CCEGap and total-correlation metrics),
 * and the memory of the session: the retained-heap growth of {@code Backend.open} (after full GCs), per instance.
 *
 * <p>Scenarios (arguments; default all three):
 * <ul>
 *   <li>{@code leduc2}: {@code leduc_poker}, B = 1;</li>
 *   <li>{@code leduc3}: {@code leduc_poker(players=3)}, B = 1;</li>
 *   <li>{@code leduc2-batch256}: B = 256 instances of {@code leduc_poker(noise=0.1)} sampled with seed 0.</li>
 * </ul>
 * System properties: {@code bench.backend} (default {@code cpu}), {@code bench.algo} (default {@code cfr+},
 * any {@link SolverConfig#preset} name), {@code bench.precision} ({@code double}), {@code bench.rounds} (7),
 * {@code bench.warmup} and {@code bench.perRound} (override every chosen scenario's warm-up iterations and timed
 * iterations per round), {@code nashforge.commit} (recorded as given), and the CPU backend's
 * {@code nashforge.cpu.threads}.
 *
 * <p>Output: provenance lines {@code ENV …} (commit, Java, processors, heap, load average before and after,
 * backend, device, precision) and one line per scenario {@code RESULT bench=solver scenario=… game=… B=…
 * algo=… updates=… median_ms=… min_ms=… max_ms=… instance_iterations_per_s=… jointplay_ms=… session_bytes=…
 * session_bytes_per_instance=… batch_bytes_per_instance=…}. The workload is deterministic (fixed seed).
 *
 * <p>Run from the repository root (see bench/RESULTS.md, "Regret minimizers (CPU backend)"):
 * <pre>
 * mvn -o -q -pl bench -am package -DskipTests
 * java -Xss16m -Xmx6g -Dnashforge.commit=$(git rev-parse --short HEAD) \
 *   -cp games/target/classes:host/target/classes:fallback-cpu/target/classes:bench/target/classes \
 *   dev.nashforge.bench.solve.SolverBench
 * </pre>
 */
public final class SolverBench {

    /**
     * One benchmark scenario.
     *
     * @param name         the argument that selects it
     * @param game         the catalog spec of the game
     * @param distribution the distribution spec to sample B instances from, or null for B copies of the game
     * @param batchSize    B
     * @param warmup       warm-up iterations before timing
     * @param perRound     timed iterations per round
     */
    record Scenario(String name, String game, String distribution, int batchSize, int warmup, int perRound) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("leduc2", "leduc_poker", null, 1, 5000, 2000),
            new Scenario("leduc3", "leduc_poker(players=3)", null, 1, 30, 10),
            new Scenario("leduc2-batch256", "leduc_poker", "leduc_poker(noise=0.1)", 256, 20, 20));

    /** Seed of the sampled batch. */
    private static final long SEED = 0;

    private SolverBench() {
    }

    public static void main(String[] args) {
        String backendName = System.getProperty("bench.backend", "cpu");
        SolverConfig config = SolverConfig.preset(System.getProperty("bench.algo", "cfr+"))
                .withPrecision(Precision.fromLabel(System.getProperty("bench.precision", "double")));
        int rounds = Integer.getInteger("bench.rounds", 7);
        List<Scenario> chosen = new ArrayList<>();
        for (String a : args.length > 0 ? Arrays.asList(args) : SCENARIOS.stream().map(Scenario::name).toList()) {
            chosen.add(SCENARIOS.stream().filter(s -> s.name().equals(a)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown scenario '" + a + "'; scenarios: "
                            + SCENARIOS.stream().map(Scenario::name).toList())));
        }
        BackendSelection selection = BackendRegistry.discover().select(backendName);
        printEnvironment(selection, config);
        for (Scenario s : chosen) {
            Scenario tuned = new Scenario(s.name(), s.game(), s.distribution(), s.batchSize(),
                    Integer.getInteger("bench.warmup", s.warmup()), Integer.getInteger("bench.perRound", s.perRound()));
            run(tuned, selection.backend(), config, rounds);
        }
        System.out.printf(Locale.ROOT, "ENV load_average_after=%s%n", loadAverage());
    }

    private static void printEnvironment(BackendSelection selection, SolverConfig config) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "ENV commit=%s java=%s vm=%s os=%s/%s processors=%d max_heap_mib=%d"
                        + " load_average_before=%s%n",
                System.getProperty("nashforge.commit", "unknown"), System.getProperty("java.version"),
                System.getProperty("java.vm.name").replace(' ', '_'), System.getProperty("os.name").replace(' ', '_'),
                System.getProperty("os.arch"), rt.availableProcessors(), rt.maxMemory() >> 20, loadAverage());
        System.out.printf(Locale.ROOT, "ENV backend=%s device=\"%s\" config=\"%s\"%n", selection.info().name(),
                selection.info().device(), config.describe());
    }

    private static void run(Scenario s, Backend backend, SolverConfig config, int rounds) {
        CompiledGame compiled = GameCompiler.compile(GameCatalog.game(s.game()));
        GameBatch batch = s.distribution() == null
                ? GameBatch.replicate(compiled.structure(), compiled.instance(), s.batchSize())
                : GameCatalog.distribution(s.distribution()).sample(s.batchSize(), SEED);
        long before = retainedHeap();
        try (SolverSession session = backend.open(batch, config)) {
            long sessionBytes = retainedHeap() - before;
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < s.warmup(); t++) {
                solver.iterate();
            }
            double[] seconds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                for (int t = 0; t < s.perRound(); t++) {
                    solver.iterate();
                }
                seconds[r] = (System.nanoTime() - start) / 1e9 / s.perRound();
            }
            double[] joint = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                for (int t = 0; t < s.perRound(); t++) {
                    session.accumulateJointPlay(0.5);
                }
                joint[r] = (System.nanoTime() - start) / 1e9 / s.perRound();
            }
            double median = median(seconds);
            int z = batch.structure().numTerminals();
            long batchBytesPerInstance = 8L * z * (1 + batch.structure().numPlayers());
            System.out.printf(Locale.ROOT, "RESULT bench=solver scenario=%s game=%s B=%d distribution=%s seed=%s"
                            + " algo=%s updates=%s precision=%s rounds=%d iterations_per_round=%d warmup=%d"
                            + " median_ms=%.5f min_ms=%.5f max_ms=%.5f instance_iterations_per_s=%.1f"
                            + " jointplay_ms=%.5f session_bytes=%d session_bytes_per_instance=%d"
                            + " batch_bytes_per_instance=%d terminals=%d sequences=%d%n",
                    s.name(), batch.structure().name(), s.batchSize(), s.distribution() == null ? "none"
                            : s.distribution(), s.distribution() == null ? "none" : Long.toString(SEED),
                    config.algorithm(), config.updates().label(), config.precision().label(), rounds, s.perRound(),
                    s.warmup(), median * 1e3, min(seconds) * 1e3, max(seconds) * 1e3, s.batchSize() / median,
                    median(joint) * 1e3, sessionBytes, sessionBytes / s.batchSize(), batchBytesPerInstance, z,
                    batch.structure().totalSequences());
        }
    }

    /** Used heap after full collections (the smallest of three readings, to damp concurrent noise). */
    private static long retainedHeap() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + "," + parts[1] + "," + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}

package dev.nashforge.bench.cuda;

import dev.nashforge.cpu.CpuBackend;
import dev.nashforge.cuda.CudaBackend;
import dev.nashforge.cuda.CudaCopyBandwidth;
import dev.nashforge.cuda.CudaSolverSession;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the CUDA backend, and its speedup over the CPU backend on the same machine: time per
 * {@link RegretMinimizer#iterate()} for two-player Leduc at B = 1, 256, 4096 and three-player Leduc at B = 1, 64
 * (identical instances, CFR+ with its default alternating updates, double precision unless {@code --precision}).
 *
 * <p>Method. CUDA: after a warm-up (at least 20 iterations and {@value #WARMUP_SECONDS} s, which also instantiates
 * the session's CUDA graphs), {@value #ROUNDS} rounds of k iterations, k chosen so that a round takes about
 * {@value #ROUND_SECONDS} s; each round is timed with CUDA events ({@link CudaSolverSession#deviceMillis}) and
 * with the wall clock; the medians are reported. Achieved bandwidth = the compulsory bytes of an iteration
 * ({@link CudaSolverSession#bytesPerIteration()}, each element read or written once) / device time, compared with
 * the device-to-device copy bandwidth measured by {@link CudaCopyBandwidth} (1 GiB, median of 9). CPU: the
 * {@code cpu} backend with all cores, two warm-up rounds, then {@value #ROUNDS} timed rounds, median. Speedup =
 * CPU time / CUDA wall time per iteration. Instance-iterations per second = B / CUDA wall time per iteration.
 *
 * <p>Output: {@code ENV} and {@code RESULT bench=cuda ...} lines, and with {@code --out FILE} a Markdown table for
 * bench/RESULTS.md. Options: {@code --precision double|float}, {@code --cpu-only} (skips CUDA: checks the runner on a
 * machine without a GPU), {@code --cases SPEC:B,SPEC:B,...}, {@code --algo NAME} (a preset, default cfr+),
 * {@code --model NAME|FILE} (the shipped model or model file of npcfr / npcfr+), {@code --updates
 * simultaneous|alternating} (default: the algorithm's). Run by {@code kernels-cuda/gpu/run-on-device.sh}.
 */
public final class CudaBenchmark {

    static final int ROUNDS = 7;
    static final double ROUND_SECONDS = 0.3;
    static final double WARMUP_SECONDS = 1.0;
    static final List<String> DEFAULT_CASES = List.of("leduc_poker:1", "leduc_poker:256", "leduc_poker:4096",
            "leduc_poker(players=3):1", "leduc_poker(players=3):64");

    private CudaBenchmark() {
    }

    /** One measured case. */
    record Measurement(String game, int batch, double cudaDeviceMs, double cudaWallMs, long bytesPerIteration,
                       double cpuMs, int cpuThreads, String paths, String error) {
    }

    public static void main(String[] args) {
        Precision precision = Precision.DOUBLE;
        boolean cpuOnly = false;
        Path out = null;
        List<String> cases = DEFAULT_CASES;
        String algo = "cfr+";
        String model = null;
        String updates = null;
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--precision" -> precision = Precision.fromLabel(args[++k]);
                case "--cpu-only" -> cpuOnly = true;
                case "--out" -> out = Path.of(args[++k]);
                case "--cases" -> cases = Arrays.asList(args[++k].split(","));
                case "--algo" -> algo = args[++k];
                case "--model" -> model = args[++k];
                case "--updates" -> updates = args[++k];
                default -> throw new IllegalArgumentException("unknown option '" + args[k]
                        + "': use --precision double|float, --cpu-only, --out FILE, --cases SPEC:B,..., --algo NAME,"
                        + " --model NAME|FILE, --updates simultaneous|alternating");
            }
        }
        SolverConfig config = solver(algo, model, updates).withPrecision(precision);
        BackendAvailability cuda = new CudaBackend().availability();
        printEnvironment(cuda);
        if (!cpuOnly && !cuda.available()) {
            System.out.println("ERROR the cuda backend is unavailable: " + cuda.reason());
            System.exit(2);
        }
        double copyGBps = cpuOnly ? Double.NaN : CudaCopyBandwidth.measureGBps(1L << 30, 9);
        System.out.printf(Locale.ROOT, "RESULT bench=cuda measure=copy_bandwidth bytes=%d GBps=%.1f%n", 1L << 30,
                copyGBps);
        List<Measurement> results = new ArrayList<>();
        for (String c : cases) {
            int colon = c.lastIndexOf(':');
            String spec = c.substring(0, colon);
            int batch = Integer.parseInt(c.substring(colon + 1));
            Measurement m = measure(spec, batch, config, cpuOnly);
            results.add(m);
            print(m, config, copyGBps);
        }
        if (out != null) {
            writeTable(out, results, config, copyGBps, cuda);
        }
    }

    /** The preset {@code algo} (with the model {@code model} for npcfr / npcfr+) and the update mode, if given. */
    static SolverConfig solver(String algo, String model, String updates) {
        if (SolverConfig.needsModel(algo) && model == null) {
            throw new IllegalArgumentException("--algo " + algo + " needs --model NAME|FILE (e.g. leduc_poker)");
        }
        SolverConfig config = SolverConfig.needsModel(algo) ? SolverConfig.preset(algo, ShippedModels.resolve(model))
                : SolverConfig.preset(algo);
        return updates == null ? config : config.withUpdates(UpdateMode.fromLabel(updates));
    }

    private static void printEnvironment(BackendAvailability cuda) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "ENV commit=%s java=%s processors=%d max_heap_mib=%d cuda=%s%n",
                System.getProperty("nashforge.commit", "unknown"), System.getProperty("java.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20,
                (cuda.available() ? cuda.device() : "unavailable: " + cuda.reason()).replace('\n', ' '));
    }

    static Measurement measure(String spec, int batchSize, SolverConfig config, boolean cpuOnly) {
        CompiledGame game = GameCompiler.compile(GameCatalog.game(spec));
        GameBatch batch = GameBatch.replicate(game.structure(), game.instance(), batchSize);
        double deviceMs = Double.NaN;
        double wallMs = Double.NaN;
        long bytes = 0;
        String paths = "";
        String error = "";
        if (!cpuOnly) {
            try (CudaSolverSession s = (CudaSolverSession) new CudaBackend().open(batch, config)) {
                RegretMinimizer solver = new RegretMinimizer(s);
                long warmStart = System.nanoTime();
                int warm = 0;
                while (warm < 20 || System.nanoTime() - warmStart < WARMUP_SECONDS * 1e9) {
                    solver.iterate();
                    warm++;
                }
                s.synchronize();
                double perIteration = (System.nanoTime() - warmStart) / 1e9 / warm;
                int k = (int) Math.max(1, Math.min(1_000_000, ROUND_SECONDS / perIteration));
                double[] device = new double[ROUNDS];
                double[] wall = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    long start = System.nanoTime();
                    device[r] = s.deviceMillis(() -> {
                        for (int t = 0; t < k; t++) {
                            solver.iterate();
                        }
                    }) / k;
                    wall[r] = (System.nanoTime() - start) / 1e6 / k;
                }
                deviceMs = median(device);
                wallMs = median(wall);
                bytes = s.bytesPerIteration();
                paths = s.paths().describe();
            } catch (RuntimeException e) {
                error = "cuda: " + e;
            }
        }
        CpuBackend cpu = new CpuBackend();
        double cpuMs = Double.NaN;
        try (SolverSession s = cpu.open(batch, config)) {
            RegretMinimizer solver = new RegretMinimizer(s);
            long start = System.nanoTime();
            solver.iterate();
            double first = (System.nanoTime() - start) / 1e9;
            int k = (int) Math.max(1, Math.min(100_000, ROUND_SECONDS / Math.max(first, 1e-7)));
            double[] rounds = new double[ROUNDS];
            for (int r = -2; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                for (int t = 0; t < k; t++) {
                    solver.iterate();
                }
                if (r >= 0) {
                    rounds[r] = (System.nanoTime() - t0) / 1e6 / k;
                }
            }
            cpuMs = median(rounds);
        } catch (RuntimeException e) {
            error = (error.isEmpty() ? "" : error + "; ") + "cpu: " + e;
        }
        return new Measurement(spec, batchSize, deviceMs, wallMs, bytes, cpuMs, cpu.threads(), paths, error);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void print(Measurement m, SolverConfig config, double copyGBps) {
        double achieved = m.bytesPerIteration() / (m.cudaDeviceMs() * 1e-3) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT bench=cuda game=%s batch=%d algorithm=%s updates=%s precision=%s "
                        + "cuda_device_ms_per_iter=%.5f cuda_wall_ms_per_iter=%.5f instance_iters_per_s=%.4g "
                        + "bytes_per_iter=%d achieved_GBps=%.1f copy_GBps=%.1f pct_of_copy=%.1f cpu_ms_per_iter=%.5f "
                        + "cpu_threads=%d speedup=%.2f paths=\"%s\" error=\"%s\"%n",
                m.game(), m.batch(), config.algorithm(), config.updates().label(), config.precision().label(),
                m.cudaDeviceMs(), m.cudaWallMs(), m.batch() / (m.cudaWallMs() * 1e-3), m.bytesPerIteration(), achieved,
                copyGBps, 100 * achieved / copyGBps, m.cpuMs(), m.cpuThreads(), m.cpuMs() / m.cudaWallMs(), m.paths(),
                m.error());
    }

    private static void writeTable(Path out, List<Measurement> results, SolverConfig config, double copyGBps,
                                   BackendAvailability cuda) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Device: %s. Copy bandwidth (device-to-device, read + write): %.0f GB/s. "
                        + "Algorithm: %s, %s precision.%n%n", cuda.available() ? cuda.device() : "none",
                copyGBps, config.describe(), config.precision().label()));
        sb.append("| game | B | CUDA ms/iter (device) | CUDA ms/iter (wall) | instance-iter/s | GB/iter | achieved GB/s "
                + "| % of copy | CPU ms/iter (threads) | speedup |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : results) {
            double achieved = m.bytesPerIteration() / (m.cudaDeviceMs() * 1e-3) / 1e9;
            sb.append(String.format(Locale.ROOT, "| `%s` | %d | %.4f | %.4f | %.3g | %.4f | %.0f | %.1f | %.3f (%d) | "
                            + "%.1f |%n", m.game(), m.batch(), m.cudaDeviceMs(), m.cudaWallMs(),
                    m.batch() / (m.cudaWallMs() * 1e-3), m.bytesPerIteration() / 1e9, achieved,
                    100 * achieved / copyGBps, m.cpuMs(), m.cpuThreads(), m.cpuMs() / m.cudaWallMs()));
        }
        for (Measurement m : results) {
            if (!m.error().isEmpty()) {
                sb.append("\nError in ").append(m.game()).append(" B=").append(m.batch()).append(": ")
                        .append(m.error()).append('\n');
            }
        }
        try {
            Files.writeString(out, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + out, e);
        }
    }
}

package dev.nashforge.cli;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.CatalogException;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.CheckpointSchedule;
import dev.nashforge.host.run.RunOptions;
import dev.nashforge.host.run.RunRecord;
import dev.nashforge.host.run.SolveResult;
import dev.nashforge.host.run.SolveRun;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.SolverConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nash compare DISTRIBUTION --algos LIST --iterations T --instances K}: the paper's comparison (method.md
 * §7). Samples K held-out instances ({@link CompareSeeds}: never a training or model-selection game), runs every
 * algorithm as one {@link SolveRun} on that batch, and reports per algorithm at T = 16, 32, … (powers of two) and T
 * the NashGap of the average profile (median, p90), the CCEGap and total correlation of the joint play (medians)
 * and the fractions of instances with NashGap below 1e-3 and 1e-5 — as text, JSON ({@link CompareJson}) and a
 * chart ({@link ComparePlot}). Progress on stderr. Ctrl-C, SIGTERM or SIGHUP ({@link StopSignals}) ends the
 * comparison after the iteration in progress (saved with {@code --state DIR}), prints what was measured so far and
 * exits with 128 + the signal's number.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare regret minimizers and the meta-learned NPCFR(+) on K held-out instances of a game "
                + "distribution: NashGap (median, p90), CCEGap, total correlation and the fraction of instances "
                + "solved below 1e-3 and 1e-5, at T = 16, 32, ..., --iterations.",
        footerHeading = "%nShipped models (--model NAME; 'nash models' for details):%n",
        footer = {"  biased_shapley   npcfr+, GRU-32, trained on biased_shapley (used by default for it)",
                "  biased_leduc     npcfr+, GRU-8, general-sum two-player Leduc (used by default for biased_leduc)",
                "  leduc_poker      npcfr+, GRU-8, three-player Leduc with perturbed chance (used by default for "
                        + "leduc_poker)",
                "%nExamples:%n",
                "  ./nash compare biased_shapley --iterations 16384 --instances 32",
                "  ./nash compare biased_shapley --algos npcfr+,pcfr+ --iterations 4096 --instances 8 --json",
                "  ./nash compare 'biased_shapley(noise=0.3)' --model biased_shapley --iterations 16384 --plot c.png",
                "  ./nash compare biased_shapley --algos npcfr+,npcfr+@alternating,pcfr+,pcfr+@simultaneous "
                        + "--iterations 1024 --instances 8",
                "  ./nash compare 'leduc_poker(players=3,noise=0)' --algos npcfr+,pcfr+ --instances 1 --state runs/l3"
                        + "   (rerun after a crash: it continues)",
                "%nEvaluation seed: E = 2*seed+1 (odd), while training minibatches use even seeds; E is never a "
                        + "model's held-out seed."})
final class CompareCommand implements Runnable {

    /** The algorithms compared by default. */
    static final String DEFAULT_ALGOS = "npcfr+,npcfr,cfr+,pcfr+,dcfr,lcfr,cfr";
    /** The first reported checkpoint. */
    static final int FIRST_CHECKPOINT = 16;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DISTRIBUTION", description = "Game distribution (catalog spec with "
            + "distribution parameters, e.g. biased_shapley or 'leduc_poker(noise=0.05)'); a game spec without "
            + "distribution parameters uses its family's default distribution.")
    String distribution;

    @Option(names = "--algos", paramLabel = "LIST", defaultValue = DEFAULT_ALGOS, description = "Comma-separated "
            + "algorithms, each with its own defaults (npcfr and npcfr+ their model's mode, the others alternating); "
            + "ALGO@simultaneous or ALGO@alternating chooses the update mode, so both modes of one algorithm can be "
            + "compared (default ${DEFAULT-VALUE}).")
    String algos;

    @Option(names = "--model", paramLabel = "NAME|FILE", description = ModelArgument.DESCRIPTION)
    String model;

    @Option(names = "--iterations", paramLabel = "T", defaultValue = "16384", description = "Iterations per run, at "
            + "least 16 (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--instances", paramLabel = "K", defaultValue = "32", description = "Held-out instances (default "
            + "${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Evaluation seed index: instances "
            + "are sampled with seed 2*S+1 (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backend", paramLabel = "auto|NAME", defaultValue = BackendRegistry.AUTO,
            description = BackendArgument.DESCRIPTION)
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the cpu backend.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object (see README.md, 'nash compare').")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "Draw the median NashGap of every "
            + "algorithm against iterations (log-log).")
    Path plot;

    @Option(names = "--progress", paramLabel = "auto|always|log|never", defaultValue = "auto",
            description = "Progress on stderr: auto (after a second: a bar on a terminal, log lines otherwise),"
                    + " always (the bar), log (a line every 30 s and at the end) or never. Default: ${DEFAULT-VALUE}.")
    String progress;

    @Option(names = "--state", paramLabel = "DIR", description = "Keep every algorithm's resumable solver state in "
            + "DIR (created if missing; one file ALGO@UPDATES.state each, replaced atomically at every checkpoint, "
            + "at least once a minute, and on Ctrl-C/SIGTERM before stopping). Rerunning the same command with the "
            + "same DIR continues the unfinished runs and reuses the finished ones; a file written by another "
            + "comparison is an error.")
    Path state;

    /** With {@code --state}: the longest time between two saves of a running algorithm. */
    static final Duration STATE_INTERVAL = Duration.ofMinutes(1);

    @Override
    public void run() {
        if (iterations < FIRST_CHECKPOINT) {
            throw usage("--iterations must be at least " + FIRST_CHECKPOINT + ", got " + iterations);
        }
        if (instances < 1) {
            throw usage("--instances must be at least 1, got " + instances);
        }
        if (plot != null) {
            try {
                ConvergencePlot.format(plot);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        ProgressMode mode = ProgressMode.parse(spec, progress);
        GameDistribution dist;
        try {
            dist = GameCatalog.distribution(distribution);
        } catch (CatalogException e) {
            throw usage(e.getMessage());
        }
        List<SolverArgument.Resolved> configs = new ArrayList<>();
        Map<String, LearnedModel> models = new LinkedHashMap<>();
        for (String a : algos.split(",")) {
            if (a.isBlank()) {
                throw usage("--algos " + algos + ": an empty algorithm name");
            }
            String entry = a.trim();
            int at = entry.lastIndexOf('@');
            String name = at < 0 ? entry : entry.substring(0, at).trim();
            String updates = at < 0 ? null : entry.substring(at + 1).trim();
            if (name.isEmpty() || (updates != null && updates.isEmpty())) {
                throw usage("--algos " + algos + ": '" + entry + "' is not ALGO or ALGO@simultaneous|alternating");
            }
            String modelArg = SolverConfig.needsModel(name) ? model : null;
            SolverArgument.Resolved r = SolverArgument.resolve(spec, name, modelArg, distribution, null, null,
                    null, updates, null, null);
            if (configs.stream().anyMatch(c -> label(c.config()).equals(label(r.config())))) {
                throw usage("--algos " + algos + ": " + entry + " is listed twice (as " + label(r.config()) + ")");
            }
            configs.add(r);
            if (r.config().model() != null) {
                models.put(r.config().model().name(), r.config().model());
            }
        }
        if (model != null && models.isEmpty()) {
            throw usage("--model applies only to npcfr and npcfr+, and --algos " + algos + " has neither");
        }
        long evaluationSeed = CompareSeeds.evaluationSeed(seed, models.values());
        BackendArgument.Chosen chosen = BackendArgument.select(spec, BackendRegistry.discover(), backend, threads,
                Precision.DOUBLE, configs.get(0).config());
        for (SolverArgument.Resolved r : configs) {
            BackendArgument.select(spec, BackendRegistry.discover(), chosen.backend().name(), threads,
                    Precision.DOUBLE, r.config());
        }
        if (state != null) {
            try {
                Files.createDirectories(state);
            } catch (IOException e) {
                throw usage("--state " + state + ": cannot use it as a directory (" + e.getMessage() + ")");
            }
        }
        GameBatch batch = dist.sample(instances, evaluationSeed);
        CheckpointSchedule schedule = schedule(iterations);
        PrintWriter err = spec.commandLine().getErr();
        List<CompareResult.AlgorithmResult> results = new ArrayList<>();
        String stoppedBy = null;
        try (StopSignals signals = StopSignals.install(err, "stopping after the current iteration"
                + (state == null ? " (no --state DIR: the comparison cannot be continued)"
                : " and saving the state in " + state))) {
            for (int k = 0; k < configs.size() && stoppedBy == null; k++) {
                SolverConfig config = configs.get(k).config();
                ProgressBar bar = new ProgressBar(err, "compare", label(config) + " (" + (k + 1) + "/" + configs.size()
                        + ") " + dist.name() + " x" + instances, mode, System::nanoTime);
                RunOptions options = RunOptions.of(iterations).withCheckpoints(schedule).withTrackJointPlay(true)
                        .withProgress(bar).withStop(signals);
                Path file = state == null ? null : state.resolve(label(config) + ".state");
                if (file != null) {
                    options = options.withStateFile(file, true).withStateInterval(STATE_INTERVAL);
                }
                SolveResult run;
                try {
                    run = SolveRun.run(chosen.backend(), batch, config, options);
                } finally {
                    bar.finish();
                }
                RunRecord record = run.record();
                if (record.resumedFrom() > 0) {
                    err.println("compare: " + label(config) + " continued from " + file + " at iteration "
                            + record.resumedFrom() + (record.resumedFrom() == iterations ? " (already finished)" : ""));
                    err.flush();
                }
                results.add(CompareResult.AlgorithmResult.of(config, record));
                if (run.stopped()) {
                    stoppedBy = signals.signal();
                }
            }
        }
        List<String> notRun = configs.subList(results.size(), configs.size()).stream()
                .map(r -> label(r.config())).toList();
        CompareResult result = new CompareResult(dist.name(), batch.structure().name(), instances, seed,
                evaluationSeed, chosen, new ArrayList<>(models.values()), iterations, results, stoppedBy, notRun);
        // a comparison stopped before its first checkpoint has nothing to draw
        Path drawn = plot != null && !result.checkpointIterations().isEmpty() ? plot : null;
        if (drawn != null) {
            ComparePlot.write(drawn, result);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, CompareJson.of(result, drawn));
        } else {
            CompareText.print(out, result, drawn);
        }
        if (stoppedBy != null) {
            CompareResult.AlgorithmResult last = results.get(results.size() - 1);
            throw new RunStoppedException(stoppedBy, "comparison stopped by " + stoppedBy
                    + " in " + label(last.config()) + " (" + results.size() + "/" + configs.size() + ") at iteration "
                    + last.record().iterations() + " of " + iterations + (state == null
                    ? "; without --state DIR it cannot be continued (the tables above are what it measured)"
                    : "; every algorithm run so far is saved in " + state + ": run the same command again to"
                    + " continue"));
        }
    }

    /**
     * The name of an algorithm's rows in the tables, the JSON and the plot: {@code ALGO@simultaneous} or
     * {@code ALGO@alternating}, so that one comparison can hold both update modes of the same algorithm.
     */
    static String label(SolverConfig config) {
        return config.algorithm() + "@" + config.updates().label();
    }

    /** 16, 32, 64, … up to T, and T. */
    static CheckpointSchedule schedule(int total) {
        List<Integer> list = new ArrayList<>();
        for (long t = FIRST_CHECKPOINT; t <= total; t *= 2) {
            list.add((int) t);
        }
        list.add(total);
        return CheckpointSchedule.of(list.stream().mapToInt(Integer::intValue).toArray());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), CliErrorHandler.oneLine(message));
    }
}

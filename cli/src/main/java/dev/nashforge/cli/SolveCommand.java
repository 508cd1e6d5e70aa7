package dev.nashforge.cli;

import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.run.CheckpointSchedule;
import dev.nashforge.host.run.RunOptions;
import dev.nashforge.host.run.SolveResult;
import dev.nashforge.host.run.SolveRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code nash solve GAME --algo ALGO --iterations T [...]}: runs a regret minimizer of method.md §3 on a backend
 * ({@link SolveRun}) and reports, at every checkpoint, the NashGap of the average profile and of the last
 * iterate, the CCEGap and total correlation of the weighted joint play, and the per-player deviation incentives
 * and expected values (method.md §4), as a text table or as JSON ({@link SolveJson}). Optionally writes the
 * average profile ({@link SavedProfiles}), a log-log chart ({@link ConvergencePlot}) and a resumable solver
 * state file. Usage errors are detected before anything runs. Ctrl-C, SIGTERM or SIGHUP ({@link StopSignals})
 * ends the run after the iteration in progress, saved to the state file, prints the checkpoints reached and exits
 * with 128 + the signal's number.
 */
@Command(name = "solve",
        mixinStandardHelpOptions = true,
        description = "Run a regret minimizer (CFR family) on a game or a batch of sampled games and report the "
                + "NashGap of the average profile and of the last iterate, the CCEGap and the total correlation at "
                + "checkpoints.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash solve leduc_poker --algo cfr+ --iterations 1024 --checkpoints pow2",
                "  ./nash solve kuhn_poker --algo dcfr --alpha 2 --iterations 1000 --json",
                "  ./nash solve biased_shapley --algo rm+ --iterations 4096 --batch 64 \\",
                "      --distribution 'biased_shapley(noise=0.05)' --seed 1 --plot shapley.png",
                "  ./nash solve biased_shapley --algo npcfr+ --model biased_shapley --iterations 16384 --batch 8 \\",
                "      --distribution biased_shapley --seed 3",
                "  ./nash solve leduc_poker --algo cfr+ --iterations 100000 --state run.bin",
                "  ./nash solve leduc_poker --algo cfr+ --iterations 100000 --resume run.bin",
                "      (continues a stopped run from its last checkpoint)",
                "%nDefaults of each algorithm (update mode, averaging weights) are printed with every result."})
final class SolveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GAME", description = GameArgument.DESCRIPTION)
    String game;

    @Option(names = "--algo", required = true, paramLabel = "ALGO", description = SolverArgument.ALGO_DESCRIPTION)
    String algo;

    @Option(names = "--model", paramLabel = "NAME|FILE", description = ModelArgument.DESCRIPTION)
    String model;

    @Option(names = "--alpha", paramLabel = "A", description = "DCFR's alpha: positive regrets are scaled by "
            + "t^A/(t^A+1) (dcfr only; default 1.5).")
    Double alpha;

    @Option(names = "--beta", paramLabel = "B", description = "DCFR's beta: negative regrets are scaled by "
            + "t^B/(t^B+1) (dcfr only; default 0).")
    Double beta;

    @Option(names = "--gamma", paramLabel = "G", description = "DCFR's gamma: averaging weights w_t = t^G (dcfr "
            + "only; default 2).")
    Double gamma;

    @Option(names = "--iterations", required = true, paramLabel = "T", description = "Number of iterations (>= 1).")
    int iterations;

    @Option(names = "--updates", paramLabel = "simultaneous|alternating", description = "Update mode; default: the "
            + "algorithm's (alternating for cfr, cfr+, lcfr, dcfr, pcfr+; simultaneous for rm, rm+, prm+; for npcfr and npcfr+ "
            + "the mode their model was trained in, simultaneous for the shipped ones).")
    String updates;

    @Option(names = "--averaging", paramLabel = "uniform|linear|quadratic|EXP", description = "Averaging weights "
            + "w_t = 1, t, t^2 or t^EXP; default: the algorithm's (uniform for cfr/rm, linear for cfr+/lcfr/rm+, "
            + "quadratic for pcfr+/prm+/npcfr+, uniform for npcfr, t^gamma for dcfr).")
    String averaging;

    @Option(names = "--checkpoints", paramLabel = "pow2|LIST", defaultValue = "pow2",
            description = CheckpointsArgument.DESCRIPTION)
    String checkpoints;

    @Option(names = "--batch", paramLabel = "B", description = "Solve B instances at once: sampled from "
            + "--distribution, else B identical copies of GAME. Selects the batch output (per-instance arrays with "
            + "median, p10, p90, max and the fractions below 1e-3 and 1e-5).")
    Integer batch;

    @Option(names = "--distribution", paramLabel = "NAME", description = "Distribution to sample the instances "
            + "from: a spec of GAME's family with distribution parameters, e.g. 'leduc_poker(noise=0.05)'; its game "
            + "parameters default to GAME's (see 'nash games').")
    String distribution;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sampling (with --distribution; default 0).")
    Long seed;

    @Option(names = "--backend", paramLabel = "auto|NAME", defaultValue = BackendRegistry.AUTO,
            description = BackendArgument.DESCRIPTION)
    String backend;

    @Option(names = "--precision", paramLabel = "double|float", description = "Precision of the solver state and "
            + "arithmetic on the backend (metrics are always exact doubles). Default: double.")
    String precision;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the cpu backend (default: the "
            + "number of processors).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object (see README.md for the keys).")
    boolean json;

    @Option(names = "--save-profile", paramLabel = "FILE", description = "Write the average profile in the profile "
            + "format of 'nash eval --profile'; with B > 1 one file per instance, FILE with -0, -1, ... before the "
            + "extension.")
    Path saveProfile;

    @Option(names = "--state", paramLabel = "FILE", description = "Write the resumable solver state to FILE at every "
            + "checkpoint, every --state-interval seconds and on Ctrl-C/SIGTERM before stopping (replaced atomically; "
            + "an existing FILE is overwritten).")
    Path state;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the run stored in FILE (written by "
            + "--state or --resume with the same game, instances and algorithm settings) up to T iterations, and keep "
            + "writing FILE as --state does.")
    Path resume;

    @Option(names = "--state-interval", paramLabel = "SECONDS", defaultValue = "60", description = "With --state or "
            + "--resume: also save whenever this many seconds have passed since the last save, so a crash loses at "
            + "most about that much work; 0 saves after every iteration (default ${DEFAULT-VALUE}).")
    double stateInterval;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "Draw NashGap against iterations "
            + "(log-log, average and last iterate; median and p10-p90 band for a batch) to a PNG or SVG file.")
    Path plot;

    @Option(names = "--progress", paramLabel = "auto|always|log|never", defaultValue = "auto",
            description = "Progress on stderr: auto (after a second: a bar on a terminal, log lines otherwise),"
                    + " always (the bar), log (a line every 30 s and at the end) or never. Default: ${DEFAULT-VALUE}.")
    String progress;

    @Override
    public void run() {
        if (iterations < 1) {
            throw usage("--iterations must be at least 1, got " + iterations);
        }
        if (state != null && resume != null) {
            throw usage("--state and --resume both name a state file; use --resume FILE alone to continue a run (it"
                    + " keeps writing FILE)");
        }
        if (plot != null) {
            try {
                ConvergencePlot.format(plot);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        if (!(stateInterval >= 0) || stateInterval > 1e9) {
            throw usage("--state-interval must be a number of seconds from 0 to 1e9, got " + stateInterval);
        }
        ProgressMode progressMode = ProgressMode.parse(spec, progress);
        CheckpointSchedule schedule = CheckpointsArgument.resolve(spec, checkpoints, iterations);
        SolverArgument.Resolved solver = SolverArgument.resolve(spec, algo, model,
                distribution != null ? distribution : game, alpha, beta, gamma, updates, averaging, precision);
        InstancesArgument.Instances instances = InstancesArgument.resolve(spec, game, batch, distribution, seed);
        if (resume != null && !Files.isRegularFile(resume)) {
            throw new IllegalArgumentException("--resume " + resume + ": no such state file; start the run with"
                    + " --state " + resume + " to create it");
        }
        // the backend last: probing one can take seconds (OpenCL, CUDA), so every mistake in the cheaper
        // arguments above is reported first
        BackendArgument.Chosen chosen = BackendArgument.select(spec, BackendRegistry.discover(), backend, threads,
                solver.config().precision(), solver.config());
        Path stateFile = resume != null ? resume : state;
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, solver.config().algorithm() + " " + instances.batch().structure().name(),
                progressMode);
        SolveResult result;
        String stoppedBy;
        try (StopSignals signals = StopSignals.install(err, "stopping after the current iteration"
                + (stateFile == null ? " (no --state file: the run cannot be continued)"
                : " and saving the state to " + stateFile))) {
            RunOptions options = RunOptions.of(iterations).withCheckpoints(schedule).withTrackJointPlay(true)
                    .withStateFile(stateFile, resume != null)
                    .withStateInterval(Duration.ofNanos(Math.round(stateInterval * 1e9))).withProgress(bar)
                    .withStop(signals);
            try {
                result = SolveRun.run(chosen.backend(), instances.batch(), solver.config(), options);
            } finally {
                bar.finish();
            }
            stoppedBy = result.stopped() ? signals.signal() : null;
        }
        List<Path> profiles = saveProfile == null ? List.of()
                : SavedProfiles.write(saveProfile, instances.batch().structure(), result.averageBehaviour());
        SolveOutcome outcome = new SolveOutcome(instances, solver, chosen, result.record(), stateFile, profiles, plot,
                iterations, stoppedBy);
        if (plot != null) {
            ConvergencePlot.write(plot, outcome);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, SolveJson.of(outcome));
        } else {
            SolveText.print(out, outcome);
        }
        if (stoppedBy != null) {
            throw new RunStoppedException(stoppedBy, stoppedMessage(outcome));
        }
    }

    /** What a stopped run kept, and how to continue it. */
    private String stoppedMessage(SolveOutcome o) {
        String at = "stopped by " + o.stoppedBy() + " at iteration " + o.record().iterations() + " of " + o.requested();
        String profile = o.profiles().isEmpty() ? "" : "; the average profile after iteration "
                + o.record().iterations() + " is saved (--save-profile)";
        if (o.stateFile() == null) {
            return at + "; without --state FILE the run cannot be continued (the checkpoints above are what it"
                    + " measured)" + profile;
        }
        return at + "; the state is saved in " + o.stateFile() + ": continue with the same command"
                + (resume != null ? "" : ", --resume " + o.stateFile() + " in place of --state " + o.stateFile())
                + profile;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), CliErrorHandler.oneLine(message));
    }
}

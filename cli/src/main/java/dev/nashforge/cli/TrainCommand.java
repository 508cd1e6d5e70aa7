package dev.nashforge.cli;

import dev.nashforge.games.catalog.CatalogException;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.LossSchedule;
import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.ModelFormatException;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.IterationFeature;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.train.EvolutionStrategies;
import dev.nashforge.host.meta.train.HeadStart;
import dev.nashforge.host.meta.train.Optimizer;
import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingDivergedException;
import dev.nashforge.host.meta.train.TrainingResult;
import dev.nashforge.host.meta.train.TrainingStoppedException;
import dev.nashforge.host.meta.train.WarmStart;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.host.solver.UpdateMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code nash train --distribution NAME --out MODEL [...]}: meta-trains an NPCFR / NPCFR+ predictor
 * ({@link MetaTrainer}, method.md §5) and writes the model file. Every default is the measured biased-Shapley recipe
 * ({@link TrainingConfig#biasedShapleyDefaults}). The training checkpoint {@code MODEL.ckpt} is written atomically at
 * every held-out evaluation and at least once a minute; {@code --resume} continues from it. A NaN or diverging loss
 * stops training with a one-line error and exit 1, keeping the last good checkpoint. Ctrl-C, SIGTERM or SIGHUP
 * ({@link StopSignals}) saves the step in progress to the checkpoint and exits with 128 + the signal's number,
 * without writing the model. Progress (step, loss, held-out NashGap) on stderr.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = "Meta-train the NPCFR(+) predictor network on a distribution of games and write a model file "
                + "for 'nash solve --algo npcfr+ --model FILE' and 'nash compare'. Defaults: the measured "
                + "biased-Shapley recipe (GRU-32 without iteration feature, npcfr+, T=64, loss TC+NashGap with "
                + "linear weights, 2000 steps of 16 games, Adam 1e-3, clip 1).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash train --distribution biased_shapley --out my.npcfr",
                "  ./nash train --distribution 'biased_shapley(noise=0.2)' --steps 500 --out noisy.npcfr --seed 3",
                "  ./nash train --distribution biased_shapley --out my.npcfr --resume   (continues my.npcfr.ckpt)"})
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--distribution", required = true, paramLabel = "NAME", description = "Training distribution: a "
            + "catalog spec with distribution parameters, e.g. biased_shapley or 'leduc_poker(noise=0.05)'.")
    String distribution;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (atomically); "
            + "the training checkpoint is MODEL.ckpt, written at every held-out evaluation, at least once a "
            + "minute and on Ctrl-C/SIGTERM before stopping.")
    Path out;

    @Option(names = "--horizon", paramLabel = "T", defaultValue = "64", description = "Unrolled iterations per game "
            + "(default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "0", description = "Largest forward-only warm-up "
            + "before the T unrolled iterations: each game draws one of 0, T, 2T, 4T, ... up to W, and the "
            + "meta-gradient is truncated there, so the predictor also learns the late phase of long runs; the "
            + "held-out NashGap is measured after W+T iterations (default ${DEFAULT-VALUE}: none).")
    int warmup;

    @Option(names = "--init", paramLabel = "MODEL", description = "Start from the weights of this model (a shipped "
            + "model's name or a .npcfr file) instead of drawing them from the seed: fine-tuning, e.g. a "
            + "two-player model from the three-player one. The network and the solver are the model's; the model file "
            + "records where the weights came from.")
    String init;

    @Option(names = "--estimator", paramLabel = "reverse|es", defaultValue = "reverse", description = "Meta-gradient: "
            + "reverse (reverse mode through the T unrolled iterations, exact) or es (antithetic evolution strategies: "
            + "the gradient of the Gaussian-smoothed loss from forward runs only; for long horizons, where the exact "
            + "gradient explodes; default ${DEFAULT-VALUE}).")
    String estimator;

    @Option(names = "--es-sigma", paramLabel = "SIGMA", defaultValue = "0.02", description = "With --estimator es: "
            + "standard deviation of the weight perturbations (default ${DEFAULT-VALUE}).")
    double esSigma;

    @Option(names = "--es-pairs", paramLabel = "K", defaultValue = "8", description = "With --estimator es: "
            + "antithetic pairs of perturbations per step, 2K forward runs per game (default ${DEFAULT-VALUE}).")
    int esPairs;

    @Option(names = "--es-head-only", description = "With --estimator es: perturb and train only the network's "
            + "output head (H + F + 1 weights), keeping the rest at the initial (or --init) weights.")
    boolean esHeadOnly;

    @Option(names = "--optimizer", paramLabel = "adam|sgd", defaultValue = "adam", description = "Update rule: adam, "
            + "or sgd (theta -= LR * clipped gradient: steps proportional to the gradient, for noisy --estimator es "
            + "estimates; default ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--updates", paramLabel = "simultaneous|alternating", defaultValue = "simultaneous",
            description = "Update mode of the unrolled solver: simultaneous, or alternating (players in turn, each "
            + "against the others' newest plans, as NPCFR then runs by default with this model; default "
            + "${DEFAULT-VALUE}).")
    String updates;

    @Option(names = "--head-start", paramLabel = "random|regret", defaultValue = "random", description = "How the "
            + "head's weights on the hidden state start: random (small weights from the seed; default ${DEFAULT-VALUE}) "
            + "or regret (zero: the untrained network predicts m = B*tanh(r/B), PCFR+'s prediction damped near the "
            + "bound; with --init, the model's other weights are kept).")
    String headStart;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "2000", description = "Optimizer steps (default "
            + "${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "16", description = "Games per minibatch (default "
            + "${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The one seed (weights, "
            + "minibatches, held-out games; default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue from MODEL.ckpt (same settings; --steps may grow).")
    boolean resume;

    @Option(names = "--solver", paramLabel = "npcfr+|npcfr", defaultValue = "npcfr+", description = "Solver the "
            + "predictor is trained for (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--cell", paramLabel = "gru|mlp", defaultValue = "gru", description = "Network cell (default "
            + "${DEFAULT-VALUE}).")
    String cell;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "32", description = "Units per layer (default "
            + "${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--iteration-feature", paramLabel = "none|inv_sqrt_t|log_t", defaultValue = "none",
            description = "Iteration feature of the network (default ${DEFAULT-VALUE}).")
    String iterationFeature;

    @Option(names = "--loss", paramLabel = "TC,NASHGAP,CCEGAP[,LAST]", defaultValue = "1,1,0", description = "Weights "
            + "of total correlation, NashGap and CCEGap (of the averages) in the meta-loss, and optionally of the "
            + "last iterate's NashGap (the profile of each iteration itself; default ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--loss-schedule", paramLabel = "linear|uniform|final", defaultValue = "linear",
            description = "Weights lambda_t over the unrolled iterations (default ${DEFAULT-VALUE}).")
    String lossSchedule;

    @Option(names = "--loss-scale", paramLabel = "linear|log", defaultValue = "linear", description = "Each game's "
            + "meta-loss as the weighted sum itself (linear) or its logarithm (log: every game counts by its relative "
            + "improvement, useful with --warmup, where late games have gaps orders of magnitude smaller; default "
            + "${DEFAULT-VALUE}).")
    String lossScale;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "1e-3", description = "Step size of the optimizer "
            + "(default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1", description = "Global-norm gradient clipping, 0 "
            + "for none (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--eval-size", paramLabel = "K", defaultValue = "32", description = "Held-out games (default "
            + "${DEFAULT-VALUE}).")
    int evalSize;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "250", description = "Steps between held-out "
            + "evaluations and checkpoints (default ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--recompute", paramLabel = "K", defaultValue = "0", description = "Reverse-mode checkpoint "
            + "interval: 0 stores every unrolled iteration, K > 0 recomputes segments of K to save memory.")
    int recompute;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: the number of "
            + "processors).")
    Integer threads;

    @Option(names = "--progress", paramLabel = "auto|always|log|never", defaultValue = "auto",
            description = "Progress on stderr: auto (after a second: a bar on a terminal, log lines otherwise),"
                    + " always (the bar), log (a line every 30 s and at the end) or never. Default: ${DEFAULT-VALUE}.")
    String progress;

    @Option(names = "--json", description = "Print one JSON object instead of the summary (see README.md, 'nash "
            + "train'); progress stays on stderr.")
    boolean json;

    @Override
    public void run() {
        TrainingConfig config = config();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw usage("--threads must be at least 1, got " + workers);
        }
        Path checkpoint = checkpointOf(out);
        if (Files.exists(checkpoint) && !resume) {
            throw new IllegalArgumentException("training checkpoint " + checkpoint + " exists: add --resume to continue"
                    + " it, or delete it to start over");
        }
        if (resume && !Files.exists(checkpoint)) {
            throw new IllegalArgumentException("--resume: no training checkpoint " + checkpoint + "; start without"
                    + " --resume");
        }
        MetaTrainer trainer;
        try {
            trainer = initialModel == null ? new MetaTrainer(config, workers)
                    : new MetaTrainer(config, workers, initialModel.model().parameters());
        } catch (CatalogException e) {
            throw usage("--distribution " + distribution + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        TrainingProgressLine line = new TrainingProgressLine(err, distribution, ProgressMode.parse(spec, progress));
        TrainingResult result;
        try (StopSignals signals = StopSignals.install(err, "stopping after the current step and saving it to "
                + checkpoint)) {
            try {
                result = trainer.withStop(signals).train(checkpoint, line);
            } catch (TrainingStoppedException e) {
                throw new RunStoppedException(signals.signal(), "training stopped by "
                        + signals.signal() + " after step " + e.step() + " of " + e.totalSteps() + "; the checkpoint "
                        + checkpoint + " holds it: continue with the same command" + (resume ? "" : " plus --resume")
                        + " (" + out + " is written when training completes; to write it from step " + e.step()
                        + " now, add --resume --steps " + e.step() + ")");
            }
        } catch (TrainingDivergedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            line.finish();
        }
        try {
            ModelFile.write(out, result.model());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("could not write the model " + out + ": " + e.getMessage(), e.getCause());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(o, TrainJson.of(out, checkpoint, result, config, trainer.evaluationSeed(), workers));
            return;
        }
        o.printf(Locale.ROOT, "trained %s for %s on %s: %d steps, final loss %s, held-out median NashGap after %d iterations:"
                        + " %s (%d held-out games, seed %d)%n",
                config.architecture().cell() + "-" + config.architecture().hiddenSize(),
                config.variant() == SolverVariant.NPCFR_PLUS ? "npcfr+" : "npcfr",
                config.distribution(), result.model().trainedSteps(), Double.isNaN(result.finalLoss())
                        ? "- (no step run by this command)" : NumberText.compact(result.finalLoss()),
                warmup + horizon, NumberText.compact(result.heldOutNashGap()), evalSize, trainer.evaluationSeed());
        if (config.initialWeights() != null) {
            o.printf(Locale.ROOT, "started from the weights of %s%n", config.initialWeights());
        }
        if (config.smoothing() == null) {
            o.printf(Locale.ROOT, "reverse-mode memory: %d bytes per unrolled iteration and game, %.1f MB per game in"
                    + " flight at T=%d%s%n", result.bytesPerIteration(), result.bytesPerIteration() * (double) horizon
                    / 1e6, horizon, recompute > 0 ? " (less with --recompute " + recompute + ")" : "");
        } else {
            o.printf(Locale.ROOT, "evolution strategies: %d antithetic pairs per step (sigma %s%s), forward runs"
                            + " only%n",
                    config.smoothing().pairs(), NumberText.compact(config.smoothing().sigma()),
                    config.smoothing().headOnly() ? ", output head only" : "");
        }
        if (config.updates() != UpdateMode.SIMULTANEOUS) {
            o.printf(Locale.ROOT, "updates: %s (the model's default for npcfr/npcfr+)%n", config.updates().label());
        }
        if (config.headStart() != HeadStart.RANDOM) {
            o.printf(Locale.ROOT, "head start: %s (the head's weights on the hidden state started at zero)%n",
                    config.headStart().label());
        }
        if (config.optimizer() != Optimizer.ADAM) {
            o.printf(Locale.ROOT, "optimizer: %s, learning rate %s, clip %s%n",
                    config.optimizer().name().toLowerCase(Locale.ROOT), NumberText.compact(config.learningRate()),
                    NumberText.compact(config.gradientClip()));
        }
        o.printf(Locale.ROOT, "wrote %s (checkpoint %s); %.1f s%n", out, checkpoint, result.elapsedMillis() / 1e3);
        o.flush();
    }

    /** The training checkpoint next to the model file. */
    static Path checkpointOf(Path model) {
        return model.resolveSibling(model.getFileName() + ".ckpt");
    }

    /** The model of {@code --init}, resolved by {@link #config()}; null without {@code --init}. */
    private LearnedModel initialModel;

    private TrainingConfig config() {
        String dist;
        try {
            dist = GameCatalog.distribution(distribution).name();
        } catch (CatalogException e) {
            throw usage("--distribution " + distribution + ": " + e.getMessage());
        }
        SolverVariant variant = switch (solver.trim().toLowerCase(Locale.ROOT)) {
            case "npcfr+" -> SolverVariant.NPCFR_PLUS;
            case "npcfr" -> SolverVariant.NPCFR;
            default -> throw usage("--solver " + solver + ": use npcfr+ or npcfr");
        };
        CellKind kind = parseEnum(CellKind.class, cell, "--cell");
        IterationFeature feature = parseEnum(IterationFeature.class, iterationFeature, "--iteration-feature");
        PredictorArchitecture architecture = new PredictorArchitecture(kind, hidden, feature);
        WarmStart warmStart = null;
        if (init != null) {
            try {
                initialModel = ShippedModels.resolve(init);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw usage("--init " + init + ": " + e.getMessage());
            }
            PredictorArchitecture given = architecture;
            architecture = initialModel.model().architecture();
            if (given.cell() != architecture.cell() && matched("--cell")
                    || given.hiddenSize() != architecture.hiddenSize() && matched("--hidden")
                    || given.iterationFeature() != architecture.iterationFeature() && matched("--iteration-feature")) {
                throw usage("--init " + init + " is a " + architecture.cell() + "-" + architecture.hiddenSize()
                        + " network with iteration feature "
                        + architecture.iterationFeature().name().toLowerCase(Locale.ROOT)
                        + "; drop --cell/--hidden/--iteration-feature or give the model's");
            }
            if (initialModel.trainedFor() != variant) {
                if (matched("--solver")) {
                    throw usage("--init " + init + " was trained for " + initialModel.trainedFor()
                            + ", not for --solver " + solver);
                }
                variant = initialModel.trainedFor();
            }
            warmStart = new WarmStart(initialModel.name(), initialModel.weightsCrc32());
        }
        LossSchedule schedule = parseEnum(LossSchedule.class, lossSchedule, "--loss-schedule");
        String[] w = loss.split(",");
        if (w.length != 3 && w.length != 4) {
            throw usage("--loss " + loss + ": give three or four weights TC,NASHGAP,CCEGAP[,LAST], e.g. 1,1,0");
        }
        try {
            boolean logarithmic = switch (lossScale.trim().toLowerCase(Locale.ROOT)) {
                case "linear" -> false;
                case "log" -> true;
                default -> throw usage("--loss-scale " + lossScale + ": use linear or log");
            };
            MetaLoss metaLoss = new MetaLoss(Double.parseDouble(w[0].trim()), Double.parseDouble(w[1].trim()),
                    Double.parseDouble(w[2].trim()), schedule, logarithmic,
                    w.length == 4 ? Double.parseDouble(w[3].trim()) : 0);
            AveragingWeights averaging = variant.defaultAveraging();
            EvolutionStrategies smoothing = switch (estimator.trim().toLowerCase(Locale.ROOT)) {
                case "reverse" -> null;
                case "es" -> new EvolutionStrategies(esSigma, esPairs, esHeadOnly);
                default -> throw usage("--estimator " + estimator + ": use reverse or es");
            };
            if (smoothing == null && (matched("--es-sigma") || matched("--es-pairs") || esHeadOnly)) {
                throw usage("--es-sigma, --es-pairs and --es-head-only need --estimator es");
            }
            return new TrainingConfig(dist, architecture, variant, averaging, horizon, metaLoss, steps, batch,
                    learningRate, clip, evalSize, evalEvery, recompute, seed, warmup, warmStart, smoothing,
                    parseEnum(Optimizer.class, optimizer, "--optimizer"), UpdateMode.fromLabel(updates),
                    HeadStart.fromLabel(headStart));
        } catch (NumberFormatException e) {
            throw usage("--loss " + loss + ": the weights must be numbers, e.g. 1,1,0");
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private boolean matched(String option) {
        var parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String text, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw usage(option + " " + text + ": use one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), CliErrorHandler.oneLine(message));
    }
}

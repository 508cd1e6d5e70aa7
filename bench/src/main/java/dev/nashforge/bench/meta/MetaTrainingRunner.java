package dev.nashforge.bench.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.BaselinePrediction;
import dev.nashforge.host.meta.LossSchedule;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.UnrolledConfig;
import dev.nashforge.host.meta.UnrolledSolver;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.IterationFeature;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingResult;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Meta-trains an NPCFR(+) predictor and compares it with baselines on held-out games, printing the median NashGap
 * of the average profile at every power of two up to the evaluation budget (simultaneous updates throughout).
 *
 * <p>Arguments {@code key=value}: {@code preset=biased_shapley} (the shipped model's recipe,
 * {@code TrainingConfig#biasedShapleyDefaults}; other training keys are then ignored), {@code distribution} (biased_shapley), {@code variant} (NPCFR_PLUS),
 * {@code cell} (GRU), {@code hidden} (32), {@code feature} (INV_SQRT_T), {@code horizon} (32), {@code steps}
 * (1000), {@code batch} (16), {@code lr} (1e-3), {@code clip} (1), {@code schedule} (UNIFORM), {@code tc} (1),
 * {@code nashgap} (0), {@code ccegap} (0), {@code seed} (1), {@code threads} (2), {@code budget} (16384), {@code games} (32),
 * {@code checkpoint} (0), {@code model} (output path, none), {@code load} (evaluate a model file, no training),
 * {@code evaldist} (evaluation distribution; the training one), {@code evalseed}, {@code log} (50).
 */
public final class MetaTrainingRunner {

    private MetaTrainingRunner() {
    }

    public static void main(String[] args) {
        Map<String, String> a = KeyValueArguments.parse(args);
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        int budget = Integer.parseInt(a.getOrDefault("budget", "16384"));
        int games = Integer.parseInt(a.getOrDefault("games", "32"));
        int log = Integer.parseInt(a.getOrDefault("log", "50"));
        NpcfrModel model;
        if (a.containsKey("load")) {
            model = ModelFile.read(Path.of(a.get("load")));
            System.out.println("loaded " + a.get("load") + ": " + model.architecture() + ", " + model.variant());
        } else {
            SolverVariant variant = SolverVariant.valueOf(a.getOrDefault("variant", "NPCFR_PLUS"));
            PredictorArchitecture arch = new PredictorArchitecture(CellKind.valueOf(a.getOrDefault("cell", "GRU")),
                    Integer.parseInt(a.getOrDefault("hidden", "32")),
                    IterationFeature.valueOf(a.getOrDefault("feature", "INV_SQRT_T")));
            MetaLoss loss = new MetaLoss(Double.parseDouble(a.getOrDefault("tc", "1")),
                    Double.parseDouble(a.getOrDefault("nashgap", "0")),
                    Double.parseDouble(a.getOrDefault("ccegap", "0")),
                    LossSchedule.valueOf(a.getOrDefault("schedule", "UNIFORM")));
            TrainingConfig config = new TrainingConfig(a.getOrDefault("distribution", "biased_shapley"), arch, variant,
                    AveragingWeights.valueOf(a.getOrDefault("averaging", variant.defaultAveraging().name())),
                    Integer.parseInt(a.getOrDefault("horizon", "32")), loss,
                    Integer.parseInt(a.getOrDefault("steps", "1000")), Integer.parseInt(a.getOrDefault("batch", "16")),
                    Double.parseDouble(a.getOrDefault("lr", "1e-3")), Double.parseDouble(a.getOrDefault("clip", "1")),
                    Integer.parseInt(a.getOrDefault("evalsize", "32")), Integer.parseInt(a.getOrDefault("evalevery", "100")),
                    Integer.parseInt(a.getOrDefault("checkpoint", "0")), Long.parseLong(a.getOrDefault("seed", "1")));
            if ("biased_shapley".equals(a.get("preset"))) {
                config = TrainingConfig.biasedShapleyDefaults(Long.parseLong(a.getOrDefault("seed", "1")));
            }
            System.out.println("training " + config);
            MetaTrainer trainer = new MetaTrainer(config, threads);
            System.out.printf(Locale.ROOT, "memory per unrolled iteration per game: %d bytes%n",
                    trainer.bytesPerIteration());
            long t0 = System.currentTimeMillis();
            double[] lossSum = {0};
            int[] count = {0};
            TrainingResult result = trainer.train(null, (step, total, l, gap) -> {
                lossSum[0] += l;
                count[0]++;
                if (step % log == 0 || !Double.isNaN(gap)) {
                    System.out.printf(Locale.ROOT, "step %5d/%d  loss %.3e  held-out NashGap@T %s  %.0f s%n", step,
                            total, lossSum[0] / count[0], Double.isNaN(gap) ? "-" : String.format(Locale.ROOT,
                                    "%.3e", gap), (System.currentTimeMillis() - t0) / 1000.0);
                    lossSum[0] = 0;
                    count[0] = 0;
                }
            });
            System.out.printf(Locale.ROOT, "trained %d steps in %.1f s; held-out NashGap@T %.3e%n",
                    result.model().trainedSteps(), result.elapsedMillis() / 1000.0, result.heldOutNashGap());
            model = result.model();
            if (a.containsKey("model")) {
                ModelFile.write(Path.of(a.get("model")), model);
                System.out.println("model written to " + a.get("model"));
            }
        }
        evaluate(model, a.getOrDefault("evaldist", model.training().distribution()), games, budget, threads,
                a.getOrDefault("evalseed", "987654321"));
    }

    static void evaluate(NpcfrModel model, String distribution, int games, int budget, int threads, String seed) {
        GameDistribution d = GameCatalog.distribution(distribution);
        // held-out games: a seed unrelated to the trainer's even minibatch seeds and odd held-out seed
        GameBatch batch = d.sample(games, Long.parseLong(seed));
        MetaLayout layout = new MetaLayout(d.structure());
        long t0 = System.currentTimeMillis();
        UnrolledConfig learnedConfig = new UnrolledConfig(model.variant(), model.averaging(), 1,
                MetaLoss.totalCorrelation());
        PredictorNetwork net = model.network();
        double[] learned = ConvergenceTable.medianNashGaps(layout, batch, budget,
                () -> new UnrolledSolver(layout, net, learnedConfig), model.parameters(), threads);
        double[] pcfr = ConvergenceTable.medianNashGaps(layout, batch, budget, ConvergenceTable.baseline(layout,
                BaselinePrediction.LAST_REGRET, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                        AveragingWeights.QUADRATIC, 1, MetaLoss.totalCorrelation())), null, threads);
        double[] cfrPlus = ConvergenceTable.medianNashGaps(layout, batch, budget, ConvergenceTable.baseline(layout,
                BaselinePrediction.ZERO, new UnrolledConfig(SolverVariant.NPCFR_PLUS, AveragingWeights.LINEAR, 1,
                        MetaLoss.totalCorrelation())), null, threads);
        double[] cfr = ConvergenceTable.medianNashGaps(layout, batch, budget, ConvergenceTable.baseline(layout,
                BaselinePrediction.ZERO, new UnrolledConfig(SolverVariant.NPCFR, AveragingWeights.UNIFORM, 1,
                        MetaLoss.totalCorrelation())), null, threads);
        System.out.printf(Locale.ROOT, "%nheld-out %s, %d games (seed %s), median NashGap of the average profile,"
                + " simultaneous updates (%.1f s)%n", d.name(), games, seed,
                (System.currentTimeMillis() - t0) / 1000.0);
        System.out.printf(Locale.ROOT, "%8s %12s %12s %12s %12s%n", "T", model.variant().name(), "PCFR+", "CFR+(sim)",
                "CFR(sim)");
        for (int k = 0; k < learned.length; k++) {
            System.out.printf(Locale.ROOT, "%8d %12.3e %12.3e %12.3e %12.3e%n", 1 << k, learned[k], pcfr[k], cfrPlus[k],
                    cfr[k]);
        }
    }
}

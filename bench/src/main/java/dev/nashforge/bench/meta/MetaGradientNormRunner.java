package dev.nashforge.bench.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.LossSchedule;
import dev.nashforge.host.meta.MetaGradient;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.UnrolledConfig;
import dev.nashforge.host.meta.UnrolledSolver;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.IterationFeature;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How well the reverse-mode meta-gradient behaves as the unrolled horizon T grows: for each T and game, the loss,
 * the gradient's norm, and the loss at small moves of one weight (the head's skip weight on the normalized regret,
 * index {@code weight}) — a smooth loss changes by about {@code h · ∂L/∂w} there, a rough one jumps. Used to choose
 * between reverse mode and evolution strategies ({@code nash train --estimator}).
 *
 * <p>Arguments {@code key=value}: {@code distribution} (biased_leduc), {@code horizons} (32,256,1024),
 * {@code games} (3), {@code seed} (12345, the sampling seed), {@code hidden} (8: a fresh GRU without iteration
 * feature, initialized as {@code nash train --seed 1} does; or
 * {@code load=FILE} for a model file), {@code weight} (the skip weight's index), {@code log} (true: log-scale loss).
 * Output: one {@code RESULT} line per (T, game).
 */
public final class MetaGradientNormRunner {

    private MetaGradientNormRunner() {
    }

    public static void main(String[] args) {
        Map<String, String> a = KeyValueArguments.parse(args);
        GameDistribution d = GameCatalog.distribution(a.getOrDefault("distribution", "biased_leduc"));
        PredictorNetwork network;
        double[] params;
        if (a.containsKey("load")) {
            NpcfrModel m = ModelFile.read(Path.of(a.get("load")));
            network = m.network();
            params = m.parameters();
        } else {
            network = new PredictorNetwork(new PredictorArchitecture(CellKind.GRU,
                    Integer.parseInt(a.getOrDefault("hidden", "8")), IterationFeature.NONE));
            params = network.initialParameters(new SplittableRandom(1).split().split());
        }
        int hidden = network.architecture().hiddenSize();
        // GRU layout: three gate blocks, b_un [H], w_h [H], then w_φ: its first entry weighs r/B_I
        int gateBlock = hidden * 10 + hidden * hidden + hidden;
        int weight = Integer.parseInt(a.getOrDefault("weight", String.valueOf(3 * gateBlock + 2 * hidden)));
        boolean log = Boolean.parseBoolean(a.getOrDefault("log", "true"));
        GameBatch games = d.sample(Integer.parseInt(a.getOrDefault("games", "3")),
                Long.parseLong(a.getOrDefault("seed", "12345")));
        MetaLayout layout = new MetaLayout(d.structure());
        PredictionBounds bounds = new PredictionBounds(layout);
        System.out.printf(Locale.ROOT, "ENV distribution=%s network=%s weight=%d value=%.6f log=%s%n", d.name(),
                network.architecture(), weight, params[weight], log);
        for (String h : a.getOrDefault("horizons", "32,256,1024").split(",")) {
            int horizon = Integer.parseInt(h.trim());
            UnrolledSolver solver = new UnrolledSolver(layout, network, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                    SolverVariant.NPCFR_PLUS.defaultAveraging(), horizon,
                    new MetaLoss(1, 1, 0, LossSchedule.LINEAR, log)));
            for (int b = 0; b < games.size(); b++) {
                MetaInstance inst = MetaInstance.of(games, b, bounds);
                MetaGradient g = solver.gradient(inst, params, 32);
                double norm = 0;
                for (double x : g.gradient()) {
                    norm += x * x;
                }
                StringBuilder moves = new StringBuilder();
                for (double step : new double[] {-0.05, -0.01, 0.01, 0.05}) {
                    double[] q = params.clone();
                    q[weight] += step;
                    moves.append(String.format(Locale.ROOT, " loss_at_%+.2f=%.5f", step, solver.loss(inst, q)));
                }
                System.out.printf(Locale.ROOT, "RESULT bench=metagradient T=%d game=%d loss=%.5f grad_norm=%.4g"
                        + " dloss_dweight=%.4g%s%n", horizon, b, g.loss(), Math.sqrt(norm), g.gradient()[weight],
                        moves);
            }
        }
    }
}

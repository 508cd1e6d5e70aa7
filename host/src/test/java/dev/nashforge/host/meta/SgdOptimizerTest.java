package dev.nashforge.host.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.meta.train.Optimizer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Optimizer#SGD}: one step moves the weights by exactly {@code −lr · clip(ḡ)}, with ḡ the minibatch's mean
 * reverse-mode meta-gradient computed here independently; the choice is recorded in the model file.
 */
class SgdOptimizerTest {

    @TempDir
    Path dir;

    private static TrainingConfig config(double clip) {
        return new TrainingConfig("biased_shapley", PredictorArchitecture.gru(3), SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, 4, new MetaLoss(1, 1, 0, LossSchedule.LINEAR), 1, 3, 0.05, clip, 2, 5,
                0, 11, 0, null, null, Optimizer.SGD);
    }

    /** The mean meta-gradient of minibatch 0 at the initial weights, and the initial weights, as [g, θ0]. */
    private static double[][] meanGradientAndStart(TrainingConfig config) {
        MetaTrainer trainer = new MetaTrainer(config.withSteps(0), 1);
        double[] start = trainer.train(null, TrainingProgress.none()).model().parameters();
        GameBatch batch = GameCatalog.distribution(config.distribution()).sample(config.batchSize(),
                trainer.minibatchSeed(0));
        MetaLayout layout = new MetaLayout(batch.structure());
        UnrolledSolver solver = new UnrolledSolver(layout, new PredictorNetwork(config.architecture()),
                new UnrolledConfig(config.variant(), config.averaging(), config.horizon(), config.loss()));
        PredictionBounds bounds = new PredictionBounds(layout);
        double[] mean = new double[start.length];
        for (int b = 0; b < batch.size(); b++) {
            double[] g = solver.gradient(MetaInstance.of(batch, b, bounds), start, 0).gradient();
            for (int k = 0; k < mean.length; k++) {
                mean[k] += g[k];
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= batch.size();
        }
        return new double[][] {mean, start};
    }

    @Test
    void oneStepIsTheLearningRateTimesTheMeanGradient() throws Exception {
        TrainingConfig config = config(0);
        double[][] gs = meanGradientAndStart(config);
        double[] end = new MetaTrainer(config, 2).train(null, TrainingProgress.none()).model().parameters();
        double norm = 0;
        for (int k = 0; k < end.length; k++) {
            assertEquals(gs[1][k] - 0.05 * gs[0][k], end[k], 1e-15, "weight " + k);
            norm += gs[0][k] * gs[0][k];
        }
        assertTrue(Math.sqrt(norm) > 1e-3, "the test needs a gradient that moves the weights: " + Math.sqrt(norm));
        Path file = dir.resolve("sgd.npcfr");
        ModelFile.write(file, new MetaTrainer(config, 1).train(null, TrainingProgress.none()).model());
        assertEquals(Optimizer.SGD, ModelFile.read(file).training().optimizer());
        assertEquals(config, ModelFile.read(file).training());
    }

    @Test
    void theStepIsClippedToTheGlobalNorm() {
        double[][] gs = meanGradientAndStart(config(0));
        double norm = 0;
        for (double g : gs[0]) {
            norm += g * g;
        }
        norm = Math.sqrt(norm);
        double clip = norm / 4;
        double[] end = new MetaTrainer(config(clip), 1).train(null, TrainingProgress.none()).model().parameters();
        double moved = 0;
        for (int k = 0; k < end.length; k++) {
            assertEquals(gs[1][k] - 0.05 * gs[0][k] / 4, end[k], 1e-15, "weight " + k);
            moved += (end[k] - gs[1][k]) * (end[k] - gs[1][k]);
        }
        assertEquals(0.05 * clip, Math.sqrt(moved), 1e-12);
    }
}

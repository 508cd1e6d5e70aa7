package dev.nashforge.host.meta;

import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.EvolutionStrategies;
import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingProgress;
import dev.nashforge.host.meta.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evolution-strategies estimator: on a smooth loss with small σ and many pairs it agrees with the reverse-mode
 * meta-gradient (the antithetic difference is ε·∇L to O(σ²), and the mean of εεᵀ tends to I); training with it is
 * deterministic for any thread count and is recorded in the model file.
 */
class EvolutionStrategiesTest {

    @TempDir
    Path dir;

    @Test
    void smallSigmaManyPairsRecoverTheReverseModeGradient() {
        MetaTestGames g = MetaTestGames.kuhn();
        PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(2));
        UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, 4, new MetaLoss(1, 1, 0, LossSchedule.LINEAR)));
        SplittableRandom r = new SplittableRandom(5);
        double[] theta = net.initialParameters(r);
        for (int k = 0; k < theta.length; k++) {
            theta[k] += 0.3 * (2 * r.nextDouble() - 1);
        }
        MetaGradient exact = solver.gradient(g.instance, theta, 0);
        assertTrue(exact.kinkMargin() > 1e-4, "the test point must be away from kinks: " + exact.kinkMargin());
        int pairs = 3000;
        EvolutionStrategies es = new EvolutionStrategies(1e-6, pairs);
        double[][] directions = new double[pairs][];
        double[] plus = new double[pairs];
        double[] minus = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            directions[k] = es.direction(77L, k, theta.length);
            plus[k] = solver.loss(g.instance, es.perturb(theta, directions[k], 1));
            minus[k] = solver.loss(g.instance, es.perturb(theta, directions[k], -1));
        }
        double[] estimate = new double[theta.length];
        es.accumulate(directions, plus, minus, estimate);
        double dot = 0;
        double ne = 0;
        double nx = 0;
        for (int k = 0; k < theta.length; k++) {
            dot += estimate[k] * exact.gradient()[k];
            ne += estimate[k] * estimate[k];
            nx += exact.gradient()[k] * exact.gradient()[k];
        }
        double cosine = dot / Math.sqrt(ne * nx);
        // P = 93 weights, K = 3000 pairs: the relative error of (1/K)Σ εεᵀ g is about sqrt(P/K) ≈ 0.18
        assertTrue(cosine > 0.95, "cosine between the ES estimate and the reverse-mode gradient: " + cosine);
        assertEquals(1.0, Math.sqrt(ne / nx), 0.3, "norm ratio");
    }

    @Test
    void directionsAreReproducibleStandardNormals() {
        EvolutionStrategies es = new EvolutionStrategies(0.05, 4);
        assertArrayEquals(es.direction(3, 1, 50), es.direction(3, 1, 50), 0.0);
        assertTrue(es.direction(3, 1, 50)[0] != es.direction(3, 2, 50)[0], "pairs draw different directions");
        assertTrue(es.direction(3, 1, 50)[0] != es.direction(4, 1, 50)[0], "steps draw different directions");
        double[] e = es.direction(11, 0, 200_000);
        double mean = 0;
        double square = 0;
        for (double x : e) {
            mean += x / e.length;
            square += x * x / e.length;
        }
        assertEquals(0, mean, 0.01);
        assertEquals(1, square, 0.02);
        assertThrows(IllegalArgumentException.class, () -> new EvolutionStrategies(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new EvolutionStrategies(0.1, 0));
    }

    @Test
    void headOnlyTrainingMovesTheOutputHeadAndNothingElse() throws Exception {
        TrainingConfig config = new TrainingConfig("biased_shapley", PredictorArchitecture.gru(3),
                SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC, 4,
                new MetaLoss(1, 1, 0, LossSchedule.LINEAR, true), 3, 2, 1e-2, 1.0, 2, 3, 0, 7, 0, null,
                new EvolutionStrategies(0.1, 3, true));
        double[] start = new MetaTrainer(config.withSteps(0), 1).train(null, TrainingProgress.none()).model()
                .parameters();
        NpcfrModel trained = new MetaTrainer(config, 2).train(null, TrainingProgress.none()).model();
        double[] end = trained.parameters();
        int head = new PredictorNetwork(config.architecture()).headParameterCount();
        assertEquals(3 + 10 + 1, head, "w_h [H], w_φ [F], b_o");
        int moved = 0;
        for (int k = 0; k < end.length; k++) {
            if (k < end.length - head) {
                assertEquals(start[k], end[k], 0.0, "weight " + k + " is not in the head");
            } else if (start[k] != end[k]) {
                moved++;
            }
        }
        assertEquals(head, moved, "every head weight moved");
        double[] e = config.smoothing().direction(5, 0, 20, 6);
        for (int k = 0; k < 6; k++) {
            assertEquals(0.0, e[k], 0.0);
        }
        Path file = dir.resolve("head.npcfr");
        ModelFile.write(file, trained);
        assertEquals(config, ModelFile.read(file).training());
    }

    @Test
    void trainingWithItIsDeterministicAndRecorded() throws Exception {
        TrainingConfig config = new TrainingConfig("biased_shapley", PredictorArchitecture.gru(3),
                SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC, 4,
                new MetaLoss(1, 1, 0, LossSchedule.LINEAR, true), 3, 2, 1e-2, 1.0, 2, 3, 0, 7, 8, null,
                new EvolutionStrategies(0.05, 3));
        TrainingResult one = new MetaTrainer(config, 1).train(null, TrainingProgress.none());
        TrainingResult two = new MetaTrainer(config, 2).train(null, TrainingProgress.none());
        assertArrayEquals(one.model().parameters(), two.model().parameters(), 0.0);
        double[] start = new MetaTrainer(config.withSteps(0), 1).train(null, TrainingProgress.none()).model()
                .parameters();
        assertTrue(!java.util.Arrays.equals(start, one.model().parameters()), "three ES steps moved the weights");
        Path file = dir.resolve("es.npcfr");
        ModelFile.write(file, one.model());
        NpcfrModel read = ModelFile.read(file);
        assertEquals(config, read.training());
        assertEquals(new EvolutionStrategies(0.05, 3), read.training().smoothing());
    }
}

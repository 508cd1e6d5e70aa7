package dev.nashforge.host.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.model.JsonFields;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.ops.NashGapOp;
import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingProgress;
import dev.nashforge.host.meta.train.TrainingResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The biased-Shapley model shipped as a resource loads and does what it was trained for: on held-out games of
 * its distribution, NPCFR+ with the learned predictions reaches a far smaller NashGap than PCFR+ within 1024
 * iterations. Reference numbers (bench MetaTrainingRunner, 32 held-out games, seed 987654321): median NashGap
 * after 1024 iterations 1.6e-7 for the model, 5.7e-2 for PCFR+ (simultaneous updates, quadratic averaging).
 */
class ShippedModelTest {

    static final String RESOURCE = "/dev/nashforge/host/meta/models/biased_shapley.npcfr";

    @Test
    void shippedModelBeatsPcfrPlusOnHeldOutBiasedShapleyGames() {
        NpcfrModel model = ModelFile.readResource(RESOURCE);
        assertEquals(SolverVariant.NPCFR_PLUS, model.variant());
        assertEquals(CellKind.GRU, model.architecture().cell());
        assertEquals(TrainingConfig.biasedShapleyDefaults(1), model.training(), "trained with the documented recipe");
        assertEquals(2000, model.trainedSteps());
        GameDistribution d = GameCatalog.distribution(model.training().distribution());
        GameBatch games = d.sample(5, 987654321L);
        MetaLayout layout = new MetaLayout(d.structure());
        UnrolledSolver learned = new UnrolledSolver(layout, model.network(),
                new UnrolledConfig(model.variant(), model.averaging(), 1, MetaLoss.totalCorrelation()));
        UnrolledSolver pcfr = new UnrolledSolver(layout, BaselinePrediction.LAST_REGRET,
                UnrolledConfig.of(SolverVariant.NPCFR_PLUS, 1));
        double[] ours = gaps(layout, games, learned, model.parameters());
        double[] baseline = gaps(layout, games, pcfr, null);
        assertTrue(ours[2] < 1e-5, "learned median NashGap after 1024 iterations: " + Arrays.toString(ours));
        assertTrue(baseline[2] > 1e-2, "PCFR+ median NashGap after 1024 iterations: " + Arrays.toString(baseline));
    }

    /**
     * The three-player Leduc model was trained as documented (bench/RESULTS.md) on chance-perturbed instances and,
     * on the original game, NPCFR+ with it is ahead of the same solver with PCFR+'s prediction m = r (simultaneous
     * PCFR+) after 32 iterations: NashGap 0.4074 against 0.5178 (values of this code, pinned; the untrained network
     * gives 0.9949).
     */
    @Test
    void threePlayerLeducModelIsTheDocumentedRunAndBeatsSimultaneousPcfrPlusEarly() {
        NpcfrModel model = ModelFile.readResource("/dev/nashforge/host/meta/models/leduc_poker.npcfr");
        TrainingConfig c = model.training();
        assertEquals("leduc_poker(players=3,noise=0,chance_noise=0.3)", c.distribution());
        assertEquals(new MetaLoss(1, 1, 0, LossSchedule.LINEAR, true), c.loss());
        assertEquals(16, c.horizon());
        assertEquals(256, c.warmup());
        assertEquals(40, model.trainedSteps());
        assertEquals(null, c.initialWeights(), "trained from the seed's initialization");
        GameDistribution original = GameCatalog.distribution("leduc_poker(players=3,noise=0)");
        MetaLayout layout = new MetaLayout(original.structure());
        GameBatch game = original.sample(1, 1);
        double ours = gapAfter(layout, game, model.network(), model.parameters(), 32);
        double pcfr = gapAfter(layout, game, null, null, 32);
        assertEquals(0.4074, ours, 1e-4, "NPCFR+ with the model, 32 iterations");
        assertEquals(0.5178, pcfr, 1e-4, "simultaneous PCFR+, 32 iterations");
        assertTrue(ours < 0.8 * pcfr);
    }

    /**
     * The general-sum two-player Leduc model was fine-tuned, as documented, from the shipped three-player model on
     * the biased_leduc distribution (the file is what the documented command gives at this code, crc 2428d1c2). On
     * five held-out games its median NashGap after 256 iterations is 0.0272 against 0.0293 for simultaneous PCFR+
     * (values of this code, pinned, so that a change of the model or of the solver shows here); at 2^14 it does not
     * beat alternating PCFR+ (bench/RESULTS.md).
     */
    @Test
    void biasedLeducModelIsFineTunedFromTheThreePlayerModelAndPinned() {
        NpcfrModel model = ModelFile.readResource("/dev/nashforge/host/meta/models/biased_leduc.npcfr");
        NpcfrModel start = ModelFile.readResource("/dev/nashforge/host/meta/models/leduc_poker.npcfr");
        TrainingConfig c = model.training();
        assertTrue(c.distribution().startsWith("biased_leduc("), c.distribution());
        assertEquals("leduc_poker", c.initialWeights().model());
        assertEquals(JsonFields.crc32(start.parameters()),
                c.initialWeights().weightsCrc32(), "started from the shipped three-player model's weights");
        assertEquals(start.architecture(), model.architecture());
        assertEquals(40, model.trainedSteps());
        GameDistribution d = GameCatalog.distribution(c.distribution());
        MetaLayout layout = new MetaLayout(d.structure());
        GameBatch games = d.sample(5, 987654321L);
        double[] ours = new double[games.size()];
        double[] pcfr = new double[games.size()];
        for (int b = 0; b < games.size(); b++) {
            ours[b] = gapAfterInstance(layout, games, b, model.network(), model.parameters(), 256);
            pcfr[b] = gapAfterInstance(layout, games, b, null, null, 256);
        }
        Arrays.sort(ours);
        Arrays.sort(pcfr);
        String what = "median NashGap after 256 iterations: model " + Arrays.toString(ours)
                + ", simultaneous PCFR+ " + Arrays.toString(pcfr);
        assertEquals(0.02724, ours[2], 1e-5, what);
        assertEquals(0.02929, pcfr[2], 1e-5, what);
    }

    /**
     * The shipped general-sum Leduc model is exactly what its recorded training configuration gives from the
     * shipped three-player weights (bench/RESULTS.md's command, about 25 s on 2 cores): a model file, and the
     * training arithmetic on Leduc (warm-ups, GRU-8, log loss), reproduce bit for bit at this code.
     */
    @Test
    void biasedLeducModelIsReproducedByItsRecordedTrainingConfig() {
        NpcfrModel model = ModelFile.readResource("/dev/nashforge/host/meta/models/biased_leduc.npcfr");
        NpcfrModel start = ModelFile.readResource("/dev/nashforge/host/meta/models/leduc_poker.npcfr");
        TrainingResult r = new MetaTrainer(model.training(), 2, start.parameters()).train(null,
                TrainingProgress.none());
        assertEquals(JsonFields.crc32(model.parameters()), JsonFields.crc32(r.model().parameters()),
                "the shipped biased_leduc.npcfr no longer reproduces: retrain it (bench/RESULTS.md) or name the"
                        + " commit at which it reproduces");
    }

    private static double gapAfter(MetaLayout layout, GameBatch game, PredictorNetwork net, double[] params,
                                   int iterations) {
        return gapAfterInstance(layout, game, 0, net, params, iterations);
    }

    private static double gapAfterInstance(MetaLayout layout, GameBatch games, int b,
                                           PredictorNetwork net, double[] params,
                                           int iterations) {
        UnrolledSolver solver = net == null
                ? new UnrolledSolver(layout, BaselinePrediction.LAST_REGRET, UnrolledConfig.of(SolverVariant.NPCFR_PLUS,
                        1))
                : new UnrolledSolver(layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                        AveragingWeights.QUADRATIC, 1, MetaLoss.totalCorrelation()));
        MetaInstance inst = MetaInstance.of(games, b, new PredictionBounds(layout));
        double[] out = new double[1];
        NashGapOp nash = new NashGapOp(layout);
        solver.run(inst, params, iterations, view -> {
            if (view.t() == iterations) {
                out[0] = nash.forward(inst.chanceReach(), inst.utility(), view.average(), null);
            }
        });
        return out[0];
    }

    private static double[] gaps(MetaLayout layout, GameBatch games, UnrolledSolver solver, double[] params) {
        PredictionBounds bounds = new PredictionBounds(layout);
        NashGapOp nash = new NashGapOp(layout);
        double[] out = new double[games.size()];
        for (int b = 0; b < games.size(); b++) {
            MetaInstance inst = MetaInstance.of(games, b, bounds);
            int game = b;
            solver.run(inst, params, 1024, view -> {
                if (view.t() == 1024) {
                    out[game] = nash.forward(inst.chanceReach(), inst.utility(), view.average(), null);
                }
            });
        }
        Arrays.sort(out);
        return out;
    }
}

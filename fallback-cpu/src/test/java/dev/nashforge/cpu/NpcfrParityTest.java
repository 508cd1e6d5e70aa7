package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.UnrolledConfig;
import dev.nashforge.host.meta.UnrolledSolver;
import dev.nashforge.host.meta.ops.NashGapOp;
import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.RunOptions;
import dev.nashforge.host.run.SolveResult;
import dev.nashforge.host.run.SolveRun;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NPCFR / NPCFR+ on the CPU backend against the independent implementation the model was trained with,
 * {@code meta.UnrolledSolver}: the engine (RegretMinimizer + the backend primitives, network forward pass
 * included) must reproduce its iterates — σ^t and x̄_t at every iteration, on every instance — to 1e-12, and a
 * resumed SolveRun must equal an uninterrupted one bit for bit (the recurrent state is checkpointed).
 */
class NpcfrParityTest {

    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private static LearnedModel shipped() {
        return ShippedModels.resolve("biased_shapley");
    }

    @Test
    void npcfrPlusReproducesTheUnrolledSolverOnHeldOutBiasedShapley() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 12345L);
        assertParity(SolverConfig.npcfrPlus(shipped()), batch, 200, 2);
    }

    @Test
    void npcfrReproducesTheUnrolledSolver() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 7L);
        assertParity(SolverConfig.npcfr(shipped()), batch, 100, 1);
    }

    @Test
    void npcfrPlusReproducesTheUnrolledSolverOnAnExtensiveFormGame() {
        // three-player Kuhn: several infosets per player at several depths exercise the gather/scatter between the
        // engine's per-player buffers and the network's global sequence numbering
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        assertParity(SolverConfig.npcfrPlus(shipped()), batch, 64, 2);
    }

    @Test
    void alternatingNpcfrPlusReproducesTheAlternatingUnrolledSolver() {
        // the unrolled solver's player sub-steps (in which alternating networks are trained) are the CPU backend's
        // alternating iteration: same strategies and averages at every iteration
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        assertParity(SolverConfig.npcfrPlus(shipped()).withUpdates(dev.nashforge.host.solver.UpdateMode.ALTERNATING),
                batch, 64, 2);
        GameBatch shapley = GameCatalog.distribution("biased_shapley").sample(2, 31L);
        assertParity(SolverConfig.npcfr(shipped()).withUpdates(dev.nashforge.host.solver.UpdateMode.ALTERNATING),
                shapley, 100, 1);
    }

    @Test
    void alternatingNpcfrPlusOnChancePerturbedThreePlayerLeduc() {
        // the three-player model's training distribution: chance probabilities differ per instance
        GameBatch batch = GameCatalog.distribution("leduc_poker(players=3,noise=0,chance_noise=0.3)").sample(2,
                -619854829413500783L);
        assertParity(SolverConfig.npcfrPlus(ShippedModels.resolve("leduc_poker"))
                .withUpdates(dev.nashforge.host.solver.UpdateMode.ALTERNATING), batch, 8, 2);
    }

    private static void assertParity(SolverConfig config, GameBatch batch, int iterations, int threads) {
        LearnedModel model = config.model();
        MetaLayout layout = new MetaLayout(batch.structure());
        PredictionBounds bounds = new PredictionBounds(layout);
        UnrolledSolver unrolled = new UnrolledSolver(layout, model.model().network(), new UnrolledConfig(
                config.regretUpdate().kind() == dev.nashforge.host.solver.RegretUpdate.Kind.PLUS
                        ? dev.nashforge.host.meta.SolverVariant.NPCFR_PLUS : dev.nashforge.host.meta.SolverVariant.NPCFR,
                config.averaging().exponent() == 2 ? dev.nashforge.host.meta.AveragingWeights.QUADRATIC
                        : dev.nashforge.host.meta.AveragingWeights.UNIFORM, 1, MetaLoss.totalCorrelation(),
                config.updates()));
        int n = layout.numSequences();
        double[][][] strategy = new double[batch.size()][iterations + 1][];
        double[][][] average = new double[batch.size()][iterations + 1][];
        for (int b = 0; b < batch.size(); b++) {
            int game = b;
            unrolled.run(MetaInstance.of(batch, b, bounds), model.model().parameters(), iterations, view -> {
                strategy[game][view.t()] = view.strategy().clone();
                average[game][view.t()] = view.average().clone();
            });
        }
        try (SolverSession session = new CpuBackend(threads).open(batch, config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            double worst = 0;
            for (int t = 1; t <= iterations; t++) {
                double[][][] sigma = session.read(SequenceBuffer.CURRENT_STRATEGY);
                solver.iterate();
                double[][][] avg = session.read(SequenceBuffer.AVERAGE_PLAN);
                for (int b = 0; b < batch.size(); b++) {
                    for (int i = 0; i < layout.numPlayers(); i++) {
                        int off = layout.sequenceOffset()[i];
                        for (int s = 1; s < sigma[b][i].length; s++) {
                            double ds = Math.abs(sigma[b][i][s] - strategy[b][t][off + s]);
                            double da = Math.abs(avg[b][i][s] - average[b][t][off + s]);
                            worst = Math.max(worst, Math.max(ds, da));
                            if (ds > TOLERANCE || da > TOLERANCE) {
                                throw new AssertionError(config.algorithm() + " on " + batch.structure().name()
                                        + ": iteration " + t + ", instance " + b + ", player " + i + ", sequence "
                                        + s + ": engine sigma " + sigma[b][i][s] + " avg " + avg[b][i][s]
                                        + ", unrolled sigma " + strategy[b][t][off + s] + " avg "
                                        + average[b][t][off + s]);
                            }
                        }
                    }
                }
            }
            assertTrue(worst <= TOLERANCE && n > 0);
        }
    }

    @Test
    void solveRunNashGapMatchesTheUnrolledSolver() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 99L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        SolveResult result = SolveRun.run(new CpuBackend(2), batch, config, RunOptions.of(1024));
        MetaLayout layout = new MetaLayout(batch.structure());
        PredictionBounds bounds = new PredictionBounds(layout);
        NashGapOp nash = new NashGapOp(layout);
        UnrolledSolver unrolled = new UnrolledSolver(layout, config.model().model().network(),
                new UnrolledConfig(config.model().model().variant(), config.model().model().averaging(), 1,
                        MetaLoss.totalCorrelation()));
        for (int b = 0; b < batch.size(); b++) {
            MetaInstance inst = MetaInstance.of(batch, b, bounds);
            double[] gap = new double[1];
            unrolled.run(inst, config.model().model().parameters(), 1024, view -> {
                if (view.t() == 1024) {
                    gap[0] = nash.forward(inst.chanceReach(), inst.utility(), view.average(), null);
                }
            });
            int game = b;
            CheckpointRecord last = result.record().last().stream().filter(r -> r.instance() == game).findFirst()
                    .orElseThrow();
            assertEquals(gap[0], last.nashGap(), 1e-12, "instance " + b);
        }
    }

    @Test
    void resumedNpcfrPlusRunEqualsAnUninterruptedOne() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 5L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        SolveResult whole = SolveRun.run(new CpuBackend(2), batch, config, RunOptions.of(256));
        Path state = dir.resolve("npcfr.state");
        SolveRun.run(new CpuBackend(2), batch, config, RunOptions.of(256).withIterations(100).withStateFile(state, false));
        SolveResult resumed = SolveRun.run(new CpuBackend(1), batch, config,
                RunOptions.of(256).withStateFile(state, true));
        assertEquals(100, resumed.record().resumedFrom());
        List<CheckpointRecord> a = new ArrayList<>(whole.record().checkpoints());
        List<CheckpointRecord> b = new ArrayList<>(resumed.record().checkpoints());
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).iteration(), b.get(k).iteration());
            assertEquals(a.get(k).nashGap(), b.get(k).nashGap(), 0.0, "record " + k);
            assertEquals(a.get(k).cceGap(), b.get(k).cceGap(), 0.0, "record " + k);
        }
        for (int g = 0; g < batch.size(); g++) {
            for (int i = 0; i < whole.averageBehaviour()[g].length; i++) {
                assertArrayEquals(whole.averageBehaviour()[g][i], resumed.averageBehaviour()[g][i], 0.0);
            }
        }
    }
}

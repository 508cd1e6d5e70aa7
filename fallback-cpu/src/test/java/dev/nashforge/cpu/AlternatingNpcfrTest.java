package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.RunOptions;
import dev.nashforge.host.run.SolveResult;
import dev.nashforge.host.run.SolveRun;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alternating NPCFR+ on the CPU backend: {@code computePrediction(player, t)} writes exactly the network's output
 * for that player's rows, computed from the buffers as they are after that player's regret update (checked against
 * {@link PredictorNetwork#forward} on the gathered inputs, with every other player's prediction untouched), the
 * first player's first update equals the simultaneous one, a batch equals its instances run alone, and a resumed
 * run equals an uninterrupted one bit for bit.
 */
class AlternatingNpcfrTest {

    @TempDir
    Path dir;

    private static SolverConfig alternating() {
        return SolverConfig.npcfrPlus(ShippedModels.resolve("leduc_poker")).withUpdates(UpdateMode.ALTERNATING);
    }

    @Test
    void perPlayerPredictionIsTheNetworkOnThatPlayersRowsOnly() {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        SolverConfig config = alternating();
        LearnedModel model = config.model();
        PredictorNetwork network = model.model().network();
        MetaLayout layout = new MetaLayout(batch.structure());
        double[] bound = MetaInstance.of(batch, 1, new PredictionBounds(layout)).bound();
        int rows = layout.numSequences();
        double[] state = new double[rows * network.stateSize()];
        int checked = 0;
        try (SolverSession session = new CpuBackend(1).open(batch, config)) {
            RegretMinimizer warm = new RegretMinimizer(session);
            for (int t = 1; t <= 3; t++) {
                for (int p = 0; p < 3; p++) {
                    session.computeInstantaneousRegret(p);
                    session.updateRegret(p, t);
                    double[] r = global(layout, session.read(SequenceBuffer.INSTANTANEOUS_REGRET)[1]);
                    double[] cum = global(layout, session.read(SequenceBuffer.CUMULATIVE_REGRET)[1]);
                    double[] m = global(layout, session.read(SequenceBuffer.PREDICTION)[1]);
                    double[] sigma = global(layout, session.read(SequenceBuffer.CURRENT_STRATEGY)[1]);
                    double[][] before = session.read(SequenceBuffer.PREDICTION)[1];
                    double[] next = new double[rows];
                    double[] stateNext = new double[state.length];
                    network.forward(model.model().parameters(), layout, bound, t, r, cum, m, sigma, state, stateNext,
                            next, network.newTape(layout), null);
                    session.computePrediction(p, t);
                    double[][] after = session.read(SequenceBuffer.PREDICTION)[1];
                    for (int i = 0; i < 3; i++) {
                        int off = layout.sequenceOffset()[i];
                        for (int s = 0; s < after[i].length; s++) {
                            double expected = i == p ? next[off + s] : before[i][s];
                            assertEquals(expected, after[i][s], 0.0, "t " + t + ", player " + p + " updated, player "
                                    + i + " sequence " + s);
                            checked++;
                        }
                    }
                    int from = layout.sequenceOffset()[p] * network.stateSize();
                    int to = layout.sequenceOffset()[p + 1] * network.stateSize();
                    System.arraycopy(stateNext, from, state, from, to - from);
                    session.computeStrategy(p);
                    session.computeRealizationPlan(p);
                }
            }
            assertTrue(warm.iteration() == 0 && checked > 0);
        }
    }

    private static double[] global(MetaLayout layout, double[][] perPlayer) {
        double[] out = new double[layout.numSequences()];
        for (int i = 0; i < perPlayer.length; i++) {
            System.arraycopy(perPlayer[i], 0, out, layout.sequenceOffset()[i], perPlayer[i].length);
        }
        return out;
    }

    @Test
    void firstPlayersFirstUpdateIsTheSimultaneousOneAndTheOthersSeeIt() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 3L);
        SolverConfig alt = SolverConfig.npcfrPlus(ShippedModels.resolve("biased_shapley"))
                .withUpdates(UpdateMode.ALTERNATING);
        try (SolverSession a = new CpuBackend(1).open(batch, alt);
             SolverSession s = new CpuBackend(1).open(batch, alt.withUpdates(UpdateMode.SIMULTANEOUS))) {
            new RegretMinimizer(a).iterate();
            new RegretMinimizer(s).iterate();
            double[][][] ra = a.read(SequenceBuffer.CUMULATIVE_REGRET);
            double[][][] rs = s.read(SequenceBuffer.CUMULATIVE_REGRET);
            for (int b = 0; b < batch.size(); b++) {
                assertArrayEquals(rs[b][0], ra[b][0], 0.0, "player 0 plays against the same uniform plans");
                assertTrue(!java.util.Arrays.equals(rs[b][1], ra[b][1]), "player 1 sees player 0's new plan");
            }
        }
    }

    @Test
    void batchEqualsInstancesAloneAndResumeIsBitIdentical() {
        GameBatch batch = GameCatalog.distribution("kuhn_poker(players=3,noise=0.2)").sample(3, 11L);
        SolverConfig config = alternating();
        SolveResult whole = SolveRun.run(new CpuBackend(2), batch, config, RunOptions.of(64));
        for (int b = 0; b < batch.size(); b++) {
            GameBatch one = GameBatch.replicate(batch.structure(), batch.instance(b), 1);
            SolveResult alone = SolveRun.run(new CpuBackend(1), one, config, RunOptions.of(64));
            int game = b;
            CheckpointRecord inBatch = whole.record().last().stream().filter(r -> r.instance() == game).findFirst()
                    .orElseThrow();
            assertEquals(alone.record().last().get(0).nashGap(), inBatch.nashGap(), 0.0, "instance " + b);
        }
        Path state = dir.resolve("alt.state");
        SolveRun.run(new CpuBackend(2), batch, config, RunOptions.of(64).withIterations(23).withStateFile(state, false));
        SolveResult resumed = SolveRun.run(new CpuBackend(1), batch, config, RunOptions.of(64).withStateFile(state, true));
        List<CheckpointRecord> a = whole.record().last();
        List<CheckpointRecord> r = resumed.record().last();
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).nashGap(), r.get(k).nashGap(), 0.0, "record " + k);
        }
        assertTrue(whole.record().last().get(0).nashGap() < 0.5, "alternating NPCFR+ converges on three-player Kuhn: "
                + whole.record().last().get(0).nashGap());
    }
}

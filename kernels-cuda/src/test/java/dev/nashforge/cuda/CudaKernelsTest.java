package dev.nashforge.cuda;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launches of every primitive, built without a device: each passes the kernel's parameter list (checked on
 * construction), points into its buffer, covers the work its kernel loops over, and carries the scalars the
 * configured rule needs.
 */
class CudaKernelsTest {

    @ParameterizedTest(name = "{0}, B={1}, {2}")
    @CsvSource(delimiter = ';', value = {"kuhn_poker; 1; cfr", "leduc_poker; 7; pcfr+", "kuhn_poker(players=3); 3; dcfr",
            "random_matrix(players=3,actions=3,seed=7); 2; rm+"})
    void everyLaunchFitsItsKernelAndItsBuffers(String spec, int batchSize, String preset) {
        GameStructure s = CudaTestGames.compile(spec).structure();
        CudaSessionLayout layout = new CudaSessionLayout(s, batchSize, 64);
        CudaKernels kernels = new CudaKernels(layout, SolverConfig.preset(preset), DeviceLimits.h100());
        int launches = 0;
        for (CudaPrimitive primitive : CudaPrimitive.values()) {
            if (primitive == CudaPrimitive.PREDICTION || primitive == CudaPrimitive.PLAYER_PREDICTION) {
                // no learned prediction in these presets: no network launch
                assertThrows(IllegalArgumentException.class, () -> kernels.launches(primitive, 0));
                continue;
            }
            int players = primitive == CudaPrimitive.JOINT_PLAY ? 1 : s.numPlayers();
            for (int p = 0; p < players; p++) {
                List<KernelLaunch> list = kernels.launches(primitive, p);
                assertEquals(primitive == CudaPrimitive.INSTANTANEOUS_REGRET ? 2 : 1, list.size());
                for (KernelLaunch l : list) {
                    launches++;
                    for (KernelArg a : l.args()) {
                        if (a instanceof KernelArg.Slice slice) {
                            assertTrue(slice.elementOffset() < Math.max(1, layout.elements(slice.buffer())),
                                    l.describe() + ": " + slice + " outside the buffer");
                        }
                    }
                    long work = switch (l.kernel()) {
                        case STRATEGY -> (long) batchSize * (s.treeplex(p).numInfosets() + 1);
                        case LEAF_VALUES, UPDATE_REGRET, AVERAGE -> (long) batchSize * s.treeplex(p).numSequences();
                        case JOINT_PLAY -> (long) batchSize * s.numTerminals();
                        case REALIZATION_PLAN, COUNTERFACTUAL_REGRET -> batchSize;
                        case NETWORK -> throw new AssertionError("a network launch without a learned prediction");
                    };
                    long blocksNeeded = l.kernel().usesBlockBarrier() ? work : (work + l.geometry().blockX() - 1)
                            / l.geometry().blockX();
                    assertEquals(Math.min(blocksNeeded, DeviceLimits.h100().gridCap()), l.geometry().gridX(),
                            l.describe());
                    assertTrue(l.context().contains(s.name()), l.context());
                }
            }
        }
        assertEquals(5 * s.numPlayers() + s.numPlayers() + 1, launches);
        assertThrows(IllegalArgumentException.class, () -> kernels.launches(CudaPrimitive.JOINT_PLAY, 1));
    }

    @Test
    void theNetworkLaunchCoversEveryRowOfEveryInstanceAndItsBuffers() {
        // 3-player Kuhn, B=3, the shipped GRU: one thread per (instance, row), rows = all players' sequences
        dev.nashforge.games.layout.CompiledGame g = CudaTestGames.compile("kuhn_poker(players=3)");
        dev.nashforge.games.batch.GameBatch batch = dev.nashforge.games.batch.GameBatch.replicate(g.structure(),
                g.instance(), 3);
        SolverConfig config = SolverConfig.npcfrPlus(dev.nashforge.host.solver.ShippedModels.resolve("biased_shapley"));
        CudaNetwork network = new CudaNetwork(batch, config.model());
        CudaSessionLayout layout = new CudaSessionLayout(g.structure(), 3, 8, network);
        CudaKernels kernels = new CudaKernels(layout, config, DeviceLimits.h100(), network);
        List<KernelLaunch> list = kernels.launches(CudaPrimitive.PREDICTION, 0);
        assertEquals(1, list.size());
        KernelLaunch l = list.get(0);
        assertEquals(CudaKernel.NETWORK, l.kernel());
        int rows = 0;
        for (int p = 0; p < g.structure().numPlayers(); p++) {
            rows += g.structure().treeplex(p).numSequences();
        }
        assertEquals(rows, network.rows());
        assertEquals((3L * rows + l.geometry().blockX() - 1) / l.geometry().blockX(), l.geometry().gridX());
        assertEquals(3L * network.stateLength(), layout.elements(CudaBuffer.PREDICTOR_STATE));
        assertEquals(network.parameters().length, layout.elements(CudaBuffer.NETWORK_PARAMETERS));
        assertEquals(3L * network.infosets(), layout.elements(CudaBuffer.PREDICTION_BOUND));
        for (KernelArg a : l.args()) {
            if (a instanceof KernelArg.Slice slice) {
                assertTrue(slice.elementOffset() < layout.elements(slice.buffer()), slice + " outside the buffer");
            }
        }
        double[] scalars = new double[2];
        kernels.scalars(CudaPrimitive.PREDICTION, 5, 0, scalars, 0);
        assertEquals(network.iterationFeature(5), scalars[0]);
        CudaKernels plain = new CudaKernels(new CudaSessionLayout(g.structure(), 3, 8), SolverConfig.preset("pcfr+"),
                DeviceLimits.h100());
        assertEquals(0, new CudaSessionLayout(g.structure(), 3, 8).elements(CudaBuffer.PREDICTOR_STATE));
        assertThrows(IllegalStateException.class, () -> plain.scalars(CudaPrimitive.PREDICTION, 5, 0, scalars, 0));
    }

    @Test
    void thePerPlayerNetworkLaunchesCoverEachPlayersRowsOnce() {
        // alternating NPCFR: one launch per player on rows firstRow .. firstRow + count - 1 of every instance; the
        // players' ranges tile all rows in order, the grid covers B × count threads, the scalars are the same
        dev.nashforge.games.layout.CompiledGame g = CudaTestGames.compile("kuhn_poker(players=3)");
        dev.nashforge.games.batch.GameBatch batch = dev.nashforge.games.batch.GameBatch.replicate(g.structure(),
                g.instance(), 3);
        SolverConfig config = SolverConfig.npcfrPlus(dev.nashforge.host.solver.ShippedModels.resolve("biased_shapley"))
                .withUpdates(dev.nashforge.host.solver.UpdateMode.ALTERNATING);
        CudaNetwork network = new CudaNetwork(batch, config.model());
        CudaSessionLayout layout = new CudaSessionLayout(g.structure(), 3, 8, network);
        CudaKernels kernels = new CudaKernels(layout, config, DeviceLimits.h100(), network);
        List<CudaKernel.Param> params = CudaKernel.NETWORK.params();
        int rowsAt = indexOf(params, "rows");
        int firstAt = indexOf(params, "firstRow");
        int countAt = indexOf(params, "count");
        int next = 0;
        for (int p = 0; p < g.structure().numPlayers(); p++) {
            List<KernelLaunch> list = kernels.launches(CudaPrimitive.PLAYER_PREDICTION, p);
            assertEquals(1, list.size());
            KernelLaunch l = list.get(0);
            assertEquals(CudaKernel.NETWORK, l.kernel());
            int count = g.structure().treeplex(p).numSequences();
            assertEquals(network.rows(), ((KernelArg.IntValue) l.args().get(rowsAt)).value());
            assertEquals(next, ((KernelArg.IntValue) l.args().get(firstAt)).value(), "player " + p);
            assertEquals(count, ((KernelArg.IntValue) l.args().get(countAt)).value(), "player " + p);
            assertEquals((3L * count + l.geometry().blockX() - 1) / l.geometry().blockX(), l.geometry().gridX());
            assertTrue(l.context().contains("player " + p), l.context());
            next += count;
        }
        assertEquals(network.rows(), next);
        KernelLaunch all = kernels.launches(CudaPrimitive.PREDICTION, 0).get(0);
        assertEquals(0, ((KernelArg.IntValue) all.args().get(firstAt)).value());
        assertEquals(network.rows(), ((KernelArg.IntValue) all.args().get(countAt)).value());
        double[] a = new double[2];
        double[] b = new double[2];
        kernels.scalars(CudaPrimitive.PREDICTION, 7, 0, a, 0);
        kernels.scalars(CudaPrimitive.PLAYER_PREDICTION, 7, 0, b, 0);
        assertEquals(a[0], b[0]);
    }

    private static int indexOf(List<CudaKernel.Param> params, String name) {
        for (int k = 0; k < params.size(); k++) {
            if (params.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new AssertionError("the network kernel has no parameter " + name);
    }

    @Test
    void scalarsFollowTheRegretUpdateRule() {
        GameStructure s = CudaTestGames.compile("kuhn_poker").structure();
        CudaSessionLayout layout = new CudaSessionLayout(s, 1, 8);
        double[] into = new double[4];
        SolverConfig dcfr = SolverConfig.dcfr(1.5, 0.5, 2);
        new CudaKernels(layout, dcfr, DeviceLimits.h100()).scalars(CudaPrimitive.UPDATE_REGRET, 3, 0, into, 2);
        RegretUpdate rule = dcfr.regretUpdate();
        // t^1.5/(t^1.5+1) and t^0.5/(t^0.5+1) at t = 3, as RegretUpdate computes them on the host
        assertEquals(rule.positiveDiscount(3), into[2], 0.0);
        assertEquals(rule.negativeDiscount(3), into[3], 0.0);
        assertEquals(Math.pow(3, 1.5) / (Math.pow(3, 1.5) + 1), into[2], 1e-15);
        new CudaKernels(layout, SolverConfig.lcfr(), DeviceLimits.h100()).scalars(CudaPrimitive.UPDATE_REGRET, 5, 0,
                into, 0);
        assertEquals(5.0, into[0], 0.0);
        new CudaKernels(layout, SolverConfig.cfr(), DeviceLimits.h100()).scalars(CudaPrimitive.UPDATE_REGRET, 5, 0,
                into, 0);
        assertEquals(1.0, into[0], 0.0);
        new CudaKernels(layout, SolverConfig.cfrPlus(), DeviceLimits.h100()).scalars(CudaPrimitive.AVERAGE, 9, 0.25,
                into, 0);
        assertEquals(0.25, into[0], 0.0);
        assertEquals(0.0, into[1], 0.0);
    }

    @Test
    void ruleAndPredictionAreBakedIntoTheUpdateLaunch() {
        GameStructure s = CudaTestGames.compile("kuhn_poker").structure();
        CudaSessionLayout layout = new CudaSessionLayout(s, 1, 8);
        assertEquals(List.of(CudaKernels.RULE_PLUS, 1), ruleAndPredict(layout, SolverConfig.pcfrPlus()));
        assertEquals(List.of(CudaKernels.RULE_PLUS, 0), ruleAndPredict(layout, SolverConfig.cfrPlus()));
        assertEquals(List.of(CudaKernels.RULE_WEIGHTED, 0), ruleAndPredict(layout, SolverConfig.lcfr()));
        assertEquals(List.of(CudaKernels.RULE_DISCOUNTED, 0), ruleAndPredict(layout, SolverConfig.dcfr()));
    }

    private static List<Integer> ruleAndPredict(CudaSessionLayout layout, SolverConfig config) {
        KernelLaunch l = new CudaKernels(layout, config, DeviceLimits.h100()).launches(CudaPrimitive.UPDATE_REGRET, 1)
                .get(0);
        return List.of(((KernelArg.IntValue) l.args().get(2)).value(), ((KernelArg.IntValue) l.args().get(3)).value());
    }

    @Test
    void aLaunchWithArgumentsTheKernelDoesNotTakeIsRefused() {
        LaunchGeometry g = new LaunchGeometry(1, 32);
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class,
                () -> new KernelLaunch(CudaKernel.AVERAGE, g, List.of(new KernelArg.IntValue(1)), "test"));
        assertTrue(wrongCount.getMessage().contains("takes 5 arguments"), wrongCount.getMessage());
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                () -> new KernelLaunch(CudaKernel.AVERAGE, g, List.of(new KernelArg.IntValue(1),
                        new KernelArg.IntValue(2), KernelArg.SCALARS, new KernelArg.Slice(CudaBuffer.INT_TABLES, 0),
                        new KernelArg.Slice(CudaBuffer.AVERAGE_PLAN, 0)), "test"));
        assertTrue(wrongKind.getMessage().contains("argument 3 (plan, REAL_IN)"), wrongKind.getMessage());
    }
}

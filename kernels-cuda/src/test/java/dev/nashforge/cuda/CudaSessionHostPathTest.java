package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session's host-side path up to the driver calls, on an executor that records instead of launching: what it
 * allocates and uploads, which launches it submits with which bound arguments and scalars, how it reads and writes
 * state, and how it refuses bad input.
 */
class CudaSessionHostPathTest {

    private static final CudaOptions OPTIONS = new CudaOptions(8, true, false, 4);

    private static CudaSolverSession open(HostMemoryExecutor ex, GameBatch batch, SolverConfig config) {
        return new CudaSolverSession(batch, config, ex, OPTIONS, "not used (test)");
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void allocatesEveryBufferAndUploadsTheGame(Precision precision) {
        GameBatch batch = CudaTestGames.batch("kuhn_poker(players=3)", 2, true);
        HostMemoryExecutor ex = new HostMemoryExecutor(1L << 30);
        try (CudaSolverSession s = open(ex, batch, SolverConfig.cfrPlus().withPrecision(precision))) {
            CudaSessionLayout layout = new CudaSessionLayout(batch.structure(), 2, 8);
            assertEquals(List.of(CudaBuffer.values()), ex.allocationBuffers);
            for (CudaBuffer b : CudaBuffer.values()) {
                assertEquals(layout.bytes(b, precision), ex.memory(b).capacity(), b + " bytes");
            }
            int[] table = new int[layout.intTable().length];
            ex.memory(CudaBuffer.INT_TABLES).asIntBuffer().get(table);
            assertArrayEquals(layout.intTable(), table);
            // weighted utility of player 2, instance 1, sorted terminal k: c(z_k)·u_2(z_k) rounded to the precision
            GameStructure st = batch.structure();
            int z = st.numTerminals();
            int[] order = st.terminalsBySequence(2);
            for (int k = 0; k < z; k++) {
                int t = order[k];
                double expected = batch.chanceReach()[z + t] * batch.utility()[(3 + 2) * z + t];
                long at = layout.utilityOffset(2) + z + k;
                double actual = precision == Precision.FLOAT
                        ? ex.memory(CudaBuffer.WEIGHTED_UTILITY).getFloat((int) at * 4)
                        : ex.memory(CudaBuffer.WEIGHTED_UTILITY).getDouble((int) at * 8);
                assertEquals(precision == Precision.FLOAT ? (float) ((float) batch.chanceReach()[z + t]
                        * (float) batch.utility()[(3 + 2) * z + t]) : expected, actual, 0.0, "sorted terminal " + k);
            }
            assertEquals(0.0, ex.memory(CudaBuffer.CUMULATIVE_REGRET).getDouble(0), 0.0, "state starts at 0");
        }
        assertTrue(ex.closed, "closing the session closes its executor");
    }

    @Test
    void openingComputesStrategiesAndPlansAndAnIterationQueuesItsPrimitives() {
        GameBatch batch = CudaTestGames.batch("kuhn_poker", 1, false);
        HostMemoryExecutor ex = new HostMemoryExecutor(1L << 30);
        try (CudaSolverSession s = open(ex, batch, SolverConfig.cfrPlus())) {
            assertEquals(1, ex.submitted.size());
            assertEquals(List.of("strategy_f64", "realization_plan_f64", "strategy_f64", "realization_plan_f64"),
                    entryPoints(ex.submitted.get(0).launches()));
            RegretMinimizer solver = new RegretMinimizer(s);
            solver.iterate();
            solver.iterate();
            s.synchronize();
            // 2 iterations x 10 operations in chunks of 8: two full chunks and a partial one of 4
            assertEquals(4, ex.submitted.size());
            assertTrue(ex.submitted.get(1).cacheable() && ex.submitted.get(2).cacheable()
                    && !ex.submitted.get(3).cacheable());
            List<String> kernels = new ArrayList<>();
            List<Double> scalars = new ArrayList<>();
            for (HostMemoryExecutor.Submitted c : ex.submitted.subList(1, 4)) {
                kernels.addAll(entryPoints(c.launches()));
                for (double d : c.scalars()) {
                    scalars.add(d);
                }
            }
            List<String> oneIteration = List.of("average_f64", "average_f64", "leaf_values_f64",
                    "counterfactual_regret_f64", "update_regret_f64", "strategy_f64", "realization_plan_f64",
                    "leaf_values_f64", "counterfactual_regret_f64", "update_regret_f64", "strategy_f64",
                    "realization_plan_f64");
            List<String> two = new ArrayList<>(oneIteration);
            two.addAll(oneIteration);
            assertEquals(two, kernels);
            // CFR+ averages linearly: steps w_t/W_t = 1 (t = 1) and 2/3 (t = 2); updates carry no scalars
            assertEquals(List.of(1.0, 0.0, 1.0, 0.0), scalars.subList(0, 4));
            assertEquals(2.0 / 3.0, scalars.get(20), 0.0);
            assertTrue(ex.submitted.get(3).description().contains("iteration 2"), ex.submitted.get(3).description());
        }
    }

    @Test
    void boundArgumentsPointIntoTheRightAllocations() {
        GameBatch batch = CudaTestGames.batch("leduc_poker", 3, false);
        HostMemoryExecutor ex = new HostMemoryExecutor(1L << 30);
        try (CudaSolverSession s = open(ex, batch, SolverConfig.cfr().withPrecision(Precision.FLOAT))) {
            CudaSessionLayout layout = new CudaSessionLayout(batch.structure(), 3, 8);
            BoundLaunch[] update = s.bound(CudaPrimitive.UPDATE_REGRET, 1, 5);
            assertEquals(1, update.length);
            List<BoundLaunch.Arg> args = update[0].args();
            assertEquals(new BoundLaunch.PointerArg(CudaBuffer.SCALARS.ordinal(), 5 * 16), args.get(4),
                    "operation 5 of a chunk reads scalars 10 and 11");
            assertEquals(new BoundLaunch.PointerArg(CudaBuffer.CUMULATIVE_REGRET.ordinal(),
                    4 * layout.sequenceOffset(1)), args.get(6), "player 1's regrets, float elements");
            BoundLaunch leaf = s.bound(CudaPrimitive.INSTANTANEOUS_REGRET, 0, 0)[0];
            assertEquals("leaf_values_f32", leaf.entryPoint());
            assertEquals(new BoundLaunch.PointerArg(CudaBuffer.REALIZATION_PLAN.ordinal(), 0), leaf.args().get(7),
                    "the leaf kernel reads all players' plans");
        }
    }

    @Test
    void writeThenReadRoundsToThePrecisionAndKeepsShapes() {
        GameBatch batch = CudaTestGames.batch("kuhn_poker(players=3)", 2, true);
        HostMemoryExecutor ex = new HostMemoryExecutor(1L << 30);
        try (CudaSolverSession s = open(ex, batch, SolverConfig.pcfrPlus().withPrecision(Precision.FLOAT))) {
            double[][][] regrets = s.read(SequenceBuffer.CUMULATIVE_REGRET);
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < regrets[b][i].length; k++) {
                        regrets[b][i][k] = 0.1 * (b + 1) + i + k / 7.0;
                    }
                }
            }
            s.write(SequenceBuffer.CUMULATIVE_REGRET, regrets);
            double[][][] back = s.read(SequenceBuffer.CUMULATIVE_REGRET);
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < back[b][i].length; k++) {
                        assertEquals((float) regrets[b][i][k], back[b][i][k], 0.0, b + "/" + i + "/" + k);
                    }
                }
            }
            int z = batch.structure().numTerminals();
            JointPlayWeights[] joint = new JointPlayWeights[2];
            for (int b = 0; b < 2; b++) {
                double[][] y = new double[3][z];
                double[] j = new double[z];
                for (int t = 0; t < z; t++) {
                    j[t] = 1.0 / (t + 1 + b);
                    for (int i = 0; i < 3; i++) {
                        y[i][t] = (i + 1.0) / (t + 3);
                    }
                }
                joint[b] = new JointPlayWeights(y, j);
            }
            s.writeJointPlay(joint);
            JointPlayWeights[] read = s.readJointPlay();
            assertEquals((float) joint[1].jointWeights()[5], read[1].jointWeights()[5], 0.0);
            assertEquals((float) joint[0].opponentWeights()[2][7], read[0].opponentWeights()[2][7], 0.0);
        }
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        GameBatch batch = CudaTestGames.batch("kuhn_poker", 2, false);
        HostMemoryExecutor ex = new HostMemoryExecutor(1L << 30);
        CudaSolverSession s = open(ex, batch, SolverConfig.cfr());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.computeStrategy(2)).getMessage()
                .contains("player 2 does not exist"));
        assertThrows(IllegalArgumentException.class, () -> s.updateRegret(0, 0));
        assertThrows(IllegalArgumentException.class, () -> s.updateAverage(0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> s.accumulateJointPlay(0));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> s.write(SequenceBuffer.INSTANTANEOUS_REGRET, new double[2][2][13])).getMessage()
                .contains("scratch"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> s.write(SequenceBuffer.PREDICTION, new double[2][2][12])).getMessage()
                .contains("player 0: 12 sequences given, the treeplex has 13"));
        assertThrows(IllegalArgumentException.class, () -> s.writeJointPlay(new JointPlayWeights[1]));
        s.close();
        assertThrows(IllegalStateException.class, () -> s.computeStrategy(0));
        assertThrows(IllegalStateException.class, () -> s.read(SequenceBuffer.AVERAGE_PLAN));
    }

    @Test
    void aBatchLargerThanTheFreeMemoryIsRefusedBeforeAllocating() {
        GameBatch batch = CudaTestGames.batch("leduc_poker", 64, false);
        HostMemoryExecutor ex = new HostMemoryExecutor(1 << 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> open(ex, batch, SolverConfig.cfr()));
        assertTrue(e.getMessage().contains("MiB of device memory") && e.getMessage().contains("batches of at most"),
                e.getMessage());
        assertTrue(ex.memory.isEmpty());
        assertTrue(ex.closed, "a failed open closes the executor");
    }

    @Test
    void trafficModelCountsEachElementOnce() {
        GameBatch batch = CudaTestGames.batch("kuhn_poker", 4, false);
        try (CudaSolverSession s = open(new HostMemoryExecutor(1L << 30), batch, SolverConfig.cfr())) {
            CudaSessionLayout layout = new CudaSessionLayout(batch.structure(), 4, 8);
            CudaTrafficModel m = new CudaTrafficModel(layout, Precision.DOUBLE, false);
            // Kuhn: 13 sequences, 6 infosets per player, 30 terminals; B = 4, 8-byte elements
            assertEquals(3 * 4 * 13 * 8, m.bytes(CudaPrimitive.AVERAGE, 0));
            assertEquals(3 * 4 * 13 * 8 + 8 * 6, m.bytes(CudaPrimitive.STRATEGY, 1));
            assertEquals(4 * 26 * 8 + 2 * 4 * 2 * 30 * 8 + 2 * 4 * 30 * 8 + 4 * 2 * 30,
                    m.bytes(CudaPrimitive.JOINT_PLAY, 0));
            assertEquals(m.iterationBytes(), s.bytesPerIteration());
            assertEquals(new CudaTrafficModel(layout, Precision.FLOAT, true).bytes(CudaPrimitive.UPDATE_REGRET, 0),
                    4 * 4 * 13 * 4);
        }
    }

    private static List<String> entryPoints(List<BoundLaunch> launches) {
        List<String> names = new ArrayList<>();
        for (BoundLaunch l : launches) {
            names.add(l.entryPoint());
        }
        return names;
    }
}

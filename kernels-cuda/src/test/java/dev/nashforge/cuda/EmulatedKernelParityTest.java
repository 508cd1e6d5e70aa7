package dev.nashforge.cuda;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernels' CUDA source, compiled for the host ({@link KernelEmulator}) and driven by the real session code,
 * reproduces the CPU backend bit for bit on every {@link CudaParityChecks#scenarios() scenario}, with the geometry
 * of an H100 and with that of a tiny device (2-block grids of at most 64 threads), which sends every kernel through
 * its grid-stride and instance loops. AddressSanitizer in the emulator turns any out-of-bounds access into a
 * failure. Needs g++ (skipped otherwise); about 10 s, most of it compiling the emulator once.
 */
class EmulatedKernelParityTest {

    /** A device whose grid holds 2 blocks of at most 64 threads: every loop of every kernel runs more than once. */
    static final DeviceLimits TINY = new DeviceLimits(2, 64, 1, 32);

    @BeforeAll
    static void emulatorBuilds() {
        assumeTrue(KernelEmulator.binary() != null, KernelEmulator.unavailableReason());
    }

    private static CudaSolverSession open(dev.nashforge.games.batch.GameBatch batch,
                                          dev.nashforge.host.solver.SolverConfig config, DeviceLimits limits) {
        return new CudaSolverSession(batch, config, KernelEmulator.start(limits), new CudaOptions(7, false, false, 4),
                "not used (emulated)");
    }

    static List<CudaParityChecks.Scenario> scenarios() {
        return CudaParityChecks.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesTheCpuBackendBitForBitOnAnH100Geometry(CudaParityChecks.Scenario s) {
        CudaParityChecks.assertMatchesCpu(s, (batch, config) -> open(batch, config, DeviceLimits.h100()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesTheCpuBackendBitForBitOnATinyGrid(CudaParityChecks.Scenario s) {
        CudaParityChecks.assertMatchesCpu(s, (batch, config) -> open(batch, config, TINY));
    }

    @Test
    void resumingFromReadStateMatchesTheCpuBackend() {
        CudaParityChecks.assertResumeMatchesCpu(CudaParityChecks.scenarios().get(2),
                (batch, config) -> open(batch, config, TINY));
        CudaParityChecks.assertResumeMatchesCpu(CudaParityChecks.scenarios().get(1),
                (batch, config) -> open(batch, config, DeviceLimits.h100()));
    }

    @Test
    void aKernelReadingPastItsBufferIsCaught() {
        // Launch the leaf kernel with one sequence too many per instance: the last thread reads segmentStart[S+1]
        // and writes value[B*S], one past the end of the buffer when its block is the last one.
        try (EmulatedExecutor ex = KernelEmulator.start(DeviceLimits.h100())) {
            int table = ex.allocate(CudaBuffer.INT_TABLES, 4 * 3);
            ex.upload(table, 0, new int[] {0, 1, 2});
            int utility = ex.allocate(CudaBuffer.WEIGHTED_UTILITY, 8 * 2);
            int value = ex.allocate(CudaBuffer.COUNTERFACTUAL_VALUE, 8 * 2);
            KernelLaunch leaf = new KernelLaunch(CudaKernel.LEAF_VALUES, new LaunchGeometry(1, 32), List.of(
                    new KernelArg.IntValue(1), new KernelArg.IntValue(3), new KernelArg.IntValue(2),
                    new KernelArg.IntValue(0), new KernelArg.Slice(CudaBuffer.INT_TABLES, 0),
                    new KernelArg.Slice(CudaBuffer.WEIGHTED_UTILITY, 0), new KernelArg.Slice(CudaBuffer.INT_TABLES, 0),
                    new KernelArg.Slice(CudaBuffer.WEIGHTED_UTILITY, 0), new KernelArg.Slice(CudaBuffer.INT_TABLES, 0),
                    new KernelArg.Slice(CudaBuffer.INT_TABLES, 0), new KernelArg.Slice(CudaBuffer.COUNTERFACTUAL_VALUE, 0)),
                    "deliberately out of bounds");
            BoundLaunch bound = new BoundLaunch(leaf, "leaf_values_f64", List.of(new BoundLaunch.IntArg(1),
                    new BoundLaunch.IntArg(3), new BoundLaunch.IntArg(2), new BoundLaunch.IntArg(0),
                    new BoundLaunch.PointerArg(table, 0), new BoundLaunch.PointerArg(utility, 0),
                    new BoundLaunch.PointerArg(table, 0), new BoundLaunch.PointerArg(utility, 0),
                    new BoundLaunch.PointerArg(table, 0), new BoundLaunch.PointerArg(table, 0),
                    new BoundLaunch.PointerArg(value, 0)));
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> ex.submit(new LaunchChunk(null, false, value, new double[0], 0, List.of(bound),
                            () -> "an out-of-bounds launch")));
            assertTrue(e.getMessage().contains("AddressSanitizer"), e.getMessage());
        }
    }
}

package dev.nashforge.cuda;

import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a CUDA device: every {@link CudaParityChecks#scenarios() scenario} matches the CPU backend bit for bit (as the
 * emulated kernels do), through graphs (chunks of 64) and through direct synchronized launches (sync mode); the
 * graph cache is really used; and a rerun is bit-identical. Skipped without a device, failed instead under
 * {@code -Dnashforge.cuda.required=true}.
 */
class CudaDeviceParityTest {

    @BeforeAll
    static void deviceAvailable() {
        BackendAvailability a = new CudaBackend().availability();
        if (!a.available() && Boolean.getBoolean(CudaConformanceTest.REQUIRED_PROPERTY)) {
            fail("the CUDA backend is required here but unavailable: " + a.reason());
        }
        assumeTrue(a.available(), a.reason());
    }

    static List<CudaParityChecks.Scenario> scenarios() {
        return CudaParityChecks.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesTheCpuBackendBitForBitThroughGraphs(CudaParityChecks.Scenario s) {
        CudaParityChecks.assertMatchesCpu(s, (batch, config) -> new CudaBackend().open(batch, config));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesTheCpuBackendBitForBitLaunchByLaunch(CudaParityChecks.Scenario s) {
        CudaDevice device = CudaProbe.result().device();
        CudaOptions sync = new CudaOptions(1, false, true, 4);
        CudaParityChecks.assertMatchesCpu(s, (batch, config) -> new CudaSolverSession(batch, config,
                new JCudaExecutor(device, sync, 2), sync, CudaBackend.CUBLAS_STATUS));
    }

    @Test
    void resumingMatchesTheCpuBackend() {
        CudaParityChecks.assertResumeMatchesCpu(CudaParityChecks.scenarios().get(2),
                (batch, config) -> new CudaBackend().open(batch, config));
    }

    @Test
    void graphsAreReusedAndRerunsAreBitIdentical() {
        SolverConfig config = SolverConfig.pcfrPlus();
        double[][][] first;
        String paths;
        try (CudaSolverSession s = (CudaSolverSession) new CudaBackend().open(
                CudaTestGames.batch("leduc_poker", 8, true), config)) {
            RegretMinimizer solver = new RegretMinimizer(s);
            for (int t = 0; t < 200; t++) {
                solver.iterate();
            }
            first = s.read(SequenceBuffer.AVERAGE_PLAN);
            paths = s.paths().describe();
        }
        assertTrue(paths.contains("graphs on") && paths.matches(".*\\b([1-9]\\d*) graph launches.*"), paths);
        assertTrue(paths.matches(".*\\b[1-9]\\d* reused.*"), "the cached graphs are replayed: " + paths);
        try (SolverSession s = new CudaBackend().open(CudaTestGames.batch("leduc_poker", 8, true), config)) {
            RegretMinimizer solver = new RegretMinimizer(s);
            for (int t = 0; t < 200; t++) {
                solver.iterate();
            }
            double[][][] second = s.read(SequenceBuffer.AVERAGE_PLAN);
            for (int b = 0; b < first.length; b++) {
                for (int p = 0; p < first[b].length; p++) {
                    for (int k = 0; k < first[b][p].length; k++) {
                        assertEquals(Double.doubleToLongBits(first[b][p][k]), Double.doubleToLongBits(second[b][p][k]),
                                "rerun differs at instance " + b + ", player " + p + ", sequence " + k);
                    }
                }
            }
        }
    }

    @Test
    void copyBandwidthIsMeasurable() {
        double gbps = CudaCopyBandwidth.measureGBps(1L << 28, 5);
        assertTrue(gbps > 10 && gbps < 20_000, "copy bandwidth " + gbps + " GB/s");
    }
}

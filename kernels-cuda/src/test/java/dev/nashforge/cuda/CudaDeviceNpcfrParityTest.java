package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.NpcfrParitySuite;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a CUDA device: NPCFR+ with the shipped biased_shapley model matches the CPU backend to 1e-12 in double (as the
 * emulated {@code network} kernel does, {@code EmulatedNpcfrParityTest}) through graphs (chunks of 64) and through
 * synchronized direct launches, on biased_shapley and on 3-player Kuhn; a rerun is bit-identical. Skipped without a
 * device, failed instead under {@code -Dnashforge.cuda.required=true}.
 */
class CudaDeviceNpcfrParityTest {

    @BeforeAll
    static void deviceAvailable() {
        BackendAvailability a = new CudaBackend().availability();
        if (!a.available() && Boolean.getBoolean(CudaConformanceTest.REQUIRED_PROPERTY)) {
            fail("the CUDA backend is required here but unavailable: " + a.reason());
        }
        assumeTrue(a.available(), a.reason());
    }

    private static SolverConfig npcfrPlus() {
        return SolverConfig.npcfrPlus(NpcfrParitySuite.shipped());
    }

    @Test
    void npcfrPlusMatchesTheCpuBackendThroughGraphs() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(16, 12345L);
        NpcfrParitySuite.assertDoubleParity(npcfrPlus(), batch, 60, (b, c) -> new CudaBackend().open(b, c));
    }

    @Test
    void npcfrPlusMatchesTheCpuBackendLaunchByLaunchOnThreePlayerKuhn() {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 4);
        CudaDevice device = CudaProbe.result().device();
        CudaOptions sync = new CudaOptions(1, false, true, 4);
        NpcfrParitySuite.assertDoubleParity(npcfrPlus(), batch, 40, (b, c) -> new CudaSolverSession(b, c,
                new JCudaExecutor(device, sync, 2), sync, CudaBackend.CUBLAS_STATUS));
    }

    @Test
    void alternatingNpcfrPlusMatchesTheCpuBackendThroughGraphs() {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 4);
        NpcfrParitySuite.assertDoubleParity(npcfrPlus().withUpdates(UpdateMode.ALTERNATING), batch, 40,
                (b, c) -> new CudaBackend().open(b, c));
    }

    @Test
    void rerunsAreBitIdentical() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(8, 3L);
        double[][][] first = run(batch);
        NpcfrParitySuite.assertClose(first, run(batch), 0.0, "rerun, average plan");
    }

    private static double[][][] run(GameBatch batch) {
        try (SolverSession s = new CudaBackend().open(batch, npcfrPlus())) {
            RegretMinimizer solver = new RegretMinimizer(s);
            for (int t = 0; t < 100; t++) {
                solver.iterate();
            }
            return s.read(SequenceBuffer.AVERAGE_PLAN);
        }
    }
}

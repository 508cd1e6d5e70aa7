package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.NpcfrParitySuite;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link NpcfrParitySuite} on the CUDA backend's {@code network} kernel of {@code CudaKernels.cu}, compiled for the
 * host by {@link KernelEmulator} and driven by the real session code: on the tiny geometry (every grid-stride loop
 * runs more than once) and, in two extra cases, on an H100's. Needs g++.
 */
class EmulatedNpcfrParityTest extends NpcfrParitySuite {

    @BeforeAll
    static void emulatorBuilds() {
        assumeTrue(KernelEmulator.binary() != null, KernelEmulator.unavailableReason());
    }

    @Override
    protected Backend backend() {
        return new CudaBackend();
    }

    /** A session on the emulated device with the tiny geometry: every grid-stride loop runs more than once. */
    @Override
    protected SolverSession open(GameBatch batch, SolverConfig config) {
        return open(batch, config, EmulatedKernelParityTest.TINY);
    }

    private static SolverSession open(GameBatch batch, SolverConfig config, DeviceLimits limits) {
        return new CudaSolverSession(batch, config, KernelEmulator.start(limits), new CudaOptions(7, false, false, 4),
                "not used (emulated)");
    }

    @Test
    void npcfrMatchesTheCpuBackendOnAnH100Geometry() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 7L);
        assertDoubleParity(SolverConfig.npcfr(shipped()), batch, 30, (b, c) -> open(b, c, DeviceLimits.h100()));
    }

    @Test
    void alternatingMlpNpcfrMatchesTheCpuBackendOnAnH100Geometry() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 17L);
        assertDoubleParity(SolverConfig.npcfr(mlp()).withUpdates(UpdateMode.ALTERNATING), batch, 30,
                (b, c) -> open(b, c, DeviceLimits.h100()));
    }
}

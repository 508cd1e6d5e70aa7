package dev.nashforge.opencl;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.NpcfrParitySuite;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link NpcfrParitySuite} on the OpenCL device: the network's forward pass as a kernel op, on every row or on one
 * player's rows. Every launch ran on OpenCL ({@code isRunningCL()}). Skipped without an OpenCL platform, failed
 * under {@code CI=true}.
 */
class OpenClNpcfrParityTest extends NpcfrParitySuite {

    private static final OpenClBackend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected SolverSession open(GameBatch batch, SolverConfig config) {
        return BACKEND.open(batch, config);
    }

    @Override
    protected void requirePrecision(Precision precision) {
        BackendAvailability a = BACKEND.availability();
        if (!a.available()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires an OpenCL platform: " + a.reason());
            }
            Assumptions.abort("no OpenCL device here: " + a.reason());
        }
        Assumptions.assumeTrue(BACKEND.precisions().contains(precision), "the OpenCL device lacks " + precision);
    }

    @Override
    protected void verifySession(SolverSession session) {
        assertTrue(((OpenClSolverSession) session).runningOnDevice(), "isRunningCL() is false");
    }

    @Test
    void theRegistrySelectsOpenClForALearnedConfiguration() {
        requirePrecision(Precision.DOUBLE);
        assertEquals("opencl", BackendRegistry.discover().select("opencl", SolverConfig.npcfrPlus(shipped()))
                .backend().name());
    }
}

package dev.nashforge.opencl;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.CpuParitySuite;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole solves on the OpenCL device agree with the CPU backend: to 1e-12 in double precision, within the
 * suite's documented float tolerances in float precision. Every session ran on OpenCL ({@code isRunningCL()}).
 * Skipped without an OpenCL platform, failed under {@code CI=true}.
 */
class OpenClCpuParityTest extends CpuParitySuite {

    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected boolean requiredHere() {
        return ciRequiresIt();
    }

    @Override
    protected void verifySession(SolverSession session) {
        assertTrue(((OpenClSolverSession) session).runningOnDevice(),
                "Aparapi ran the session's kernel outside OpenCL (isRunningCL() is false)");
    }
}

package dev.nashforge.opencl;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.BackendConformanceSuite;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenCL backend passes the shared backend conformance suite on the machine's OpenCL device (PoCL in CI),
 * and every session the suite opens really ran its kernels on OpenCL ({@code isRunningCL()}). Without an OpenCL
 * platform the suite is skipped with the reason, except under {@code CI=true}, where it fails.
 */
class OpenClConformanceTest extends BackendConformanceSuite {

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

package dev.nashforge.cuda;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.BackendConformanceSuite;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared backend conformance suite on the CUDA device. Skipped, with the backend's reason, where there is no
 * usable CUDA driver and device; fails instead when {@code -Dnashforge.cuda.required=true} (the GPU run of
 * {@code kernels-cuda/gpu/run-on-device.sh} sets it, so a broken device cannot pass as skipped).
 */
class CudaConformanceTest extends BackendConformanceSuite {

    static final String REQUIRED_PROPERTY = "nashforge.cuda.required";
    private static final Backend BACKEND = new CudaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected boolean requiredHere() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    @Override
    protected void verifySession(SolverSession session) {
        assertTrue(session instanceof CudaSolverSession && session.device().startsWith("CUDA: "), session.device());
    }
}

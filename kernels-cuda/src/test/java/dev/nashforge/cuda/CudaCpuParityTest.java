package dev.nashforge.cuda;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.CpuParitySuite;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared CPU-parity suite on the CUDA device (double within 1e-12, float within the suite's tolerances; the
 * kernels are designed for bit parity, which {@link CudaDeviceParityTest} checks). Skipped without a device,
 * failed instead under {@code -Dnashforge.cuda.required=true}.
 */
class CudaCpuParityTest extends CpuParitySuite {

    private static final Backend BACKEND = new CudaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected boolean requiredHere() {
        return Boolean.getBoolean(CudaConformanceTest.REQUIRED_PROPERTY);
    }

    @Override
    protected void verifySession(SolverSession session) {
        assertTrue(session instanceof CudaSolverSession && session.device().startsWith("CUDA: "), session.device());
    }
}

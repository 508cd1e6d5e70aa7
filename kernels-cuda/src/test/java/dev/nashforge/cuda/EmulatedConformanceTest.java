package dev.nashforge.cuda;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.conformance.BackendConformanceSuite;

/**
 * The shared backend conformance suite against the CUDA backend's kernels and session code, with the kernel
 * emulator as the device (on an H100's geometry, chunks of 5 operations). Skipped when g++ is missing.
 */
class EmulatedConformanceTest extends BackendConformanceSuite {

    private static final Backend BACKEND = new EmulatedCudaBackend(DeviceLimits.h100(),
            new CudaOptions(5, false, false, 4));

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected boolean requiredHere() {
        return false;
    }
}

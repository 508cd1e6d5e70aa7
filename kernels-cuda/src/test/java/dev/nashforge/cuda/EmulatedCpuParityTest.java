package dev.nashforge.cuda;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.conformance.CpuParitySuite;

/**
 * The shared CPU-parity suite against the CUDA backend's kernels and session code, with the kernel emulator as
 * the device on a tiny geometry (grids of 2 blocks of at most 64 threads, so every kernel loops). Skipped when g++
 * is missing.
 */
class EmulatedCpuParityTest extends CpuParitySuite {

    private static final Backend BACKEND = new EmulatedCudaBackend(EmulatedKernelParityTest.TINY,
            new CudaOptions(64, false, false, 4));

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected boolean requiredHere() {
        return false;
    }
}

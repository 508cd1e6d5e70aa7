package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;

import java.util.EnumSet;
import java.util.Set;

/**
 * The CUDA backend with the kernel emulator as its device ({@link KernelEmulator}): real sessions, real kernel
 * source, no GPU. Lets the shared backend suites run against the CUDA kernels on any machine with g++. Available
 * when the emulator builds.
 */
final class EmulatedCudaBackend implements Backend {

    private final DeviceLimits limits;
    private final CudaOptions options;

    EmulatedCudaBackend(DeviceLimits limits, CudaOptions options) {
        this.limits = limits;
        this.options = options;
    }

    @Override
    public String name() {
        return "cuda-emulated";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public BackendAvailability availability() {
        return KernelEmulator.binary() != null ? BackendAvailability.available(EmulatedExecutor.DEVICE)
                : BackendAvailability.unavailable(KernelEmulator.unavailableReason());
    }

    @Override
    public Set<Precision> precisions() {
        return EnumSet.allOf(Precision.class);
    }

    @Override
    public SolverSession open(GameBatch batch, SolverConfig config) {
        if (!precisions().contains(config.precision())) {
            throw new IllegalArgumentException("unsupported precision " + config.precision());
        }
        return new CudaSolverSession(batch, config, KernelEmulator.start(limits), options, CudaBackend.CUBLAS_STATUS);
    }
}

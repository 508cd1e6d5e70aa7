package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The CUDA backend ({@code cuda}, priority 300: {@code --backend auto} tries it first): the batched primitives as
 * CUDA kernels compiled by nvcc into a committed fatbin, launched through the JCuda driver API with the solver
 * state resident on the device ({@link CudaSolverSession}). Double and float precision.
 *
 * <p>Availability is probed once per JVM ({@link CudaProbe}): without an NVIDIA driver the backend is unavailable
 * and says why (JCuda's {@link UnsatisfiedLinkError} for {@code libcuda.so.1}); it never fails to load. The
 * device is chosen by {@code -Dnashforge.cuda.device} (default 0); launch options by the properties of
 * {@link CudaOptions}. cuBLAS is not used ({@link #CUBLAS_STATUS}: leaf values are segmented gathers over the
 * terminal table, and the network's small products are fused into its kernel), so this backend needs nothing but
 * {@code libcuda.so.1}.
 *
 * <p>Construction touches no native library. Thread-safe.
 */
public final class CudaBackend implements Backend {

    /** What {@link CudaPathReport#cublas()} says, and why. */
    static final String CUBLAS_STATUS = "not used (leaf values are segmented gathers over the sorted terminal "
            + "table, the treeplex passes are per-infoset, and NPCFR's network products, of inner dimension 10 + H, "
            + "are fused into the network kernel; the own kernels always run)";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public CudaBackend() {
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public int priority() {
        return 300;
    }

    @Override
    public BackendAvailability availability() {
        CudaProbe.Result r = CudaProbe.result();
        return r.available() ? BackendAvailability.available(r.device().description())
                : BackendAvailability.unavailable(r.reason());
    }

    @Override
    public Set<Precision> precisions() {
        return EnumSet.allOf(Precision.class);
    }

    /**
     * Every configuration the solver knows, learned ones (NPCFR / NPCFR+) included with either update mode: their
     * forward pass is the {@code network} kernel, on every row or on one player's rows
     * ({@link CudaSolverSession#computePrediction}).
     */
    @Override
    public Optional<String> unsupportedReason(SolverConfig config) {
        return Optional.empty();
    }

    @Override
    public SolverSession open(GameBatch batch, SolverConfig config) {
        requireSupported(config);
        if (!precisions().contains(config.precision())) {
            throw new IllegalArgumentException("the cuda backend does not support precision " + config.precision());
        }
        CudaProbe.Result r = CudaProbe.result();
        if (!r.available()) {
            throw new IllegalStateException("the cuda backend is unavailable: " + r.reason());
        }
        CudaOptions options = CudaOptions.fromSystemProperties();
        return new CudaSolverSession(batch, config, new JCudaExecutor(r.device(), options, 2 * options.chunkOps()),
                options, CUBLAS_STATUS);
    }
}

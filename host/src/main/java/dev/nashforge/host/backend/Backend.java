package dev.nashforge.host.backend;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.SolverConfig;

import java.util.Optional;
import java.util.Set;

/**
 * A compute backend for the batched regret-minimizer primitives (style.md rule 1). Implementations live in
 * their own modules and are discovered at run time through {@link java.util.ServiceLoader} (see
 * {@link BackendRegistry}); {@code host} never imports one.
 *
 * <p>Construction must be cheap and must not touch native libraries or devices: a provider is instantiated
 * for every listing. Device probing happens in {@link #availability()}, which must not throw (a failed probe is
 * reported as unavailable with its reason). Implementations must be thread-safe; sessions are not.
 */
public interface Backend {

    /** Short unique name used by {@code --backend}: {@code cpu}, {@code opencl}, {@code cuda}. */
    String name();

    /** Order of {@code --backend auto}: higher is tried first (CUDA 300, OpenCL 200, CPU 100). */
    int priority();

    /** Probes the device (may be cached). Never throws. */
    BackendAvailability availability();

    /** The precisions {@link #open} accepts. */
    Set<Precision> precisions();

    /**
     * Why {@code --backend auto} passes over this backend, when a cheap first stage of the probe already tells
     * (for example: the only device is the host CPU through OpenCL), so that {@code auto} need not run the full
     * probe of {@link #availability()}, which may compile kernels or start a device runtime. Empty when the
     * cheap stage cannot tell; {@code auto} then probes fully. A backend passed over this way may still be
     * named explicitly, and its full probe may then find it unavailable after all. Default: empty. Never throws.
     */
    default Optional<String> autoPassReasonBeforeProbe() {
        return Optional.empty();
    }

    /**
     * Why this backend cannot run {@code config}, or empty when it can. The default refuses configurations with a
     * learned prediction (NPCFR / NPCFR+), whose network forward pass ({@link SolverSession#computePrediction})
     * a backend must implement explicitly; {@code --backend auto} passes over a backend that refuses.
     */
    default Optional<String> unsupportedReason(SolverConfig config) {
        if (config.prediction() == Prediction.LEARNED) {
            return Optional.of("the " + name() + " backend does not implement the NPCFR network forward pass yet;"
                    + " run " + config.algorithm() + " with --backend cpu");
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} with {@link #unsupportedReason} when this backend cannot run it. */
    default void requireSupported(SolverConfig config) {
        Optional<String> reason = unsupportedReason(config);
        if (reason.isPresent()) {
            throw new IllegalArgumentException(reason.get());
        }
    }

    /**
     * Allocates the solver state for {@code batch} on the device and initializes it to iteration 0: cumulative
     * regrets and predictions 0, current strategies uniform, realization plans of those strategies, averages
     * and joint-play weights 0.
     *
     * @throws IllegalArgumentException if {@code config.precision()} is not in {@link #precisions()}, or the
     *                                  backend cannot run {@code config} ({@link #unsupportedReason})
     * @throws IllegalStateException    if the backend is not {@linkplain #availability() available}
     */
    SolverSession open(GameBatch batch, SolverConfig config);
}

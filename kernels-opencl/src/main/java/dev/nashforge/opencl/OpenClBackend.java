package dev.nashforge.opencl;

import com.aparapi.device.Device;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;

import java.util.Optional;
import java.util.Set;

/**
 * The OpenCL backend ({@code opencl}, priority 200: {@code --backend auto} takes it when no CUDA device is
 * available), running every primitive as an Aparapi kernel on one OpenCL device (see
 * {@link OpenClDeviceProbe} for the choice). Float precision on every device, double where the device reports
 * {@code cl_khr_fp64}. Solver state stays on the device between primitives and is read back only at
 * checkpoints. Without an OpenCL platform the backend is unavailable with the reason; it never runs its kernels
 * on Aparapi's Java thread-pool fallback ({@link OpenClFallbackException}).
 *
 * <p>Construction touches nothing native; the device is probed on the first {@link #availability()},
 * {@link #precisions()} or {@link #open}, once per JVM; {@link #autoPassReasonBeforeProbe()} only lists the
 * devices. Thread-safe; sessions are not.
 */
public final class OpenClBackend implements Backend {

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public BackendAvailability availability() {
        return OpenClDeviceProbe.result().availability();
    }

    /**
     * {@link OpenClDeviceProbe#CPU_DEVICE_AUTO_PASS} when the chosen device is a CPU, found by listing the devices
     * without compiling the kernels (so {@code --backend auto} never starts PoCL's LLVM to pass over it).
     */
    @Override
    public Optional<String> autoPassReasonBeforeProbe() {
        OpenClDeviceProbe.Discovery d = OpenClDeviceProbe.discovery();
        return d.device() != null && d.device().getType() == Device.TYPE.CPU
                ? Optional.of(OpenClDeviceProbe.CPU_DEVICE_AUTO_PASS) : Optional.empty();
    }

    /** {@code {double, float}} on an fp64 device, {@code {float}} without fp64, none when unavailable. */
    @Override
    public Set<Precision> precisions() {
        return OpenClDeviceProbe.result().precisions();
    }

    /**
     * Every regret minimizer, NPCFR / NPCFR+ included with either update mode (the network's forward pass runs as a
     * kernel op, on every row or on one player's rows); refuses
     * only a precision the probed device lacks (double without {@code cl_khr_fp64}).
     */
    @Override
    public Optional<String> unsupportedReason(SolverConfig config) {
        OpenClDeviceProbe.Result probe = OpenClDeviceProbe.result();
        if (probe.availability().available() && !probe.precisions().contains(config.precision())) {
            return Optional.of("the OpenCL device (" + probe.availability().device() + ") does not support "
                    + config.precision().label() + " precision: it lacks cl_khr_fp64; use --precision float or"
                    + " another backend");
        }
        return Optional.empty();
    }

    @Override
    public SolverSession open(GameBatch batch, SolverConfig config) {
        requireSupported(config);
        OpenClDeviceProbe.Result probe = OpenClDeviceProbe.result();
        if (!probe.availability().available()) {
            throw new IllegalStateException("the opencl backend is unavailable: " + probe.availability().reason());
        }
        if (!probe.precisions().contains(config.precision())) {
            throw new IllegalArgumentException("the OpenCL device (" + probe.availability().device()
                    + ") does not support " + config.precision().label() + " precision: it lacks cl_khr_fp64; "
                    + "use --precision float or another backend");
        }
        return new OpenClSolverSession(batch, config, probe.device(), probe.availability().device());
    }
}

package dev.nashforge.opencl;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.opencl.OpenCLLoader;
import com.aparapi.internal.opencl.OpenCLPlatform;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the OpenCL device the backend runs on, once per JVM: loads Aparapi's native library, lists the OpenCL
 * platforms and devices, picks one (the system property {@value #DEVICE_PROPERTY}, a case-insensitive part of
 * "platform / device / type", else the first GPU, else the first accelerator, else the first CPU device) and
 * compiles both solver kernels for it: the float kernel must compile for the backend to be available, the
 * double kernel compiles only where the device has {@code cl_khr_fp64}. The two stages are cached apart:
 * {@link #discovery()} alone lets {@code --backend auto} pass over a CPU device without compiling anything
 * (compiling starts PoCL's LLVM, which costs about half a second and installs signal handlers of its own).
 * Nothing is ever run on Aparapi's Java fallback. Thread-safe.
 */
final class OpenClDeviceProbe {

    /** System property choosing the OpenCL device by a part of its platform, name or type. */
    static final String DEVICE_PROPERTY = "nashforge.opencl.device";

    /** How to get a driver, appended to every "unavailable" reason. */
    static final String INSTALL_HINT = "install an OpenCL driver: on Debian/Ubuntu 'apt-get install "
            + "ocl-icd-libopencl1 pocl-opencl-icd clinfo' gives a CPU device (PoCL); GPU vendors ship their own; "
            + "'clinfo' lists what is installed";

    /**
     * The outcome of the probe.
     *
     * @param availability available with the device description, or unavailable with the reason
     * @param device       the chosen device (null when unavailable)
     * @param precisions   the precisions the device runs (empty when unavailable)
     */
    record Result(BackendAvailability availability, OpenCLDevice device, Set<Precision> precisions) {
    }

    /** Why {@code --backend auto} passes over a CPU device. */
    static final String CPU_DEVICE_AUTO_PASS = "its device is the host CPU through OpenCL, where the native cpu"
            + " backend is faster";

    /**
     * The first stage of the probe: the chosen device, or why there is none. Lists platforms and devices only;
     * compiles nothing, so PoCL's LLVM is not started.
     * @param device the chosen device (null when none)
     * @param failed the unavailable result to report when there is no device (null when there is one)
     */
    record Discovery(OpenCLDevice device, Result failed) {
    }

    private static volatile Discovery discovered;
    private static volatile Result cached;

    private OpenClDeviceProbe() {
    }

    /** The device discovery, computed on the first call (by this or by {@link #result()}). Never throws. */
    static Discovery discovery() {
        Discovery d = discovered;
        if (d == null) {
            synchronized (OpenClDeviceProbe.class) {
                d = discovered;
                if (d == null) {
                    d = discover();
                    discovered = d;
                }
            }
        }
        return d;
    }

    /** Whether the full probe (the kernel compilations) has run in this JVM. */
    static boolean compiled() {
        return cached != null;
    }

    /** The probe's result, computed on the first call: discovery, then both kernels compiled. Never throws. */
    static Result result() {
        Result r = cached;
        if (r == null) {
            Discovery d = discovery();
            synchronized (OpenClDeviceProbe.class) {
                r = cached;
                if (r == null) {
                    r = d.failed() != null ? d.failed() : compileFor(d.device());
                    cached = r;
                }
            }
        }
        return r;
    }

    private static Discovery discover() {
        try {
            AparapiLog.install();
            if (!OpenCLLoader.isOpenCLAvailable()) {
                return failed("Aparapi could not load its OpenCL library (libOpenCL missing or unusable); "
                        + INSTALL_HINT);
            }
            List<OpenCLPlatform> platforms = OpenCLPlatform.getUncachedOpenCLPlatforms();
            List<OpenCLDevice> devices = new ArrayList<>();
            for (OpenCLPlatform platform : platforms) {
                devices.addAll(platform.getOpenCLDevices());
            }
            if (devices.isEmpty()) {
                return failed("no OpenCL platform with a device was found (" + platforms.size()
                        + " platforms); " + INSTALL_HINT);
            }
            OpenCLDevice device = choose(devices);
            if (device == null) {
                return failed("no OpenCL device matches -D" + DEVICE_PROPERTY + "="
                        + System.getProperty(DEVICE_PROPERTY) + "; the devices are " + describeAll(devices));
            }
            return new Discovery(device, null);
        } catch (Throwable t) {
            return failed("probing OpenCL through Aparapi failed: " + t + "; " + INSTALL_HINT);
        }
    }

    private static Discovery failed(String reason) {
        return new Discovery(null, unavailable(reason));
    }

    private static Result compileFor(OpenCLDevice device) {
        try {
            String floatFailure = compileFailure(new OpenClFloatKernel(), device);
            if (floatFailure != null) {
                return unavailable("the solver kernel does not compile for " + describe(device, false) + ": "
                        + floatFailure);
            }
            boolean fp64 = compileFailure(new OpenClDoubleKernel(), device) == null;
            Set<Precision> precisions = fp64 ? EnumSet.of(Precision.DOUBLE, Precision.FLOAT)
                    : EnumSet.of(Precision.FLOAT);
            BackendAvailability availability = device.getType() == Device.TYPE.CPU
                    ? BackendAvailability.availableNotForAuto(describe(device, fp64), CPU_DEVICE_AUTO_PASS)
                    : BackendAvailability.available(describe(device, fp64));
            return new Result(availability, device, precisions);
        } catch (Throwable t) {
            return unavailable("probing OpenCL through Aparapi failed: " + t + "; " + INSTALL_HINT);
        }
    }

    /**
     * Compiles {@code kernel} for {@code device}: null when it compiled, else Aparapi's reason. The kernel is
     * not disposed ({@link OpenClKernel#release()}: Aparapi cannot dispose a kernel that never ran); the probe
     * runs once per JVM.
     */
    private static String compileFailure(OpenClKernel kernel, OpenCLDevice device) {
        try {
            kernel.compile(device);
            return null;
        } catch (CompileFailedException | RuntimeException e) {
            return AparapiLog.reasonFor(kernel, e);
        }
    }

    private static Result unavailable(String reason) {
        return new Result(BackendAvailability.unavailable(reason), null, EnumSet.noneOf(Precision.class));
    }

    private static OpenCLDevice choose(List<OpenCLDevice> devices) {
        String wanted = System.getProperty(DEVICE_PROPERTY);
        if (wanted != null && !wanted.isBlank()) {
            String key = wanted.trim().toLowerCase(Locale.ROOT);
            for (OpenCLDevice d : devices) {
                if (label(d).toLowerCase(Locale.ROOT).contains(key)) {
                    return d;
                }
            }
            return null;
        }
        for (Device.TYPE type : new Device.TYPE[] {Device.TYPE.GPU, Device.TYPE.ACC, Device.TYPE.CPU}) {
            for (OpenCLDevice d : devices) {
                if (d.getType() == type) {
                    return d;
                }
            }
        }
        return devices.get(0);
    }

    private static String label(OpenCLDevice d) {
        return d.getOpenCLPlatform().getName() + " / " + d.getName() + " / " + d.getType();
    }

    private static String describeAll(List<OpenCLDevice> devices) {
        List<String> labels = new ArrayList<>();
        for (OpenCLDevice d : devices) {
            labels.add("'" + label(d) + "'");
        }
        return String.join(", ", labels);
    }

    /** E.g. {@code OpenCL: Portable Computing Language / pthread-skylake-avx512 (CPU, 2 compute units, fp64)}. */
    static String describe(OpenCLDevice d, boolean fp64) {
        return "OpenCL: " + d.getOpenCLPlatform().getName() + " / " + d.getName() + " (" + d.getType() + ", "
                + d.getMaxComputeUnits() + " compute units, " + (d.getGlobalMemSize() >> 20) + " MiB, "
                + (fp64 ? "fp64" : "no fp64: float only") + ")";
    }
}

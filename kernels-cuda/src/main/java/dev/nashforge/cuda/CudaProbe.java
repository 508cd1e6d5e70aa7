package dev.nashforge.cuda;

/**
 * Finds out once per JVM whether the CUDA backend can run: loads JCuda's driver library, initializes the driver,
 * opens the device named by {@value #DEVICE_PROPERTY} (default 0) and loads the kernels. Any failure, including
 * the {@link UnsatisfiedLinkError} of a machine without {@code libcuda.so.1} (and the
 * {@link NoClassDefFoundError} every later JCuda call throws after it), is caught once and kept as the reason.
 * Thread-safe.
 */
final class CudaProbe {

    /** System property choosing the device ordinal. */
    static final String DEVICE_PROPERTY = "nashforge.cuda.device";

    /** The outcome: a device, or the reason there is none. */
    record Result(CudaDevice device, String reason) {
        boolean available() {
            return device != null;
        }
    }

    private static Result cached;

    private CudaProbe() {
    }

    /** The cached outcome, probing on the first call. */
    static synchronized Result result() {
        if (cached == null) {
            cached = probe();
        }
        return cached;
    }

    private static Result probe() {
        int ordinal;
        try {
            ordinal = ordinal();
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage());
        }
        try {
            return new Result(CudaDevice.open(ordinal), "");
        } catch (Throwable t) {
            return new Result(null, describeFailure(t));
        }
    }

    private static int ordinal() {
        String v = System.getProperty(DEVICE_PROPERTY);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            int ordinal = Integer.parseInt(v.trim());
            if (ordinal >= 0) {
                return ordinal;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + DEVICE_PROPERTY
                + " must be a device ordinal (0, 1, ...), got '" + v + "'");
    }

    /** Why the backend is unavailable, from what the probe threw, with what to do about it. */
    static String describeFailure(Throwable t) {
        if (t instanceof UnsatisfiedLinkError) {
            return "no CUDA driver: JCuda's driver library could not be loaded (UnsatisfiedLinkError: "
                    + essentialLine(t.getMessage()) + "). Install an NVIDIA driver for CUDA 13 (r580 or newer), "
                    + "or use another backend";
        }
        if (t instanceof NoClassDefFoundError || t instanceof ExceptionInInitializerError) {
            return "JCuda failed to initialize in this JVM (" + t.getClass().getSimpleName() + ": "
                    + essentialLine(t.getMessage()) + "); the first failure said why (usually no libcuda.so.1)";
        }
        if (t instanceof CudaException) {
            return "CUDA driver present but unusable: " + t.getMessage();
        }
        return "probing the CUDA device failed: " + t;
    }

    /**
     * The informative line of a (JCuda's multi-line) linkage message: the one naming the shared object that did
     * not load (e.g. {@code libcuda.so.1: cannot open shared object file}), else the first line.
     */
    static String essentialLine(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String[] lines = message.split("\\R");
        String pick = lines[0];
        for (String line : lines) {
            if (line.contains("cannot open shared object file") || line.contains("libcuda")) {
                pick = line;
                break;
            }
        }
        return pick.trim().replaceFirst("^java\\.lang\\.\\w+(Error|Exception): ", "");
    }
}

package dev.nashforge.opencl;

/**
 * Aparapi could not run a kernel on the OpenCL device and would have run it (or did run it) in its Java thread
 * pool instead. The OpenCL backend never accepts such a run as a result (style.md rule 2: no silent fallback):
 * the session that raised it is unusable.
 */
public final class OpenClFallbackException extends IllegalStateException {

    private final String kernel;
    private final String reason;

    /**
     * @param kernel    the kernel class's simple name
     * @param primitive the primitive (or step) that was running
     * @param device    the device the kernel was bound to
     * @param reason    Aparapi's reason for the fallback
     */
    OpenClFallbackException(String kernel, String primitive, String device, String reason) {
        super("OpenCL kernel " + kernel + " did not run on the OpenCL device (" + device + ") during " + primitive
                + ": Aparapi fell back to its Java thread pool because: " + reason
                + ". The OpenCL backend does not run kernels on the CPU in its place; use --backend cpu for a CPU "
                + "run, or check the OpenCL driver (clinfo).");
        this.kernel = kernel;
        this.reason = reason;
    }

    /** The kernel class's simple name. */
    public String kernel() {
        return kernel;
    }

    /** Aparapi's reason. */
    public String reason() {
        return reason;
    }
}

package dev.nashforge.cuda;

/**
 * A failed CUDA driver call: the message names the call, the driver's error, what was being done (the kernel,
 * the sizes and the iteration where a launch is concerned) and what to do about it.
 */
public final class CudaException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int result;

    CudaException(String message, int result) {
        super(message);
        this.result = result;
    }

    /** The driver's {@code CUresult} code (0 when the failure was detected on the host). */
    public int result() {
        return result;
    }
}

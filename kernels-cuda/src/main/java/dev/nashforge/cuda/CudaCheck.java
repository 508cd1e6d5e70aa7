package dev.nashforge.cuda;

import jcuda.driver.CUresult;

import java.util.function.Supplier;

/**
 * Checks the result of every JCuda driver call (JCuda's own exceptions stay disabled, so each failure gets
 * this backend's context). Stateless.
 */
final class CudaCheck {

    private CudaCheck() {
    }

    /** Throws a {@link CudaException} unless {@code result} is {@code CUDA_SUCCESS}. */
    static void check(int result, String call, Supplier<String> context) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(message(result, call, context.get()), result);
        }
    }

    /** Like {@link #check(int, String, Supplier)} with a fixed context. */
    static void check(int result, String call, String context) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(message(result, call, context), result);
        }
    }

    /**
     * E.g. {@code cuGraphLaunch failed: CUDA_ERROR_ILLEGAL_ADDRESS (700) while running 64 operations queued
     * after ...; a kernel accessed memory out of bounds: rerun with -Dnashforge.cuda.sync=true ...}.
     */
    static String message(int result, String call, String context) {
        return call + " failed: " + CUresult.stringFor(result) + " (" + result + ") while " + context + advice(result);
    }

    /** What to do about an error, where the error says something specific. */
    static String advice(int result) {
        if (result == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            return ". The device is out of memory: use a smaller batch, or free other sessions first";
        }
        if (result == CUresult.CUDA_ERROR_ILLEGAL_ADDRESS || result == CUresult.CUDA_ERROR_LAUNCH_FAILED
                || result == CUresult.CUDA_ERROR_MISALIGNED_ADDRESS
                || result == CUresult.CUDA_ERROR_ILLEGAL_INSTRUCTION) {
            return ". A kernel failed on the device and the context is now unusable: rerun with "
                    + "-D" + CudaOptions.SYNC_PROPERTY + "=true (one synchronized launch at a time) to name the "
                    + "kernel, or under compute-sanitizer, and report it with the game and batch size";
        }
        if (result == CUresult.CUDA_ERROR_NO_BINARY_FOR_GPU || result == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION
                || result == CUresult.CUDA_ERROR_INVALID_PTX || result == CUresult.CUDA_ERROR_INVALID_IMAGE) {
            return ". The kernels hold SASS for sm_80 and sm_90 and PTX from nvcc 13, which needs a CUDA 13 "
                    + "driver (r580 or newer): update the driver, or regenerate the fatbin for this GPU with "
                    + "mvn -P cuda-kernels";
        }
        if (result == CUresult.CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES || result == CUresult.CUDA_ERROR_INVALID_VALUE) {
            return ". The launch geometry or arguments were rejected: report it with the game and batch size";
        }
        return "";
    }
}

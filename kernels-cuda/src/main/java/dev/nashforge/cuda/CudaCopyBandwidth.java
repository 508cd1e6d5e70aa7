package dev.nashforge.cuda;

import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

import java.util.Arrays;

/**
 * The device's achievable memory bandwidth, measured as a device-to-device copy ({@code cuMemcpyDtoDAsync})
 * timed with CUDA events: the yardstick for the kernels' achieved bandwidth (a copy of n bytes moves 2n: read and
 * write). For benchmarks; needs an available device.
 */
public final class CudaCopyBandwidth {

    private CudaCopyBandwidth() {
    }

    /**
     * Median bandwidth in GB/s (10^9 bytes per second, read + write) of {@code repeats} timed copies of
     * {@code bytes} bytes, after two warm-up copies.
     *
     * @throws IllegalStateException if the cuda backend is unavailable (with its reason)
     */
    public static double measureGBps(long bytes, int repeats) {
        if (bytes < 1 || repeats < 1) {
            throw new IllegalArgumentException("copy size and repeats must be positive, got " + bytes + ", " + repeats);
        }
        CudaProbe.Result r = CudaProbe.result();
        if (!r.available()) {
            throw new IllegalStateException("the cuda backend is unavailable: " + r.reason());
        }
        CudaDevice device = r.device();
        device.makeCurrent();
        String what = "measuring the copy bandwidth with " + bytes + " bytes";
        CUdeviceptr source = new CUdeviceptr();
        CUdeviceptr target = new CUdeviceptr();
        CUstream stream = new CUstream();
        CUevent start = new CUevent();
        CUevent end = new CUevent();
        CudaCheck.check(JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate", what);
        RuntimeException primary = null;
        try {
            CudaCheck.check(JCudaDriver.cuMemAlloc(source, bytes), "cuMemAlloc", what);
            CudaCheck.check(JCudaDriver.cuMemAlloc(target, bytes), "cuMemAlloc", what);
            CudaCheck.check(JCudaDriver.cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate", what);
            CudaCheck.check(JCudaDriver.cuEventCreate(end, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate", what);
            CudaCheck.check(JCudaDriver.cuMemsetD8Async(source, (byte) 1, bytes, stream), "cuMemsetD8Async", what);
            double[] gbps = new double[repeats];
            for (int k = -2; k < repeats; k++) {
                CudaCheck.check(JCudaDriver.cuEventRecord(start, stream), "cuEventRecord", what);
                CudaCheck.check(JCudaDriver.cuMemcpyDtoDAsync(target, source, bytes, stream), "cuMemcpyDtoDAsync", what);
                CudaCheck.check(JCudaDriver.cuEventRecord(end, stream), "cuEventRecord", what);
                CudaCheck.check(JCudaDriver.cuEventSynchronize(end), "cuEventSynchronize", what);
                float[] ms = new float[1];
                CudaCheck.check(JCudaDriver.cuEventElapsedTime(ms, start, end), "cuEventElapsedTime", what);
                if (k >= 0) {
                    gbps[k] = 2.0 * bytes / (ms[0] * 1e-3) / 1e9;
                }
            }
            Arrays.sort(gbps);
            return gbps[repeats / 2];
        } catch (RuntimeException e) {
            primary = e;
            throw e;
        } finally {
            RuntimeException cleanup = JCudaExecutor.keep(null, JCudaDriver.cuEventDestroy(start), "cuEventDestroy");
            cleanup = JCudaExecutor.keep(cleanup, JCudaDriver.cuEventDestroy(end), "cuEventDestroy");
            cleanup = JCudaExecutor.keep(cleanup, JCudaDriver.cuMemFree(source), "cuMemFree");
            cleanup = JCudaExecutor.keep(cleanup, JCudaDriver.cuMemFree(target), "cuMemFree");
            cleanup = JCudaExecutor.keep(cleanup, JCudaDriver.cuStreamDestroy(stream), "cuStreamDestroy");
            if (cleanup != null && primary != null) {
                primary.addSuppressed(cleanup);
            } else if (cleanup != null) {
                throw cleanup;
            }
        }
    }
}

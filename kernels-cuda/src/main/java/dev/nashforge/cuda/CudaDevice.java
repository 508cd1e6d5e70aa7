package dev.nashforge.cuda;

import dev.nashforge.host.backend.Precision;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One CUDA device as the backend uses it: its primary context (shared by every session of the JVM), the kernels'
 * module loaded from the committed fatbin ({@code cuModuleLoadData}), every kernel's function handle in both
 * precisions, the launch limits and a description. Opened once per JVM by {@link CudaProbe}; never closed (the
 * primary context lives as long as the process). Thread-safe: sessions on other threads call
 * {@link #makeCurrent()} before their driver calls.
 */
final class CudaDevice {

    private final int ordinal;
    private final CUdevice device;
    private final CUcontext context;
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final DeviceLimits limits;
    private final String description;
    private final String kernelImage;

    private CudaDevice(int ordinal) {
        this.ordinal = ordinal;
        String where = "opening CUDA device " + ordinal;
        CudaCheck.check(JCudaDriver.cuInit(0), "cuInit", where);
        int[] count = new int[1];
        CudaCheck.check(JCudaDriver.cuDeviceGetCount(count), "cuDeviceGetCount", where);
        if (count[0] <= ordinal) {
            throw new CudaException("no CUDA device " + ordinal + ": the driver reports " + count[0]
                    + " device(s); set -D" + CudaProbe.DEVICE_PROPERTY + " to one of 0.." + (count[0] - 1), 0);
        }
        this.device = new CUdevice();
        CudaCheck.check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet", where);
        this.context = new CUcontext();
        CudaCheck.check(JCudaDriver.cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain", where);
        makeCurrent();

        int major = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        int minor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        int sms = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        this.limits = new DeviceLimits(attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X),
                attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK), sms,
                attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_WARP_SIZE));
        byte[] name = new byte[256];
        CudaCheck.check(JCudaDriver.cuDeviceGetName(name, name.length, device), "cuDeviceGetName", where);
        long[] memory = new long[1];
        CudaCheck.check(JCudaDriver.cuDeviceTotalMem(memory, device), "cuDeviceTotalMem", where);
        int[] driver = new int[1];
        CudaCheck.check(JCudaDriver.cuDriverGetVersion(driver), "cuDriverGetVersion", where);

        CUmodule module = new CUmodule();
        CudaCheck.check(JCudaDriver.cuModuleLoadData(module, CudaFatbin.image()), "cuModuleLoadData",
                "loading the kernels (" + CudaFatbin.RESOURCE + ") on an sm_" + major + minor + " device with driver "
                        + "API " + version(driver[0]));
        for (CudaKernel k : CudaKernel.values()) {
            for (Precision p : Precision.values()) {
                CUfunction f = new CUfunction();
                String entry = k.entryPoint(p);
                CudaCheck.check(JCudaDriver.cuModuleGetFunction(f, module, entry), "cuModuleGetFunction",
                        "looking up kernel " + entry + " in " + CudaFatbin.RESOURCE);
                functions.put(entry, f);
            }
        }
        CUfunction probe = functions.get(CudaKernel.LEAF_VALUES.entryPoint(Precision.DOUBLE));
        int[] binary = new int[1];
        int[] ptx = new int[1];
        CudaCheck.check(JCudaDriver.cuFuncGetAttribute(binary, CUfunction_attribute.CU_FUNC_ATTRIBUTE_BINARY_VERSION,
                probe), "cuFuncGetAttribute", where);
        CudaCheck.check(JCudaDriver.cuFuncGetAttribute(ptx, CUfunction_attribute.CU_FUNC_ATTRIBUTE_PTX_VERSION,
                probe), "cuFuncGetAttribute", where);
        this.kernelImage = binary[0] == 80 || binary[0] == 90 ? "SASS sm_" + binary[0] + " from the fatbin"
                : "sm_" + binary[0] + " JIT-compiled by the driver from the fatbin's PTX compute_" + ptx[0];
        this.description = String.format(Locale.ROOT, "CUDA: %s (device %d, sm_%d%d, %d SMs, %.1f GiB, driver API %s, "
                        + "kernels %s)", cString(name), ordinal, major, minor, sms, memory[0] / (double) (1L << 30),
                version(driver[0]), kernelImage);
    }

    /** Opens device {@code ordinal}; throws {@link CudaException} or a linkage error when there is none. */
    static CudaDevice open(int ordinal) {
        return new CudaDevice(ordinal);
    }

    private int attribute(int attribute) {
        int[] v = new int[1];
        CudaCheck.check(JCudaDriver.cuDeviceGetAttribute(v, attribute, device), "cuDeviceGetAttribute",
                "reading attribute " + attribute + " of CUDA device " + ordinal);
        return v[0];
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.US_ASCII).trim();
    }

    /** 13000 → {@code 13.0}. */
    static String version(int driverVersion) {
        return driverVersion / 1000 + "." + driverVersion % 1000 / 10;
    }

    /** Makes the device's primary context current on the calling thread. */
    void makeCurrent() {
        CudaCheck.check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent", "selecting CUDA device " + ordinal);
    }

    /** The function of an entry point, e.g. {@code leaf_values_f64}. */
    CUfunction function(String entryPoint) {
        CUfunction f = functions.get(entryPoint);
        if (f == null) {
            throw new IllegalArgumentException("no kernel " + entryPoint + " in " + CudaFatbin.RESOURCE);
        }
        return f;
    }

    DeviceLimits limits() {
        return limits;
    }

    /** E.g. {@code CUDA: NVIDIA H100 80GB HBM3 (device 0, sm_90, 132 SMs, 79.1 GiB, driver API 13.0, kernels SASS sm_90 from the fatbin)}. */
    String description() {
        return description;
    }

    /** Which image of the fatbin the driver loaded, e.g. {@code SASS sm_90 from the fatbin}. */
    String kernelImage() {
        return kernelImage;
    }
}

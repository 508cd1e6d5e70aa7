/**
 * The CUDA backend ({@code cuda}) of the batched backend contract: CUDA C kernels ({@code src/main/cuda/
 * CudaKernels.cu}) compiled by nvcc 13 into a committed fatbin (SASS for sm_80 and sm_90 plus PTX), loaded with
 * {@code cuModuleLoadData} and launched through the JCuda driver API; the solver state stays on the device.
 *
 * <p>Structure: {@link dev.nashforge.cuda.CudaBackend} (discovery, availability through {@code CudaProbe});
 * {@link dev.nashforge.cuda.CudaSolverSession} (the contract) over a {@code CudaExecutor} (the driver seam,
 * {@code JCudaExecutor} on a device); pure-Java planning that tests check without a GPU: {@code CudaSessionLayout}
 * (buffers, offsets, int tables), {@code CudaKernels} + {@code CudaKernel} (launches checked against the kernels'
 * parameter lists), {@code LaunchGeometry} (grid-stride and block-per-instance geometry),
 * {@code CudaLaunchQueue} + {@code CudaGraphCache} (primitives queued in chunks that run as cached CUDA graphs),
 * {@code CudaTrafficModel} (bytes moved, for achieved bandwidth), {@code CudaNetwork} (the learned prediction's
 * row maps, bounds and weights for the {@code network} kernel of NPCFR / NPCFR+).
 *
 * <p>Numerics: the kernels follow the CPU backend's kernels operation for operation and are compiled without
 * fused multiply-add, so results match the {@code cpu} backend bit for bit; no atomics, reruns are bit-identical.
 * The {@code network} kernel (NPCFR / NPCFR+) keeps the CPU's operation order too, but its exp, log1p and tanh are
 * the device's, so learned sessions agree with the CPU backend to rounding (1e-12 in double), not bit for bit.
 */
package dev.nashforge.cuda;

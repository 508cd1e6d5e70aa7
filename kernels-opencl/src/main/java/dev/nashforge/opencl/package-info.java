/**
 * The OpenCL backend ({@code --backend opencl}) of the batched backend contract, on Aparapi kernels.
 *
 * <ul>
 *   <li>{@link dev.nashforge.opencl.OpenClBackend}: the ServiceLoader provider (priority 200), its availability
 *       and device come from {@link dev.nashforge.opencl.OpenClDeviceProbe} (platform, device, fp64).</li>
 *   <li>{@link dev.nashforge.opencl.OpenClSolverSession}: the session; every primitive is one or more launches of
 *       one kernel object whose buffers hold the state on the device (explicit transfers only at open, writes
 *       and read-backs). NPCFR / NPCFR+'s network forward pass ({@code computePrediction}) is one more launch,
 *       one item per instance × (infoset, action), with the weights, bounds and recurrent state on the device
 *       ({@link dev.nashforge.opencl.OpenClNetwork} its host-side layout), run by the network kernel variants
 *       {@link dev.nashforge.opencl.OpenClDoubleNetworkKernel} / {@link dev.nashforge.opencl.OpenClFloatNetworkKernel}
 *       that only learned sessions use.</li>
 *   <li>{@link dev.nashforge.opencl.OpenClFloatKernel} / {@link dev.nashforge.opencl.OpenClDoubleKernel}: the
 *       kernel code, one work item per instance × infoset / sequence / terminal, deterministic segmented sums in
 *       the CPU reference's order; {@link dev.nashforge.opencl.OpenClKernel} the shared launch logic;
 *       {@link dev.nashforge.opencl.OpenClLayout} the flat device layout.</li>
 *   <li>{@link dev.nashforge.opencl.OpenClFallbackException}: Aparapi's Java thread-pool fallback is an error
 *       naming the kernel and Aparapi's reason ({@link dev.nashforge.opencl.AparapiLog}), never a silent CPU
 *       run.</li>
 * </ul>
 */
package dev.nashforge.opencl;

/**
 * The plain-Java backend ({@code cpu}), the parity reference for every other backend.
 *
 * <p>{@link dev.nashforge.cpu.CpuBackend} is registered for {@link java.util.ServiceLoader}. A session keeps
 * its state in flat {@code double[]} buffers, runs the kernels of {@code CpuKernels} (one method per
 * primitive, per instance or per range of sequences/terminals) and spreads them over a shared
 * {@link java.util.concurrent.ForkJoinPool} across batch instances and, for large games with few instances,
 * across sequence and terminal ranges; small work runs inline so B = 1 pays no scheduling cost.
 *
 * <p><b>Float precision.</b> One kernel set serves both precisions: in float mode every arithmetic result is
 * rounded to binary32, which reproduces IEEE single-precision arithmetic exactly (binary64 carries more than
 * 2·24+2 significand bits), while the buffers stay {@code double[]}. So float is a faithful reference for GPU
 * float kernels, at the cost of not halving the CPU's memory.
 */
package dev.nashforge.cpu;

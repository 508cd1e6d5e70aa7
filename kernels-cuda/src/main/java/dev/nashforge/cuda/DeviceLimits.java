package dev.nashforge.cuda;

/**
 * The launch limits of a CUDA device that {@link LaunchGeometry} plans against.
 *
 * @param maxGridX           the largest grid x-dimension (2^31 − 1 on every device since sm_30)
 * @param maxThreadsPerBlock the largest block (1024 on sm_80 / sm_90)
 * @param multiprocessors    the number of SMs (132 on an H100 SXM)
 * @param warpSize           threads per warp (32)
 */
record DeviceLimits(int maxGridX, int maxThreadsPerBlock, int multiprocessors, int warpSize) {

    /** Grid-stride kernels get at most this many blocks per SM: enough to fill it, and the loop covers the rest. */
    static final int BLOCKS_PER_MULTIPROCESSOR = 32;

    public DeviceLimits {
        if (maxGridX < 1 || maxThreadsPerBlock < 1 || multiprocessors < 1 || warpSize < 1
                || maxThreadsPerBlock < warpSize) {
            throw new IllegalArgumentException("implausible device limits: maxGridX=" + maxGridX
                    + ", maxThreadsPerBlock=" + maxThreadsPerBlock + ", multiprocessors=" + multiprocessors
                    + ", warpSize=" + warpSize);
        }
    }

    /** The limits of an H100 SXM (sm_90): for planning and tests without a device. */
    static DeviceLimits h100() {
        return new DeviceLimits(Integer.MAX_VALUE, 1024, 132, 32);
    }

    /** The most blocks a grid-stride kernel is given: min(maxGridX, multiprocessors · 32). */
    int gridCap() {
        return (int) Math.min(maxGridX, (long) multiprocessors * BLOCKS_PER_MULTIPROCESSOR);
    }
}

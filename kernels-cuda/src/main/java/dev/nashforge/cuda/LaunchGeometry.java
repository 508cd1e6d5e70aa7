package dev.nashforge.cuda;

/**
 * The grid and block of one kernel launch (one-dimensional), and the planner that chooses them.
 *
 * <p>Two launch shapes cover every kernel of {@code CudaKernels.cu}:
 * <ul>
 *   <li>{@link #gridStride(long, DeviceLimits)}: element-wise kernels loop
 *       {@code for (item = blockIdx.x·blockDim.x + threadIdx.x; item < items; item += gridDim.x·blockDim.x)},
 *       so any grid covers any number of items. Blocks of {@value #ELEMENTWISE_BLOCK} threads (or the device's
 *       maximum, if smaller); the grid is ⌈items / block⌉ capped at {@link DeviceLimits#gridCap()}.</li>
 *   <li>{@link #blockPerInstance(int, int, DeviceLimits)}: the treeplex passes give one block to each instance
 *       ({@code for (b = blockIdx.x; b < B; b += gridDim.x)}), whose threads share the infosets of one depth:
 *       the block is the widest depth rounded up to a warp, between one warp and {@value #MAX_PASS_BLOCK}
 *       threads; the grid is B capped at {@link DeviceLimits#gridCap()}.</li>
 * </ul>
 *
 * @param gridX  blocks, at least 1
 * @param blockX threads per block, at least 1
 */
record LaunchGeometry(int gridX, int blockX) {

    /** Threads per block of the element-wise kernels. */
    static final int ELEMENTWISE_BLOCK = 256;
    /** Most threads per block of the treeplex passes. */
    static final int MAX_PASS_BLOCK = 256;

    public LaunchGeometry {
        if (gridX < 1 || blockX < 1) {
            throw new IllegalArgumentException("a launch needs at least one block of one thread, got grid " + gridX
                    + " x block " + blockX);
        }
    }

    /** Geometry of a grid-stride kernel over {@code items} work items (0 gives one idle block). */
    static LaunchGeometry gridStride(long items, DeviceLimits limits) {
        if (items < 0) {
            throw new IllegalArgumentException("negative item count " + items);
        }
        int block = Math.min(ELEMENTWISE_BLOCK, limits.maxThreadsPerBlock());
        long blocks = Math.max(1, (items + block - 1) / block);
        return new LaunchGeometry((int) Math.min(blocks, limits.gridCap()), block);
    }

    /**
     * Geometry of a block-per-instance kernel over {@code instances} instances whose widest treeplex depth has
     * {@code widestDepth} infosets (0 for a player who never acts).
     */
    static LaunchGeometry blockPerInstance(int instances, int widestDepth, DeviceLimits limits) {
        if (instances < 1) {
            throw new IllegalArgumentException("a batch has at least one instance, got " + instances);
        }
        int warp = limits.warpSize();
        int most = Math.min(MAX_PASS_BLOCK, limits.maxThreadsPerBlock()) / warp * warp;
        long wanted = ((long) Math.max(1, widestDepth) + warp - 1) / warp * warp;
        int block = (int) Math.max(warp, Math.min(wanted, most));
        return new LaunchGeometry(Math.min(instances, limits.gridCap()), block);
    }

    /** gridX · blockX. */
    long threads() {
        return (long) gridX * blockX;
    }

    @Override
    public String toString() {
        return "grid " + gridX + " x block " + blockX;
    }
}

package dev.nashforge.cpu;

/**
 * How one primitive is cut into tasks for {@link CpuWorkers}: a grid of instance chunks × range chunks, where a
 * range is a set of sequences (leaf values, cut so chunks get similar terminal counts) or terminals (joint
 * play). Below {@code parallelWork} (default {@link #PARALLEL_WORK}) elements of work a primitive is one task and runs inline, so small games
 * with B = 1 pay no scheduling cost; with many instances the batch is cut first; with few instances of a large
 * game the ranges are cut (parallelism across terminals). Immutable.
 */
final class CpuWorkPlan {

    /** Default work (elements touched) below which a primitive runs as a single inline task. */
    static final int PARALLEL_WORK = 1 << 15;
    /** Tasks per thread, for load balance when threads are shared with other work. */
    static final int TASKS_PER_THREAD = 4;

    final int instanceChunks;
    final int rangeChunks;
    private final int batchSize;
    private final int[] rangeBounds;

    private CpuWorkPlan(int batchSize, int instanceChunks, int[] rangeBounds) {
        this.batchSize = batchSize;
        this.instanceChunks = instanceChunks;
        this.rangeChunks = rangeBounds.length - 1;
        this.rangeBounds = rangeBounds;
    }

    /** A plan over instances only (the per-instance kernels): {@code work} = elements per instance. */
    static CpuWorkPlan overInstances(int batchSize, long work, int threads, int parallelWork) {
        int chunks = threads > 1 && batchSize > 1 && batchSize * work >= parallelWork
                ? Math.min(batchSize, TASKS_PER_THREAD * threads) : 1;
        return new CpuWorkPlan(batchSize, chunks, new int[] {0, 0});
    }

    /**
     * A plan over instances × ranges of {@code 0..rangeEnd-1}; {@code cost} gives the cumulative work of a range
     * prefix as CSR offsets ({@code cost[r]} = work before range element r, length rangeEnd+1), or null for unit
     * cost per element.
     */
    static CpuWorkPlan overRanges(int batchSize, int rangeEnd, int[] cost, int threads, int parallelWork) {
        long perInstance = cost == null ? rangeEnd : cost[rangeEnd];
        long total = perInstance * batchSize;
        if (threads <= 1 || total < parallelWork) {
            return new CpuWorkPlan(batchSize, 1, new int[] {0, rangeEnd});
        }
        int wanted = TASKS_PER_THREAD * threads;
        if (batchSize >= 2 * threads) {
            return new CpuWorkPlan(batchSize, Math.min(batchSize, wanted), new int[] {0, rangeEnd});
        }
        int pieces = (int) Math.max(1, Math.min((wanted + batchSize - 1) / batchSize,
                perInstance / Math.max(1, parallelWork / TASKS_PER_THREAD)));
        pieces = Math.min(pieces, Math.max(1, rangeEnd));
        int[] bounds = new int[pieces + 1];
        int at = 0;
        for (int c = 1; c < pieces; c++) {
            long target = perInstance * c / pieces;
            while (at < rangeEnd && (cost == null ? at : cost[at]) < target) {
                at++;
            }
            bounds[c] = Math.max(at, bounds[c - 1]);
        }
        bounds[pieces] = rangeEnd;
        return new CpuWorkPlan(batchSize, batchSize, bounds);
    }

    /** Number of tasks. */
    int tasks() {
        return instanceChunks * rangeChunks;
    }

    /** First instance of task {@code task}. */
    int fromInstance(int task) {
        return (int) ((long) (task / rangeChunks) * batchSize / instanceChunks);
    }

    /** One past the last instance of task {@code task}. */
    int toInstance(int task) {
        return (int) ((long) (task / rangeChunks + 1) * batchSize / instanceChunks);
    }

    /** First range element of task {@code task}. */
    int fromRange(int task) {
        return rangeBounds[task % rangeChunks];
    }

    /** One past the last range element of task {@code task}. */
    int toRange(int task) {
        return rangeBounds[task % rangeChunks + 1];
    }
}

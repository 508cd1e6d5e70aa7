package dev.nashforge.cuda;

/**
 * How a CUDA session queues and launches its kernels, from system properties:
 * <ul>
 *   <li>{@value #CHUNK_PROPERTY} (default {@value #DEFAULT_CHUNK}): operations per launch chunk;</li>
 *   <li>{@value #GRAPHS_PROPERTY} (default true): run full chunks as cached CUDA graphs;</li>
 *   <li>{@value #SYNC_PROPERTY} (default false): debugging: every operation is launched at once, directly, and
 *       waited for, so an error names the exact kernel.</li>
 * </ul>
 *
 * @param chunkOps           operations per chunk (1 in sync mode)
 * @param graphs             whether full chunks run as graphs
 * @param syncEachLaunch     whether every launch is followed by a stream synchronization
 * @param graphCacheCapacity most graphs a session keeps
 */
record CudaOptions(int chunkOps, boolean graphs, boolean syncEachLaunch, int graphCacheCapacity) {

    static final String CHUNK_PROPERTY = "nashforge.cuda.chunk";
    static final String GRAPHS_PROPERTY = "nashforge.cuda.graphs";
    static final String SYNC_PROPERTY = "nashforge.cuda.sync";
    static final int DEFAULT_CHUNK = 64;
    static final int DEFAULT_GRAPH_CACHE = 32;

    CudaOptions {
        if (chunkOps < 1 || chunkOps > 1 << 16) {
            throw new IllegalArgumentException("operations per chunk must lie in 1..65536, got " + chunkOps
                    + " (system property " + CHUNK_PROPERTY + ")");
        }
        if (graphCacheCapacity < 1) {
            throw new IllegalArgumentException("graph cache capacity must be >= 1, got " + graphCacheCapacity);
        }
    }

    /** The defaults: chunks of 64 operations, graphs on, no per-launch synchronization. */
    static CudaOptions defaults() {
        return new CudaOptions(DEFAULT_CHUNK, true, false, DEFAULT_GRAPH_CACHE);
    }

    /** The options the system properties ask for. */
    static CudaOptions fromSystemProperties() {
        boolean sync = bool(SYNC_PROPERTY, false);
        if (sync) {
            return new CudaOptions(1, false, true, DEFAULT_GRAPH_CACHE);
        }
        String chunk = System.getProperty(CHUNK_PROPERTY);
        int chunkOps = DEFAULT_CHUNK;
        if (chunk != null && !chunk.isBlank()) {
            try {
                chunkOps = Integer.parseInt(chunk.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("system property " + CHUNK_PROPERTY
                        + " must be a number of operations, got '" + chunk + "'");
            }
        }
        return new CudaOptions(chunkOps, bool(GRAPHS_PROPERTY, true), false, DEFAULT_GRAPH_CACHE);
    }

    private static boolean bool(String property, boolean fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        if (v.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("system property " + property + " must be true or false, got '" + v + "'");
    }
}

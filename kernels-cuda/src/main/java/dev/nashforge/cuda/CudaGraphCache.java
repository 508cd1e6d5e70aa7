package dev.nashforge.cuda;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Instantiated CUDA graphs of full launch chunks, by {@link CudaLaunchQueue.ChunkKey}, least recently used first
 * out. If the chunks keep changing (after more than {@code 2·capacity} misses, fewer hits than misses), graphs
 * cost more to instantiate than they save: the cache then destroys its graphs, disables itself and says why, and
 * the caller launches kernels directly. Generic in the graph handle so the policy is tested without a device.
 *
 * <p>Not thread-safe (owned by one session).
 *
 * @param <G> the graph handle (a {@code CUgraphExec})
 */
final class CudaGraphCache<G> {

    private final int capacity;
    private final Consumer<G> destroy;
    private final LinkedHashMap<CudaLaunchQueue.ChunkKey, G> graphs;
    private long hits;
    private long misses;
    private long evictions;
    private String disabledReason = "";

    /**
     * @param capacity most graphs kept, at least 1
     * @param destroy  frees an evicted graph
     */
    CudaGraphCache(int capacity, Consumer<G> destroy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a graph cache holds at least one graph, got " + capacity);
        }
        this.capacity = capacity;
        this.destroy = destroy;
        this.graphs = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The graph of {@code key}: the cached one, or a new one from {@code create} (evicting the least recently used
     * beyond capacity); null once the cache has disabled itself.
     */
    G lookup(CudaLaunchQueue.ChunkKey key, Supplier<G> create) {
        if (disabled()) {
            return null;
        }
        G g = graphs.get(key);
        if (g != null) {
            hits++;
            return g;
        }
        misses++;
        if (misses > 2L * capacity && hits < misses) {
            disabledReason = "disabled after " + misses + " distinct chunks and " + hits
                    + " reuses: the launch pattern does not repeat";
            clear();
            return null;
        }
        g = create.get();
        graphs.put(key, g);
        if (graphs.size() > capacity) {
            Iterator<Map.Entry<CudaLaunchQueue.ChunkKey, G>> eldest = graphs.entrySet().iterator();
            G old = eldest.next().getValue();
            eldest.remove();
            evictions++;
            destroy.accept(old);
        }
        return g;
    }

    /** Destroys every cached graph (the cache stays usable unless disabled). */
    void clear() {
        RuntimeException failure = null;
        for (G g : graphs.values()) {
            try {
                destroy.accept(g);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        graphs.clear();
        if (failure != null) {
            throw failure;
        }
    }

    boolean disabled() {
        return !disabledReason.isEmpty();
    }

    int size() {
        return graphs.size();
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    long evictions() {
        return evictions;
    }

    /** E.g. {@code 5 graphs instantiated, 1234 reused} or the reason it was disabled. */
    String describe() {
        String counts = misses + (misses == 1 ? " graph" : " graphs") + " instantiated, " + hits + " reused, "
                + evictions + " evicted";
        return disabled() ? counts + "; " + disabledReason : counts;
    }
}

package dev.nashforge.cuda;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph cache's policy: reuse, least-recently-used eviction, and giving up when chunks never repeat. */
class CudaGraphCacheTest {

    private static CudaLaunchQueue.ChunkKey key(int... codes) {
        return new CudaLaunchQueue.ChunkKey(codes);
    }

    @Test
    void reusesEvictsAndDestroys() {
        List<String> destroyed = new ArrayList<>();
        CudaGraphCache<String> cache = new CudaGraphCache<>(2, destroyed::add);
        assertEquals("a", cache.lookup(key(1), () -> "a"));
        assertEquals("b", cache.lookup(key(2), () -> "b"));
        assertSame("a", cache.lookup(key(1), () -> "never"));
        assertEquals("c", cache.lookup(key(3), () -> "c"));
        assertEquals(List.of("b"), destroyed, "the least recently used graph goes");
        assertEquals(2, cache.size());
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
        assertEquals(1, cache.evictions());
        cache.clear();
        assertEquals(List.of("b", "a", "c"), destroyed);
        assertEquals(0, cache.size());
    }

    @Test
    void givesUpWhenChunksNeverRepeat() {
        List<String> destroyed = new ArrayList<>();
        CudaGraphCache<String> cache = new CudaGraphCache<>(2, destroyed::add);
        for (int k = 0; k < 4; k++) {
            int k0 = k;
            assertEquals("g" + k, cache.lookup(key(k), () -> "g" + k0));
        }
        assertNull(cache.lookup(key(99), () -> "never"));
        assertTrue(cache.disabled());
        assertTrue(cache.describe().contains("does not repeat"), cache.describe());
        assertEquals(0, cache.size());
        assertNull(cache.lookup(key(0), () -> "never"), "a disabled cache stays disabled");
    }

    @Test
    void aRepeatingPatternKeepsTheCacheOn() {
        CudaGraphCache<Integer> cache = new CudaGraphCache<>(4, g -> { });
        for (int round = 0; round < 100; round++) {
            int k = round % 3;
            cache.lookup(key(k), () -> k);
        }
        assertEquals(97, cache.hits());
        assertEquals(3, cache.misses());
        assertTrue(!cache.disabled());
    }
}

package dev.nashforge.cuda;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launch queue hands on full chunks at once and partial ones on flush, with their scalars and keys. */
class CudaLaunchQueueTest {

    private record Seen(CudaLaunchQueue.ChunkKey key, boolean full, double[] scalars, String description) {
    }

    private static CudaLaunchQueue queue(int capacity, List<Seen> seen) {
        return new CudaLaunchQueue(capacity, c -> seen.add(new Seen(c.key(), c.full(),
                java.util.Arrays.copyOf(c.scalars(), 2 * c.size()), c.describe(3))));
    }

    @Test
    void fullChunksGoAtOncePartialOnesOnFlush() {
        List<Seen> seen = new ArrayList<>();
        CudaLaunchQueue q = queue(3, seen);
        q.record(CudaPrimitive.AVERAGE, 0, 0, 0.5, 0);
        q.record(CudaPrimitive.AVERAGE, 1, 0, 0.5, 0);
        assertEquals(0, seen.size());
        assertEquals(2, q.pending());
        q.record(CudaPrimitive.UPDATE_REGRET, 0, 4, 4.0, 0);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).full());
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0, 4.0, 0}, seen.get(0).scalars());
        assertEquals(0, q.pending());
        q.record(CudaPrimitive.STRATEGY, 1, 4, 0, 0);
        q.flush();
        assertEquals(2, seen.size());
        assertFalse(seen.get(1).full());
        q.flush();
        assertEquals(2, seen.size(), "an empty queue hands nothing on");
        assertTrue(seen.get(0).description().startsWith("3 operations queued after the regret updates of iterations 0..4"),
                seen.get(0).description());
        assertTrue(seen.get(0).description().contains("updateAverage(player 1), updateRegret(player 0)"),
                seen.get(0).description());
    }

    @Test
    void aRepeatingIterationGivesFewDistinctChunks() {
        // Two-player alternating iteration: 2 averages + per player regrets, update, strategy, plan = 10 operations.
        List<Seen> seen = new ArrayList<>();
        CudaLaunchQueue q = queue(64, seen);
        for (int t = 1; t <= 400; t++) {
            q.record(CudaPrimitive.AVERAGE, 0, t - 1, 1.0 / t, 0);
            q.record(CudaPrimitive.AVERAGE, 1, t - 1, 1.0 / t, 0);
            for (int p = 0; p < 2; p++) {
                q.record(CudaPrimitive.INSTANTANEOUS_REGRET, p, t - 1, 0, 0);
                q.record(CudaPrimitive.UPDATE_REGRET, p, t, 1, 0);
                q.record(CudaPrimitive.STRATEGY, p, t, 0, 0);
                q.record(CudaPrimitive.REALIZATION_PLAN, p, t, 0, 0);
            }
        }
        Set<CudaLaunchQueue.ChunkKey> keys = new HashSet<>();
        for (Seen s : seen) {
            keys.add(s.key());
        }
        assertEquals(4000 / 64, seen.size());
        // 64 = 6·10 + 4: chunk starts shift by 4 operations mod 10, i.e. 10 / gcd(64, 10) = 5 distinct chunks
        assertEquals(5, keys.size());
    }

    @Test
    void capacityAndPlayersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CudaLaunchQueue(0, c -> { }));
        CudaLaunchQueue q = new CudaLaunchQueue(4, c -> { });
        assertThrows(IllegalArgumentException.class, () -> q.record(CudaPrimitive.STRATEGY, -1, 0, 0, 0));
    }

    @Test
    void aFailingSinkLeavesTheQueueEmpty() {
        CudaLaunchQueue q = new CudaLaunchQueue(2, c -> {
            throw new IllegalStateException("device lost");
        });
        q.record(CudaPrimitive.STRATEGY, 0, 0, 0, 0);
        assertThrows(IllegalStateException.class, () -> q.record(CudaPrimitive.STRATEGY, 1, 0, 0, 0));
        assertEquals(0, q.pending());
    }
}

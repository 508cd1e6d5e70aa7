package dev.nashforge.cuda;

import java.util.Arrays;

/**
 * Defers the primitives a session is asked for and hands them on in chunks of at most {@code capacity}
 * operations, so that a full chunk can run as one CUDA graph (small games are launch-bound: a Leduc iteration
 * is about ten kernels of a few microseconds each). A chunk is handed on when it is full, and a partial one on
 * {@link #flush()}, which the session calls before anything that needs the device state (read-back, write,
 * timing, close).
 *
 * <p>A chunk's {@linkplain Chunk#key() key} is its sequence of (primitive, player) operations; everything else
 * a launch needs is fixed per session, except the two scalars of each operation, which travel in the chunk. A
 * caller repeating a pattern of P operations (an iteration) produces at most P distinct keys of full chunks,
 * whatever the capacity, so a small cache of graphs serves the whole run.
 *
 * <p>Not thread-safe (one thread drives a session). Recording allocates nothing.
 */
final class CudaLaunchQueue {

    /** Receives the chunks, in order. */
    interface Sink {
        /** Runs (or enqueues) {@code chunk}; the chunk is reused afterwards and must not be retained. */
        void run(Chunk chunk);
    }

    /** The operations of one chunk; a reused view, valid during {@link Sink#run(Chunk)} only. */
    static final class Chunk {
        private final CudaPrimitive[] primitives;
        private final int[] players;
        private final int[] iterations;
        private final double[] scalars;
        private int size;

        private Chunk(int capacity) {
            this.primitives = new CudaPrimitive[capacity];
            this.players = new int[capacity];
            this.iterations = new int[capacity];
            this.scalars = new double[2 * capacity];
        }

        /** Number of operations. */
        int size() {
            return size;
        }

        /** Whether the chunk holds {@code capacity} operations (only full chunks are worth a graph). */
        boolean full() {
            return size == primitives.length;
        }

        CudaPrimitive primitive(int op) {
            return primitives[op];
        }

        int player(int op) {
            return players[op];
        }

        /** The two scalars of every operation, {@code [op][2]} flat; entries past {@code 2·size} are stale. */
        double[] scalars() {
            return scalars;
        }

        /** The sequence of (primitive, player) pairs, which with the session determines every launch. */
        ChunkKey key() {
            int[] codes = new int[size];
            for (int k = 0; k < size; k++) {
                codes[k] = primitives[k].ordinal() << 16 | players[k];
            }
            return new ChunkKey(codes);
        }

        /**
         * E.g. {@code 64 operations queued after the regret updates of iterations 17..23: updateAverage(player 0),
         * ...}, for error messages (lists at most {@code maxOps} operations).
         */
        String describe(int maxOps) {
            StringBuilder sb = new StringBuilder();
            sb.append(size).append(size == 1 ? " operation" : " operations");
            int first = size == 0 ? 0 : iterations[0];
            int last = size == 0 ? 0 : iterations[size - 1];
            sb.append(first == last ? " queued after the regret update of iteration " + first
                    : " queued after the regret updates of iterations " + first + ".." + last);
            sb.append(" (0 = none yet): ");
            for (int k = 0; k < Math.min(size, maxOps); k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                sb.append(primitives[k].method()).append("(player ").append(players[k]).append(')');
            }
            if (size > maxOps) {
                sb.append(", ... ").append(size - maxOps).append(" more");
            }
            return sb.toString();
        }
    }

    /** The (primitive, player) sequence of a chunk; value semantics. */
    record ChunkKey(int[] codes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ChunkKey k && Arrays.equals(codes, k.codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }

        @Override
        public String toString() {
            return "ChunkKey" + Arrays.toString(codes);
        }
    }

    private final Chunk chunk;
    private final Sink sink;

    /**
     * @param capacity operations per chunk, at least 1 (1 hands every operation on at once)
     * @param sink     where chunks go
     */
    CudaLaunchQueue(int capacity, Sink sink) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a launch chunk holds at least one operation, got " + capacity);
        }
        if (capacity > 1 << 16) {
            throw new IllegalArgumentException("launch chunks of more than 65536 operations are not supported, got "
                    + capacity);
        }
        this.chunk = new Chunk(capacity);
        this.sink = sink;
    }

    /** Operations per full chunk. */
    int capacity() {
        return chunk.primitives.length;
    }

    /** Operations recorded and not yet handed on. */
    int pending() {
        return chunk.size;
    }

    /**
     * Queues one operation with its two scalars; hands the chunk on when it becomes full.
     *
     * @param iteration the iteration of the session's most recent regret update, for error messages
     */
    void record(CudaPrimitive primitive, int player, int iteration, double scalar0, double scalar1) {
        if (player < 0 || player >= 1 << 16) {
            throw new IllegalArgumentException("player index out of range: " + player);
        }
        int k = chunk.size;
        chunk.primitives[k] = primitive;
        chunk.players[k] = player;
        chunk.iterations[k] = iteration;
        chunk.scalars[2 * k] = scalar0;
        chunk.scalars[2 * k + 1] = scalar1;
        chunk.size = k + 1;
        if (chunk.full()) {
            handOn();
        }
    }

    /** Hands the pending operations on as a (partial) chunk; nothing happens when none are pending. */
    void flush() {
        if (chunk.size > 0) {
            handOn();
        }
    }

    /** Drops the pending operations (closing a session). */
    void discard() {
        chunk.size = 0;
    }

    private void handOn() {
        try {
            sink.run(chunk);
        } finally {
            chunk.size = 0;
        }
    }
}

package dev.nashforge.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A reusable parallel-for over a fixed number of tasks, backed by a {@link ForkJoinPool} that the backend
 * shares between its sessions. One instance per session: the task objects are allocated once, at session open,
 * and reinitialized on every call, so a call allocates nothing. A call with one task runs inline on the calling
 * thread, which keeps small games (B = 1) free of any scheduling overhead.
 *
 * <p>Not thread-safe: one thread (the session's) calls {@link #run}.
 */
final class CpuWorkers {

    /** The body of a parallel loop: runs task {@code task} of {@code 0..tasks-1}. */
    @FunctionalInterface
    interface TaskBody {
        void run(int task);
    }

    private final ForkJoinPool pool;
    private final Chunk[] chunks;
    private final Root root = new Root();

    /**
     * @param pool     the shared pool, or null to run everything on the calling thread
     * @param maxTasks the largest task count {@link #run} will be given
     */
    CpuWorkers(ForkJoinPool pool, int maxTasks) {
        this.pool = pool;
        this.chunks = new Chunk[Math.max(1, maxTasks)];
        for (int k = 0; k < chunks.length; k++) {
            chunks[k] = new Chunk(k);
        }
    }

    /** Runs {@code body} for tasks {@code 0..tasks-1}, in parallel when there is more than one, and waits. */
    void run(int tasks, TaskBody body) {
        if (tasks <= 1 || pool == null) {
            for (int k = 0; k < tasks; k++) {
                body.run(k);
            }
            return;
        }
        if (tasks > chunks.length) {
            throw new IllegalStateException("internal error: " + tasks + " tasks, but only " + chunks.length
                    + " were allocated at session open");
        }
        root.reinitialize();
        root.tasks = tasks;
        root.body = body;
        try {
            pool.invoke(root);
        } finally {
            root.body = null;
        }
    }

    private final class Root extends RecursiveAction {
        int tasks;
        TaskBody body;

        @Override
        protected void compute() {
            for (int k = 1; k < tasks; k++) {
                Chunk c = chunks[k];
                c.reinitialize();
                c.body = body;
                c.fork();
            }
            Throwable failure = null;
            try {
                body.run(0);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int k = tasks - 1; k >= 1; k--) {
                Chunk c = chunks[k];
                c.quietlyJoin();
                if (failure == null && c.isCompletedAbnormally()) {
                    failure = c.getException();
                }
                c.body = null;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("a CPU backend task failed", failure);
            }
        }
    }

    private static final class Chunk extends RecursiveAction {
        final int index;
        TaskBody body;

        Chunk(int index) {
            this.index = index;
        }

        @Override
        protected void compute() {
            body.run(index);
        }
    }
}

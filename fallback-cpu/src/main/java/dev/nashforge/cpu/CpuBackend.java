package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * The plain-Java backend ({@code cpu}): always available, double and float precision, multi-threaded across
 * batch instances and across terminals on one {@link ForkJoinPool} shared by all its sessions and created on
 * the first {@link #open}. It is the parity reference for every other backend.
 *
 * <p>Thread count: the constructor argument, else the system property {@value #THREADS_PROPERTY}, else
 * {@link Runtime#availableProcessors()}. With one thread no pool is created and every primitive runs on the
 * calling thread. Results do not depend on the thread count. Thread-safe.
 */
public final class CpuBackend implements Backend {

    /** System property overriding the number of worker threads. */
    public static final String THREADS_PROPERTY = "nashforge.cpu.threads";

    private final int threads;
    private final int parallelWork;
    private volatile ForkJoinPool pool;

    /** Discovered by {@link java.util.ServiceLoader}: threads from {@value #THREADS_PROPERTY} or the CPU count. */
    public CpuBackend() {
        this(defaultThreads());
    }

    /** A CPU backend with {@code threads} worker threads (at least 1). */
    public CpuBackend(int threads) {
        this(threads, CpuWorkPlan.PARALLEL_WORK);
    }

    /**
     * A CPU backend with {@code threads} worker threads that splits a primitive into parallel tasks once it
     * touches {@code parallelWork} elements (tests lower it to exercise the parallel paths on small games).
     */
    CpuBackend(int threads, int parallelWork) {
        if (threads < 1) {
            throw new IllegalArgumentException("the CPU backend needs at least 1 thread, got " + threads);
        }
        if (parallelWork < 1) {
            throw new IllegalArgumentException("parallel work threshold must be >= 1, got " + parallelWork);
        }
        this.threads = threads;
        this.parallelWork = parallelWork;
    }

    private static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " must be a thread count, got '"
                    + value + "'");
        }
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public BackendAvailability availability() {
        return BackendAvailability.available(device());
    }

    /** E.g. {@code CPU: 2 threads (amd64, Java 17.0.15)}. */
    public String device() {
        return "CPU: " + threads + (threads == 1 ? " thread" : " threads") + " (" + System.getProperty("os.arch")
                + ", Java " + Runtime.version() + ")";
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    @Override
    public Set<Precision> precisions() {
        return EnumSet.allOf(Precision.class);
    }

    /** The CPU backend runs every configuration, NPCFR's network forward pass included. */
    @Override
    public Optional<String> unsupportedReason(SolverConfig config) {
        return Optional.empty();
    }

    @Override
    public SolverSession open(GameBatch batch, SolverConfig config) {
        if (!precisions().contains(config.precision())) {
            throw new IllegalArgumentException("the cpu backend does not support precision " + config.precision());
        }
        return new CpuSolverSession(batch, config, pool(), parallelWork, device());
    }

    private ForkJoinPool pool() {
        if (threads == 1) {
            return null;
        }
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads);
                    pool = p;
                }
            }
        }
        return p;
    }
}

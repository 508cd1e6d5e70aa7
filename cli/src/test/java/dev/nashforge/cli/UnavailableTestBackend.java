package dev.nashforge.cli;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only backend that is never available (registered for the cli tests in
 * {@code src/test/resources/META-INF/services}), with the highest priority, so that {@code --backend auto}
 * must pass over it and say why, and {@code --backend unavailable-test} must fail with its reason. It counts
 * its probes ({@link #PROBES}), so tests can check that a command probed no backend.
 */
public final class UnavailableTestBackend implements Backend {

    static final String NAME = "unavailable-test";
    static final String REASON = "test backend: never available (registered by the cli tests)";
    /** How often {@link #availability()} was called in this JVM (a probe of the backends). */
    static final AtomicInteger PROBES = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public BackendAvailability availability() {
        PROBES.incrementAndGet();
        return BackendAvailability.unavailable(REASON);
    }

    @Override
    public Set<Precision> precisions() {
        return EnumSet.of(Precision.DOUBLE);
    }

    @Override
    public SolverSession open(GameBatch batch, SolverConfig config) {
        throw new IllegalStateException(NAME + " is unavailable: " + REASON);
    }
}

package dev.nashforge.host.conformance;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the backend suites ({@link BackendConformanceSuite}, {@link CpuParitySuite}) share: the backend under
 * test, the rule for a backend that cannot run here, a per-session hook and the comparison helpers.
 *
 * <p><b>Unavailable backends.</b> Before every test the backend is probed. When it is unavailable the test is
 * skipped with the backend's reason (a JUnit assumption), unless {@link #requiredHere()} says the backend must
 * run on this machine, in which case the test fails with that reason.
 */
public abstract class BackendSuiteBase {

    /** The backend under test (called often: return a shared instance). */
    protected abstract Backend backend();

    /**
     * Whether an unavailable backend fails the suite instead of skipping it. Default: true (the CPU backend
     * must always run). Hardware backends return false, or {@link #ciRequiresIt()} where CI has the device.
     */
    protected boolean requiredHere() {
        return true;
    }

    /**
     * Backend-specific checks on every session the suites opened, after its last use and before it is closed
     * (for example that OpenCL kernels really ran on an OpenCL device). Default: none.
     */
    protected void verifySession(SolverSession session) {
    }

    /** True when the environment variable {@code CI} is {@code true} (case-insensitive). */
    protected static boolean ciRequiresIt() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @BeforeEach
    void requireAvailableBackend() {
        BackendAvailability availability = backend().availability();
        if (!availability.available()) {
            String message = "backend '" + backend().name() + "' is unavailable here: " + availability.reason();
            if (requiredHere()) {
                fail(message + " (this test environment requires it)");
            }
            Assumptions.abort(message);
        }
    }

    /** Skips the test when the backend does not offer {@code precision} (e.g. an OpenCL device without fp64). */
    protected void assumePrecision(Precision precision) {
        Assumptions.assumeTrue(backend().precisions().contains(precision),
                () -> "backend '" + backend().name() + "' does not offer " + precision.label() + " precision here");
    }

    /** Opens a session of the backend under test, runs {@code body}, verifies and closes it. */
    protected void withSession(GameBatch batch, SolverConfig config, Consumer<SolverSession> body) {
        withSession(backend(), batch, config, body);
    }

    /** Opens a session of {@code b}, runs {@code body}, verifies it (if it belongs to the backend under test), closes it. */
    protected void withSession(Backend b, GameBatch batch, SolverConfig config, Consumer<SolverSession> body) {
        try (SolverSession session = b.open(batch, config)) {
            body.accept(session);
            if (b == backend()) {
                verifySession(session);
            }
        }
    }

    /** Runs {@code iterations} iterations, accumulating the joint play before each (as {@code SolveRun} does). */
    protected static void iterate(SolverSession session, RegretMinimizer solver, int iterations) {
        for (int t = 0; t < iterations; t++) {
            session.accumulateJointPlay(solver.nextAverageStep());
            solver.iterate();
        }
    }

    /**
     * Asserts that every buffer (persistent and scratch) and the joint play of the two sessions agree:
     * {@code |a − e| <= tolerance · max(1, |e|)} entry by entry (tolerance 0: bit for bit).
     */
    protected static void assertSameState(SolverSession expected, SolverSession actual, double tolerance,
                                          String context) {
        for (SequenceBuffer buffer : SequenceBuffer.values()) {
            assertClose(expected.read(buffer), actual.read(buffer), tolerance, context + ", " + buffer);
        }
        JointPlayWeights[] e = expected.readJointPlay();
        JointPlayWeights[] a = actual.readJointPlay();
        for (int b = 0; b < e.length; b++) {
            assertClose(e[b].jointWeights(), a[b].jointWeights(), tolerance,
                    context + ", joint weights of instance " + b);
            for (int p = 0; p < e[b].opponentWeights().length; p++) {
                assertClose(e[b].opponentWeights()[p], a[b].opponentWeights()[p], tolerance,
                        context + ", opponent weights of player " + p + ", instance " + b);
            }
        }
    }

    /** {@code [batch][player][sequence]} arrays agree entry by entry (see {@link #assertSameState}). */
    protected static void assertClose(double[][][] expected, double[][][] actual, double tolerance, String context) {
        if (expected.length != actual.length) {
            fail(context + ": " + actual.length + " instances, expected " + expected.length);
        }
        for (int b = 0; b < expected.length; b++) {
            for (int p = 0; p < expected[b].length; p++) {
                assertClose(expected[b][p], actual[b][p], tolerance, context + ", instance " + b + ", player " + p);
            }
        }
    }

    /** Two vectors agree entry by entry: {@code |a − e| <= tolerance · max(1, |e|)}. */
    protected static void assertClose(double[] expected, double[] actual, double tolerance, String context) {
        if (expected.length != actual.length) {
            fail(context + ": length " + actual.length + ", expected " + expected.length);
        }
        for (int k = 0; k < expected.length; k++) {
            double e = expected[k];
            double a = actual[k];
            boolean ok = tolerance == 0 ? Double.doubleToLongBits(e) == Double.doubleToLongBits(a)
                    : Math.abs(a - e) <= tolerance * Math.max(1.0, Math.abs(e));
            if (!ok) {
                fail(context + ", entry " + k + ": expected " + e + " but was " + a + " (difference " + (a - e)
                        + ", tolerance " + tolerance + ")");
            }
        }
    }
}

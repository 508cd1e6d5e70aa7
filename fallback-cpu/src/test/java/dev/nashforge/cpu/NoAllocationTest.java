package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An iteration allocates nothing on the driving thread (the design rule behind the per-iteration budget):
 * the bytes allocated by the calling thread over 200 iterations, joint-play accumulation included, stay below
 * what a single small array would take. Measured with HotSpot's per-thread allocation counter; skipped on
 * JVMs without it. Only the inline (single-task) path is checked: when a primitive is dispatched to the
 * ForkJoinPool, the JDK's join protocol allocates a small wait node for the blocked caller (measured: about
 * 70 bytes per iteration for B = 16 on 2 threads), which is outside this code's control.
 */
class NoAllocationTest {

    @ParameterizedTest(name = "{0}, B={1}, threads={2}")
    @CsvSource({"cfr+, 1, 1", "pcfr+, 4, 1", "dcfr, 1, 1"})
    void iterationsAllocateNothing(String algorithm, int batchSize, int threads) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        CompiledGame leduc = GameCompiler.compile(GameCatalog.game("leduc_poker"));
        GameBatch batch = GameBatch.replicate(leduc.structure(), leduc.instance(), batchSize);
        try (SolverSession session = new CpuBackend(threads).open(batch, SolverConfig.preset(algorithm))) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < 50; t++) {
                session.accumulateJointPlay(solver.nextAverageStep());
                solver.iterate();
            }
            long thread = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(thread);
            for (int t = 0; t < 200; t++) {
                session.accumulateJointPlay(solver.nextAverageStep());
                solver.iterate();
            }
            long allocated = mx.getThreadAllocatedBytes(thread) - before;
            assertTrue(allocated < 2048, allocated + " bytes allocated over 200 iterations");
        }
    }
}

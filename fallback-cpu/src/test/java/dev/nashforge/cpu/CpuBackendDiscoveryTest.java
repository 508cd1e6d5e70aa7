package dev.nashforge.cpu;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.host.backend.BackendInfo;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPU backend is found through ServiceLoader and behaves as the contract says at open. */
class CpuBackendDiscoveryTest {

    @Test
    void serviceLoaderFindsTheCpuBackend() {
        BackendRegistry registry = BackendRegistry.discover();
        BackendInfo cpu = registry.list().stream().filter(b -> b.name().equals("cpu")).findFirst().orElseThrow();
        assertTrue(cpu.available());
        assertTrue(cpu.device().startsWith("CPU: "), cpu.device());
        assertEquals(List.of("double", "float"), cpu.precisions());
        BackendSelection auto = registry.select("auto");
        assertInstanceOf(CpuBackend.class, auto.backend());
    }

    @Test
    void openLeavesIterationZero() {
        CompiledGame game = TestGames.compile(TestGames.signalGame(2, 2, 2, 1));
        try (SolverSession s = new CpuBackend(1).open(TestGames.single(game), SolverConfig.cfr())) {
            double[][] sigma = s.read(SequenceBuffer.CURRENT_STRATEGY)[0];
            double[][] plan = s.read(SequenceBuffer.REALIZATION_PLAN)[0];
            for (int p = 0; p < 2; p++) {
                var t = game.structure().treeplex(p);
                assertEquals(1.0, plan[p][0]);
                for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                    int f = t.firstSequence()[infoset];
                    for (int a = 0; a < t.numActions()[infoset]; a++) {
                        assertEquals(1.0 / t.numActions()[infoset], sigma[p][f + a], 0.0);
                        assertEquals(plan[p][t.parentSequence()[infoset]] * sigma[p][f + a], plan[p][f + a], 0.0);
                    }
                }
                assertArrayEquals(new double[t.numSequences()], s.read(SequenceBuffer.CUMULATIVE_REGRET)[0][p]);
                assertArrayEquals(new double[t.numSequences()], s.read(SequenceBuffer.AVERAGE_PLAN)[0][p]);
            }
        }
    }

    @Test
    void badArgumentsNameWhatIsWrong() {
        CompiledGame game = TestGames.compile(TestGames.traceGame());
        try (SolverSession s = new CpuBackend(1).open(TestGames.single(game), SolverConfig.cfr())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.computeStrategy(2));
            assertTrue(e.getMessage().contains("player 2"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.updateAverage(0, 0.0));
            assertThrows(IllegalArgumentException.class, () -> s.updateRegret(0, 0));
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> s.write(SequenceBuffer.CUMULATIVE_REGRET, new double[][][] {{new double[3], new double[2]}}));
            assertTrue(shape.getMessage().contains("player 1"), shape.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> s.write(SequenceBuffer.INSTANTANEOUS_REGRET, s.read(SequenceBuffer.INSTANTANEOUS_REGRET)));
        }
        assertThrows(IllegalArgumentException.class, () -> new CpuBackend(0));
    }
}

package dev.nashforge.bench.cuda;

import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CUDA benchmark's solver options: {@code --algo}, {@code --model}, {@code --updates}. */
class CudaBenchmarkSolverTest {

    @Test
    void defaultsToCfrPlusAndTakesALearnedSolverWithItsModelAndUpdates() {
        assertEquals(SolverConfig.cfrPlus(), CudaBenchmark.solver("cfr+", null, null));
        SolverConfig learned = CudaBenchmark.solver("npcfr+", "leduc_poker", "alternating");
        assertEquals("npcfr+", learned.algorithm());
        assertEquals("leduc_poker", learned.model().name());
        assertEquals(UpdateMode.ALTERNATING, learned.updates());
        assertTrue(learned.learnedAlternating());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CudaBenchmark.solver("npcfr+", null, null));
        assertTrue(e.getMessage().contains("--model"), e.getMessage());
    }
}

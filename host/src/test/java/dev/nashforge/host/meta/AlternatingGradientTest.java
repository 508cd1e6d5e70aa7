package dev.nashforge.host.meta;

import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meta-gradient of the unrolled solver with alternating updates ({@link AlternatingStep}: player sub-steps,
 * the network on the updated player's rows) against central finite differences on random small games with random
 * networks, after a warm-up as in training; checkpointed recomputation against full storage; and the alternating
 * dynamics differ from the simultaneous ones.
 */
class AlternatingGradientTest {

    @Test
    void alternatingMetaGradientMatchesFiniteDifferences() {
        MetaLoss loss = new MetaLoss(1.0, 0.3, 0.2, LossSchedule.LINEAR);
        int checked = 0;
        for (MetaTestGames g : new MetaTestGames[] {MetaTestGames.kuhn(), MetaTestGames.matrix2(),
            MetaTestGames.matrix3(), MetaTestGames.kuhn3()}) {
            for (PredictorArchitecture arch : new PredictorArchitecture[] {PredictorArchitecture.gru(4),
                PredictorArchitecture.mlp(4)}) {
                for (SolverVariant variant : SolverVariant.values()) {
                    PredictorNetwork net = new PredictorNetwork(arch);
                    UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(variant,
                            variant.defaultAveraging(), 5, loss, UpdateMode.ALTERNATING));
                    int warmup = 3;
                    String what = g + " " + arch.cell() + " " + variant + " alternating";
                    UnrolledGradientTest.Usable u = UnrolledGradientTest.usable(solver, g, net, warmup, what);
                    MetaGradient mg = u.gradient();
                    double[] x = u.params();
                    double[] fixed = x.clone();
                    assertEquals(mg.loss(), solver.loss(g.instance, fixed, x, warmup), 0.0,
                            what + ": loss() and gradient() differ");
                    FiniteDifferences.check(what + " meta-gradient", x,
                            () -> solver.loss(g.instance, fixed, x, warmup), mg.gradient());
                    checked++;
                }
            }
        }
        assertEquals(16, checked);
    }

    @Test
    void checkpointedRecomputationGivesTheSameAlternatingGradient() {
        MetaTestGames g = MetaTestGames.kuhn3();
        PredictorNetwork net = new PredictorNetwork(PredictorArchitecture.gru(5));
        UnrolledSolver solver = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, 9, new MetaLoss(1, 0.5, 0.5, LossSchedule.UNIFORM), UpdateMode.ALTERNATING));
        double[] p = UnrolledGradientTest.randomParams(net, 3);
        MetaGradient full = solver.gradient(g.instance, p, 0);
        for (int k : new int[] {1, 2, 4, 9}) {
            MetaGradient cp = solver.gradient(g.instance, p, k);
            assertEquals(full.loss(), cp.loss(), 0.0, "checkpoint interval " + k + ": loss");
            assertArrayEquals(full.gradient(), cp.gradient(), 0.0, "checkpoint interval " + k);
        }
        UnrolledSolver simultaneous = new UnrolledSolver(g.layout, net, new UnrolledConfig(SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, 9, new MetaLoss(1, 0.5, 0.5, LossSchedule.UNIFORM)));
        assertNotEquals(simultaneous.loss(g.instance, p), solver.loss(g.instance, p), "other dynamics");
        assertTrue(solver.bytesPerIteration() > simultaneous.bytesPerIteration());
    }
}

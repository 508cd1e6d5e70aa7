package dev.nashforge.opencl;

import dev.nashforge.cpu.CpuBackend;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.CpuParitySuite;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * NPCFR / NPCFR+ on the OpenCL device (the network's forward pass as a kernel op) against the CPU backend, whose
 * forward pass reproduces {@code meta.UnrolledSolver} (fallback-cpu's NpcfrParityTest): in double precision the
 * predictions, current strategies, average plans and the recurrent state agree to 1e-12 at every iteration; in
 * float the device runs the network in binary32 (the CPU backend in binary64, rounding only the stored
 * predictions), so the comparison uses CpuParitySuite's documented float tolerances. A predictor state read back
 * and written into a fresh session resumes bit for bit. Every launch ran on OpenCL ({@code isRunningCL()}).
 * Skipped without an OpenCL platform, failed under {@code CI=true}.
 */
class OpenClNpcfrParityTest {

    private static final double TOLERANCE = CpuParitySuite.DOUBLE_TOLERANCE;

    private static void requireDevice(Precision precision) {
        OpenClBackend backend = new OpenClBackend();
        BackendAvailability a = backend.availability();
        if (!a.available()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires an OpenCL platform: " + a.reason());
            }
            Assumptions.abort("no OpenCL device here: " + a.reason());
        }
        Assumptions.assumeTrue(backend.precisions().contains(precision), "the OpenCL device lacks " + precision);
    }

    private static LearnedModel shipped() {
        return ShippedModels.resolve("biased_shapley");
    }

    /** A stateless MLP predictor with fixed random weights: the MLP branch of the kernel. */
    private static LearnedModel mlp() {
        TrainingConfig c = TrainingConfig.biasedShapleyDefaults(42);
        PredictorArchitecture arch = PredictorArchitecture.mlp(5);
        c = new TrainingConfig(c.distribution(), arch, c.variant(), c.averaging(), c.horizon(), c.loss(), 1,
                c.batchSize(), c.learningRate(), c.gradientClip(), c.evaluationSize(), c.evaluationEvery(),
                c.checkpointInterval(), c.seed());
        double[] p = new PredictorNetwork(arch).initialParameters(new SplittableRandom(3));
        return new LearnedModel("test-mlp", new NpcfrModel(arch, SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC,
                c, 1, p));
    }

    @Test
    void npcfrPlusMatchesTheCpuBackendOnBiasedShapleyInDouble() {
        requireDevice(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(4, 12345L);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()), batch, 60);
    }

    @Test
    void npcfrMatchesTheCpuBackendInDouble() {
        requireDevice(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 7L);
        assertDoubleParity(SolverConfig.npcfr(shipped()), batch, 50);
    }

    @Test
    void npcfrPlusMatchesTheCpuBackendOnThreePlayerKuhnInDouble() {
        requireDevice(Precision.DOUBLE);
        // several infosets per player at several depths: the row → (player, sequence) mapping and the pooling
        // over an infoset's actions; the network is shared per (infoset, action), so it runs on any game
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()), batch, 50);
    }

    @Test
    void mlpPredictorMatchesTheCpuBackendInDouble() {
        requireDevice(Precision.DOUBLE);
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 3);
        assertDoubleParity(SolverConfig.npcfrPlus(mlp()), batch, 50);
    }

    @Test
    void alternatingNpcfrPlusMatchesTheCpuBackendOnThreePlayerKuhnInDouble() {
        requireDevice(Precision.DOUBLE);
        // one launch per player on that player's rows (a row offset); the CPU backend's alternating pass leaves
        // the other players' predictions and recurrent states alone (AlternatingNpcfrTest), so parity of every
        // prediction and of the whole state after every player's turn checks the offset and the row count
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()).withUpdates(UpdateMode.ALTERNATING), batch, 40);
    }

    @Test
    void alternatingMlpNpcfrMatchesTheCpuBackendOnBiasedShapleyInDouble() {
        requireDevice(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 17L);
        assertDoubleParity(SolverConfig.npcfr(mlp()).withUpdates(UpdateMode.ALTERNATING), batch, 40);
    }

    @Test
    void alternatingUpdatesReallyAlternate() {
        requireDevice(Precision.DOUBLE);
        // the same network with simultaneous updates gives other strategies after the first iteration: the
        // alternating run above is not the simultaneous one under another name
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 17L);
        SolverConfig simultaneous = SolverConfig.npcfrPlus(shipped());
        try (SolverSession a = new OpenClBackend().open(batch, simultaneous);
             SolverSession b = new OpenClBackend().open(batch, simultaneous.withUpdates(UpdateMode.ALTERNATING))) {
            RegretMinimizer solverA = new RegretMinimizer(a);
            RegretMinimizer solverB = new RegretMinimizer(b);
            for (int t = 1; t <= 3; t++) {
                solverA.iterate();
                solverB.iterate();
            }
            double[][][] x = a.read(SequenceBuffer.CURRENT_STRATEGY);
            double[][][] y = b.read(SequenceBuffer.CURRENT_STRATEGY);
            assertTrue(!Arrays.deepEquals(x, y), "simultaneous and alternating strategies coincide");
        }
    }

    private static void assertDoubleParity(SolverConfig config, GameBatch batch, int iterations) {
        try (SolverSession reference = new CpuBackend(1).open(batch, config);
             SolverSession tested = new OpenClBackend().open(batch, config)) {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            for (int t = 1; t <= iterations; t++) {
                referenceSolver.iterate();
                testedSolver.iterate();
                String where = config.algorithm() + " on " + batch.structure().name() + ", iteration " + t;
                for (SequenceBuffer which : new SequenceBuffer[]{SequenceBuffer.PREDICTION,
                    SequenceBuffer.CURRENT_STRATEGY, SequenceBuffer.CUMULATIVE_REGRET, SequenceBuffer.AVERAGE_PLAN}) {
                    assertClose(reference.read(which), tested.read(which), TOLERANCE, where + ", " + which);
                }
                assertClose(reference.readPredictorState(), tested.readPredictorState(), TOLERANCE,
                        where + ", predictor state");
            }
            assertTrue(((OpenClSolverSession) tested).runningOnDevice(), "isRunningCL() is false");
        }
    }

    @Test
    void npcfrPlusInFloatStaysWithinTheFloatTolerances() {
        requireDevice(Precision.FLOAT);
        assertFloatParity(SolverConfig.npcfrPlus(shipped()).withPrecision(Precision.FLOAT));
    }

    @Test
    void alternatingNpcfrPlusInFloatStaysWithinTheFloatTolerances() {
        requireDevice(Precision.FLOAT);
        assertFloatParity(SolverConfig.npcfrPlus(shipped()).withPrecision(Precision.FLOAT)
                .withUpdates(UpdateMode.ALTERNATING));
    }

    private static void assertFloatParity(SolverConfig config) {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 99L);
        try (SolverSession reference = new CpuBackend(1).open(batch, config);
             SolverSession tested = new OpenClBackend().open(batch, config)) {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            referenceSolver.iterate();
            testedSolver.iterate();
            assertRelative(reference.read(SequenceBuffer.PREDICTION), tested.read(SequenceBuffer.PREDICTION),
                    CpuParitySuite.FLOAT_FIRST_ITERATION_TOLERANCE, "float prediction after 1 iteration");
            for (int t = 2; t <= CpuParitySuite.FLOAT_ITERATIONS; t++) {
                referenceSolver.iterate();
                testedSolver.iterate();
            }
            assertClose(reference.read(SequenceBuffer.AVERAGE_PLAN), tested.read(SequenceBuffer.AVERAGE_PLAN),
                    CpuParitySuite.FLOAT_AVERAGE_TOLERANCE, "float average plan after "
                            + CpuParitySuite.FLOAT_ITERATIONS + " iterations");
            assertTrue(((OpenClSolverSession) tested).runningOnDevice(), "isRunningCL() is false");
        }
    }

    @Test
    void predictorStateRoundTripResumesBitForBit() {
        requireDevice(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 5L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        OpenClBackend backend = new OpenClBackend();
        try (SolverSession whole = backend.open(batch, config); SolverSession resumed = backend.open(batch, config)) {
            RegretMinimizer wholeSolver = new RegretMinimizer(whole);
            for (int t = 1; t <= 30; t++) {
                wholeSolver.iterate();
            }
            SessionState state = whole.readState();
            assertTrue(state.predictorState().length == batch.size() && state.predictorState()[0].length > 0,
                    "the GRU has a recurrent state per instance");
            resumed.writeState(state);
            assertClose(state.predictorState(), resumed.readPredictorState(), 0.0, "state read after write");
            RegretMinimizer resumedSolver = new RegretMinimizer(resumed);
            resumedSolver.restore(wholeSolver.iteration(), wholeSolver.totalWeight());
            for (int t = 31; t <= 50; t++) {
                wholeSolver.iterate();
                resumedSolver.iterate();
                for (SequenceBuffer which : new SequenceBuffer[]{SequenceBuffer.PREDICTION,
                    SequenceBuffer.AVERAGE_PLAN}) {
                    assertClose(whole.read(which), resumed.read(which), 0.0, "iteration " + t + ", " + which);
                }
                assertClose(whole.readPredictorState(), resumed.readPredictorState(), 0.0,
                        "iteration " + t + ", predictor state");
            }
            assertTrue(((OpenClSolverSession) resumed).runningOnDevice(), "isRunningCL() is false");
        }
    }

    @Test
    void aCpuCheckpointContinuesOnTheDevice() {
        requireDevice(Precision.DOUBLE);
        // the predictor state has the CPU backend's layout ([batch][row·stateSize], global rows), so a state file
        // written on one backend resumes on the other
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 11L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        try (SolverSession reference = new CpuBackend(1).open(batch, config);
             SolverSession tested = new OpenClBackend().open(batch, config)) {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            for (int t = 1; t <= 25; t++) {
                referenceSolver.iterate();
            }
            tested.writeState(reference.readState());
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            testedSolver.restore(referenceSolver.iteration(), referenceSolver.totalWeight());
            for (int t = 26; t <= 50; t++) {
                referenceSolver.iterate();
                testedSolver.iterate();
                assertClose(reference.read(SequenceBuffer.PREDICTION), tested.read(SequenceBuffer.PREDICTION),
                        TOLERANCE, "iteration " + t + ", prediction");
                assertClose(reference.readPredictorState(), tested.readPredictorState(), TOLERANCE,
                        "iteration " + t + ", predictor state");
            }
            assertClose(reference.read(SequenceBuffer.AVERAGE_PLAN), tested.read(SequenceBuffer.AVERAGE_PLAN),
                    TOLERANCE, "average plan after 50 iterations");
        }
    }

    @Test
    void aPredictorStateOfTheWrongShapeIsRefusedWithTheReason() {
        requireDevice(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 5L);
        try (SolverSession session = new OpenClBackend().open(batch, SolverConfig.npcfrPlus(shipped()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> session.writePredictorState(new double[][]{new double[3], new double[3]}));
            assertTrue(e.getMessage().contains("another model"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> session.writePredictorState(new double[1][]));
        }
    }

    @Test
    void learnedConfigurationsAreNoLongerRefused() {
        requireDevice(Precision.DOUBLE);
        OpenClBackend backend = new OpenClBackend();
        assertTrue(backend.unsupportedReason(SolverConfig.npcfrPlus(shipped())).isEmpty());
        assertTrue(backend.unsupportedReason(SolverConfig.npcfr(shipped()).withPrecision(Precision.FLOAT)).isEmpty());
        assertTrue(backend.unsupportedReason(SolverConfig.npcfrPlus(shipped()).withUpdates(UpdateMode.ALTERNATING))
                .isEmpty());
        assertEquals("opencl", BackendRegistry.discover().select("opencl", SolverConfig.npcfrPlus(shipped()))
                .backend().name());
    }

    @Test
    void computePredictionWithoutALearnedModelIsAnError() {
        requireDevice(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(1, 5L);
        try (SolverSession session = new OpenClBackend().open(batch, SolverConfig.preset("pcfr+"))) {
            assertThrows(IllegalStateException.class, () -> session.computePrediction(1));
            assertEquals(0, session.readPredictorState().length);
        }
    }

    private static void assertClose(double[][][] expected, double[][][] actual, double tolerance, String what) {
        for (int b = 0; b < expected.length; b++) {
            assertClose(expected[b], actual[b], tolerance, what + ", instance " + b);
        }
    }

    private static void assertClose(double[][] expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": length of row " + i);
            for (int s = 0; s < expected[i].length; s++) {
                double e = expected[i][s];
                double a = actual[i][s];
                boolean ok = tolerance == 0.0 ? Double.doubleToLongBits(e) == Double.doubleToLongBits(a)
                        : Math.abs(e - a) <= tolerance;
                if (!ok) {
                    throw new AssertionError(what + ", row " + i + ", entry " + s + ": expected " + e + ", got " + a
                            + " (difference " + Math.abs(e - a) + ", tolerance " + tolerance + ")");
                }
            }
        }
    }

    private static void assertRelative(double[][][] expected, double[][][] actual, double tolerance, String what) {
        for (int b = 0; b < expected.length; b++) {
            for (int i = 0; i < expected[b].length; i++) {
                for (int s = 0; s < expected[b][i].length; s++) {
                    double e = expected[b][i][s];
                    double a = actual[b][i][s];
                    if (Math.abs(e - a) > tolerance * Math.max(1.0, Math.abs(e))) {
                        throw new AssertionError(what + ", instance " + b + ", player " + i + ", sequence " + s
                                + ": expected " + e + ", got " + a);
                    }
                }
            }
        }
    }
}

package dev.nashforge.cuda;

import dev.nashforge.cpu.CpuBackend;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.conformance.CpuParitySuite;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * NPCFR / NPCFR+ on the CUDA backend (the {@code network} kernel of {@code CudaKernels.cu}, compiled for the host by
 * {@link KernelEmulator} and driven by the real session code) against the CPU backend, whose forward pass
 * reproduces {@code meta.UnrolledSolver}: in double the predictions, current strategies, cumulative regrets,
 * average plans and the recurrent state agree to 1e-12 ({@link CpuParitySuite#DOUBLE_TOLERANCE}) at every
 * iteration, on the tiny geometry (every grid-stride loop runs more than once) and on an H100's; in float the
 * kernel runs the network in binary32 (the CPU backend in binary64), so the comparison uses CpuParitySuite's float
 * tolerances. A predictor state read back and written into a fresh session resumes bit for bit. Needs g++.
 */
class EmulatedNpcfrParityTest {

    private static final double TOLERANCE = CpuParitySuite.DOUBLE_TOLERANCE;

    @BeforeAll
    static void emulatorBuilds() {
        assumeTrue(KernelEmulator.binary() != null, KernelEmulator.unavailableReason());
    }

    private static SolverSession open(GameBatch batch, SolverConfig config, DeviceLimits limits) {
        return new CudaSolverSession(batch, config, KernelEmulator.start(limits), new CudaOptions(7, false, false, 4),
                "not used (emulated)");
    }

    static LearnedModel shipped() {
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
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(4, 12345L);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()), batch, 40, EmulatedKernelParityTest.TINY);
    }

    @Test
    void npcfrMatchesTheCpuBackendOnAnH100Geometry() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 7L);
        assertDoubleParity(SolverConfig.npcfr(shipped()), batch, 30, DeviceLimits.h100());
    }

    @Test
    void npcfrPlusMatchesTheCpuBackendOnThreePlayerKuhnInDouble() {
        // several infosets per player at several depths: the row → (player, sequence) mapping and the pooling
        // over an infoset's actions
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()), batch, 30, EmulatedKernelParityTest.TINY);
    }

    @Test
    void mlpPredictorMatchesTheCpuBackendInDouble() {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 3);
        assertDoubleParity(SolverConfig.npcfrPlus(mlp()), batch, 30, EmulatedKernelParityTest.TINY);
    }

    @Test
    void alternatingNpcfrPlusMatchesTheCpuBackendOnThreePlayerKuhnInDouble() {
        // the network kernel on one player's rows per launch (firstRow, count): parity of every prediction and of
        // the whole recurrent state after each iteration checks that the other players' rows were left alone
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        GameBatch batch = GameBatch.replicate(g.structure(), g.instance(), 2);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()).withUpdates(UpdateMode.ALTERNATING), batch, 30,
                EmulatedKernelParityTest.TINY);
    }

    @Test
    void alternatingMlpNpcfrMatchesTheCpuBackendOnAnH100Geometry() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 17L);
        assertDoubleParity(SolverConfig.npcfr(mlp()).withUpdates(UpdateMode.ALTERNATING), batch, 30,
                DeviceLimits.h100());
    }

    private static void assertDoubleParity(SolverConfig config, GameBatch batch, int iterations, DeviceLimits limits) {
        assertDoubleParity(config, batch, iterations, (b, c) -> open(b, c, limits));
    }

    /**
     * Runs {@code iterations} iterations of {@code config} on the CPU backend and on a session {@code opener}
     * opens, comparing m, σ, R, x̄ and the predictor state to {@link CpuParitySuite#DOUBLE_TOLERANCE} after each.
     */
    static void assertDoubleParity(SolverConfig config, GameBatch batch, int iterations,
                                   BiFunction<GameBatch, SolverConfig, SolverSession> opener) {
        try (SolverSession reference = new CpuBackend(1).open(batch, config);
             SolverSession tested = opener.apply(batch, config)) {
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
        }
    }

    @Test
    void npcfrPlusInFloatStaysWithinTheFloatTolerances() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 99L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped()).withPrecision(Precision.FLOAT);
        try (SolverSession reference = new CpuBackend(1).open(batch, config);
             SolverSession tested = open(batch, config, EmulatedKernelParityTest.TINY)) {
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
        }
    }

    @Test
    void predictorStateRoundTripResumesBitForBit() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 5L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        try (SolverSession whole = open(batch, config, EmulatedKernelParityTest.TINY);
             SolverSession resumed = open(batch, config, EmulatedKernelParityTest.TINY)) {
            RegretMinimizer wholeSolver = new RegretMinimizer(whole);
            for (int t = 1; t <= 20; t++) {
                wholeSolver.iterate();
            }
            SessionState state = whole.readState();
            assertTrue(state.predictorState().length == batch.size() && state.predictorState()[0].length > 0,
                    "the GRU has a recurrent state per instance");
            resumed.writeState(state);
            assertClose(state.predictorState(), resumed.readPredictorState(), 0.0, "state read after write");
            RegretMinimizer resumedSolver = new RegretMinimizer(resumed);
            resumedSolver.restore(wholeSolver.iteration(), wholeSolver.totalWeight());
            for (int t = 21; t <= 35; t++) {
                wholeSolver.iterate();
                resumedSolver.iterate();
                for (SequenceBuffer which : new SequenceBuffer[]{SequenceBuffer.PREDICTION,
                    SequenceBuffer.AVERAGE_PLAN}) {
                    assertClose(whole.read(which), resumed.read(which), 0.0, "iteration " + t + ", " + which);
                }
                assertClose(whole.readPredictorState(), resumed.readPredictorState(), 0.0,
                        "iteration " + t + ", predictor state");
            }
        }
    }

    @Test
    void aCpuCheckpointContinuesOnTheDevice() {
        // the predictor state has the CPU backend's layout ([batch][row·stateSize], global rows)
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 11L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        try (SolverSession reference = new CpuBackend(1).open(batch, config);
             SolverSession tested = open(batch, config, EmulatedKernelParityTest.TINY)) {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            for (int t = 1; t <= 15; t++) {
                referenceSolver.iterate();
            }
            tested.writeState(reference.readState());
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            testedSolver.restore(referenceSolver.iteration(), referenceSolver.totalWeight());
            for (int t = 16; t <= 30; t++) {
                referenceSolver.iterate();
                testedSolver.iterate();
                assertClose(reference.read(SequenceBuffer.PREDICTION), tested.read(SequenceBuffer.PREDICTION),
                        TOLERANCE, "iteration " + t + ", prediction");
                assertClose(reference.readPredictorState(), tested.readPredictorState(), TOLERANCE,
                        "iteration " + t + ", predictor state");
            }
        }
    }

    @Test
    void aPredictorStateOfTheWrongShapeIsRefusedWithTheReason() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 5L);
        try (SolverSession session = open(batch, SolverConfig.npcfrPlus(shipped()), EmulatedKernelParityTest.TINY)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> session.writePredictorState(new double[][]{new double[3], new double[3]}));
            assertTrue(e.getMessage().contains("another model"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> session.writePredictorState(new double[1][]));
        }
    }

    @Test
    void computePredictionWithoutALearnedModelIsAnError() {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(1, 5L);
        try (SolverSession session = open(batch, SolverConfig.preset("pcfr+"), EmulatedKernelParityTest.TINY)) {
            assertThrows(IllegalStateException.class, () -> session.computePrediction(1));
            assertEquals(0, session.readPredictorState().length);
        }
    }

    @Test
    void learnedConfigurationsAreNotRefused() {
        CudaBackend backend = new CudaBackend();
        assertTrue(backend.unsupportedReason(SolverConfig.npcfrPlus(shipped())).isEmpty());
        assertTrue(backend.unsupportedReason(SolverConfig.npcfr(shipped()).withPrecision(Precision.FLOAT)).isEmpty());
        assertTrue(backend.unsupportedReason(SolverConfig.npcfrPlus(shipped()).withUpdates(UpdateMode.ALTERNATING))
                .isEmpty());
    }

    static void assertClose(double[][][] expected, double[][][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": instances");
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

package dev.nashforge.host.conformance;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.backend.SolverSession;
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
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NPCFR / NPCFR+ on a device backend (the network's forward pass as a kernel) against the CPU reference backend,
 * whose forward pass reproduces {@code meta.UnrolledSolver} (fallback-cpu's NpcfrParityTest). In double the
 * predictions, current strategies, cumulative regrets, average plans and the recurrent state agree to
 * {@link CpuParitySuite#DOUBLE_TOLERANCE} after every iteration, GRU and MLP predictors, simultaneous and alternating
 * updates (one launch per player on its rows: parity of the whole state checks that the other players' rows are left
 * alone). In float the device runs the network in binary32 (the CPU backend in binary64, rounding only the stored
 * predictions), so the comparison uses {@link CpuParitySuite}'s float tolerances. A predictor state read back and
 * written into a fresh session resumes bit for bit, and one written by the CPU backend continues on the device.
 *
 * <p>A backend's test extends this suite, says how to open a session of it ({@link #open}) and which
 * {@link Backend} answers {@code unsupportedReason} ({@link #backend()}), and may add checks of its own
 * ({@link #requirePrecision}, {@link #verifySession}).
 */
public abstract class NpcfrParitySuite {

    /** The backend under test (its {@code unsupportedReason}). */
    protected abstract Backend backend();

    /** Opens a session of the backend under test. */
    protected abstract SolverSession open(GameBatch batch, SolverConfig config);

    /** Skips (or fails) the test when the backend cannot run {@code precision} here. Default: nothing to check. */
    protected void requirePrecision(Precision precision) {
    }

    /** Backend-specific checks on a tested session after its last use (e.g. that kernels ran on the device). */
    protected void verifySession(SolverSession session) {
    }

    /** The shipped biased Shapley model: a GRU-32 with its recurrent state. */
    public static LearnedModel shipped() {
        return ShippedModels.resolve("biased_shapley");
    }

    /** A stateless MLP predictor with fixed random weights: the MLP branch of the kernels. */
    public static LearnedModel mlp() {
        TrainingConfig c = TrainingConfig.biasedShapleyDefaults(42);
        PredictorArchitecture arch = PredictorArchitecture.mlp(5);
        c = new TrainingConfig(c.distribution(), arch, c.variant(), c.averaging(), c.horizon(), c.loss(), 1,
                c.batchSize(), c.learningRate(), c.gradientClip(), c.evaluationSize(), c.evaluationEvery(),
                c.checkpointInterval(), c.seed());
        double[] p = new PredictorNetwork(arch).initialParameters(new SplittableRandom(3));
        return new LearnedModel("test-mlp", new NpcfrModel(arch, SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC,
                c, 1, p));
    }

    private static GameBatch threePlayerKuhn(int instances) {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker(players=3)"));
        return GameBatch.replicate(g.structure(), g.instance(), instances);
    }

    // ------------------------------------------------------------------ double parity

    @Test
    void npcfrPlusMatchesTheCpuBackendOnBiasedShapleyInDouble() {
        requirePrecision(Precision.DOUBLE);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()), GameCatalog.distribution("biased_shapley")
                .sample(4, 12345L), 40);
    }

    @Test
    void npcfrMatchesTheCpuBackendInDouble() {
        requirePrecision(Precision.DOUBLE);
        assertDoubleParity(SolverConfig.npcfr(shipped()), GameCatalog.distribution("biased_shapley").sample(2, 7L), 30);
    }

    @Test
    void npcfrPlusMatchesTheCpuBackendOnThreePlayerKuhnInDouble() {
        requirePrecision(Precision.DOUBLE);
        // several infosets per player at several depths: the row → (player, sequence) mapping and the pooling over
        // an infoset's actions; the network is shared per (infoset, action), so it runs on any game
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()), threePlayerKuhn(2), 30);
    }

    @Test
    void mlpPredictorMatchesTheCpuBackendInDouble() {
        requirePrecision(Precision.DOUBLE);
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker"));
        assertDoubleParity(SolverConfig.npcfrPlus(mlp()), GameBatch.replicate(g.structure(), g.instance(), 3), 30);
    }

    @Test
    void alternatingNpcfrPlusMatchesTheCpuBackendOnThreePlayerKuhnInDouble() {
        requirePrecision(Precision.DOUBLE);
        assertDoubleParity(SolverConfig.npcfrPlus(shipped()).withUpdates(UpdateMode.ALTERNATING), threePlayerKuhn(2),
                30);
    }

    @Test
    void alternatingMlpNpcfrMatchesTheCpuBackendOnBiasedShapleyInDouble() {
        requirePrecision(Precision.DOUBLE);
        assertDoubleParity(SolverConfig.npcfr(mlp()).withUpdates(UpdateMode.ALTERNATING),
                GameCatalog.distribution("biased_shapley").sample(3, 17L), 30);
    }

    @Test
    void alternatingUpdatesReallyAlternate() {
        requirePrecision(Precision.DOUBLE);
        // the same network with simultaneous updates gives other strategies after the first iteration: the
        // alternating runs above are not the simultaneous one under another name
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 17L);
        SolverConfig simultaneous = SolverConfig.npcfrPlus(shipped());
        try (SolverSession a = open(batch, simultaneous);
             SolverSession b = open(batch, simultaneous.withUpdates(UpdateMode.ALTERNATING))) {
            RegretMinimizer solverA = new RegretMinimizer(a);
            RegretMinimizer solverB = new RegretMinimizer(b);
            for (int t = 1; t <= 3; t++) {
                solverA.iterate();
                solverB.iterate();
            }
            assertTrue(!Arrays.deepEquals(a.read(SequenceBuffer.CURRENT_STRATEGY),
                    b.read(SequenceBuffer.CURRENT_STRATEGY)), "simultaneous and alternating strategies coincide");
        }
    }

    /** {@link #assertDoubleParity(SolverConfig, GameBatch, int, BiFunction)} on a session of {@link #open}. */
    protected void assertDoubleParity(SolverConfig config, GameBatch batch, int iterations) {
        assertDoubleParity(config, batch, iterations, this::open, this::verifySession);
    }

    /**
     * Runs {@code iterations} iterations of {@code config} on the CPU reference backend and on a session
     * {@code opener} opens, comparing m, σ, R, x̄ and the predictor state to {@link CpuParitySuite#DOUBLE_TOLERANCE}
     * after each.
     */
    public static void assertDoubleParity(SolverConfig config, GameBatch batch, int iterations,
                                          BiFunction<GameBatch, SolverConfig, SolverSession> opener) {
        assertDoubleParity(config, batch, iterations, opener, s -> { });
    }

    private static void assertDoubleParity(SolverConfig config, GameBatch batch, int iterations,
                                           BiFunction<GameBatch, SolverConfig, SolverSession> opener,
                                           Consumer<SolverSession> verify) {
        try (SolverSession reference = CpuParitySuite.cpuReference().open(batch, config);
             SolverSession tested = opener.apply(batch, config)) {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            for (int t = 1; t <= iterations; t++) {
                referenceSolver.iterate();
                testedSolver.iterate();
                String where = config.algorithm() + " on " + batch.structure().name() + ", iteration " + t;
                for (SequenceBuffer which : new SequenceBuffer[]{SequenceBuffer.PREDICTION,
                    SequenceBuffer.CURRENT_STRATEGY, SequenceBuffer.CUMULATIVE_REGRET, SequenceBuffer.AVERAGE_PLAN}) {
                    assertClose(reference.read(which), tested.read(which), CpuParitySuite.DOUBLE_TOLERANCE,
                            where + ", " + which);
                }
                assertClose(reference.readPredictorState(), tested.readPredictorState(),
                        CpuParitySuite.DOUBLE_TOLERANCE, where + ", predictor state");
            }
            verify.accept(tested);
        }
    }

    // ------------------------------------------------------------------ float

    @Test
    void npcfrPlusInFloatStaysWithinTheFloatTolerances() {
        requirePrecision(Precision.FLOAT);
        assertFloatParity(SolverConfig.npcfrPlus(shipped()).withPrecision(Precision.FLOAT));
    }

    @Test
    void alternatingNpcfrPlusInFloatStaysWithinTheFloatTolerances() {
        requirePrecision(Precision.FLOAT);
        assertFloatParity(SolverConfig.npcfrPlus(shipped()).withPrecision(Precision.FLOAT)
                .withUpdates(UpdateMode.ALTERNATING));
    }

    private void assertFloatParity(SolverConfig config) {
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 99L);
        try (SolverSession reference = CpuParitySuite.cpuReference().open(batch, config);
             SolverSession tested = open(batch, config)) {
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
            verifySession(tested);
        }
    }

    // ------------------------------------------------------------------ predictor state

    @Test
    void predictorStateRoundTripResumesBitForBit() {
        requirePrecision(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(3, 5L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        try (SolverSession whole = open(batch, config); SolverSession resumed = open(batch, config)) {
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
            verifySession(resumed);
        }
    }

    @Test
    void aCpuCheckpointContinuesOnTheDevice() {
        requirePrecision(Precision.DOUBLE);
        // the predictor state has the CPU backend's layout ([batch][row·stateSize], global rows), so a state file
        // written on one backend resumes on the other
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 11L);
        SolverConfig config = SolverConfig.npcfrPlus(shipped());
        try (SolverSession reference = CpuParitySuite.cpuReference().open(batch, config);
             SolverSession tested = open(batch, config)) {
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
                        CpuParitySuite.DOUBLE_TOLERANCE, "iteration " + t + ", prediction");
                assertClose(reference.readPredictorState(), tested.readPredictorState(),
                        CpuParitySuite.DOUBLE_TOLERANCE, "iteration " + t + ", predictor state");
            }
            assertClose(reference.read(SequenceBuffer.AVERAGE_PLAN), tested.read(SequenceBuffer.AVERAGE_PLAN),
                    CpuParitySuite.DOUBLE_TOLERANCE, "average plan after 30 iterations");
        }
    }

    @Test
    void aPredictorStateOfTheWrongShapeIsRefusedWithTheReason() {
        requirePrecision(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(2, 5L);
        try (SolverSession session = open(batch, SolverConfig.npcfrPlus(shipped()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> session.writePredictorState(new double[][]{new double[3], new double[3]}));
            assertTrue(e.getMessage().contains("another model"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> session.writePredictorState(new double[1][]));
        }
    }

    @Test
    void computePredictionWithoutALearnedModelIsAnError() {
        requirePrecision(Precision.DOUBLE);
        GameBatch batch = GameCatalog.distribution("biased_shapley").sample(1, 5L);
        try (SolverSession session = open(batch, SolverConfig.preset("pcfr+"))) {
            assertThrows(IllegalStateException.class, () -> session.computePrediction(1));
            assertThrows(IllegalStateException.class, () -> session.computePrediction(0, 1));
            assertEquals(0, session.readPredictorState().length);
        }
    }

    @Test
    void learnedConfigurationsAreNotRefused() {
        requirePrecision(Precision.DOUBLE);
        Backend backend = backend();
        assertTrue(backend.unsupportedReason(SolverConfig.npcfrPlus(shipped())).isEmpty());
        assertTrue(backend.unsupportedReason(SolverConfig.npcfr(shipped()).withPrecision(Precision.FLOAT)).isEmpty());
        assertTrue(backend.unsupportedReason(SolverConfig.npcfrPlus(shipped()).withUpdates(UpdateMode.ALTERNATING))
                .isEmpty());
    }

    // ------------------------------------------------------------------ comparisons

    /**
     * Entry by entry within {@code tolerance} (absolute); a tolerance of 0 asks for the same bits.
     * {@code [batch][player][sequence]}.
     */
    public static void assertClose(double[][][] expected, double[][][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": instances");
        for (int b = 0; b < expected.length; b++) {
            assertClose(expected[b], actual[b], tolerance, what + ", instance " + b);
        }
    }

    /** As {@link #assertClose(double[][][], double[][][], double, String)} for {@code [row][entry]} arrays. */
    public static void assertClose(double[][] expected, double[][] actual, double tolerance, String what) {
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

package dev.nashforge.host.conformance;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Parity of whole solves with the CPU reference backend, found like any other through
 * {@link BackendRegistry#discover()} under the name {@code cpu} (the backend module's tests need
 * {@code fallback-cpu} as a test-scope dependency; its main code never imports it). A backend's parity test
 * extends this suite and names the backend ({@link #backend()}).
 *
 * <p><b>Double precision</b> must agree with the CPU backend to {@value #DOUBLE_TOLERANCE} (relative to
 * max(1, |value|)) in every buffer, scratch buffers included, and in the joint play, at checkpoints through
 * {@value #DOUBLE_ITERATIONS} iterations. Implementations that order their sums as the CPU backend does (the
 * sorted terminal segments, the infosets' actions in order, the products in increasing player order) differ
 * only by contraction into fused multiply-adds, far below that bound; regret matching is discontinuous at 0, so
 * a solve far longer than this would let rounding differences grow (method.md §8).
 *
 * <p><b>Float precision</b> follows a different trajectory as soon as rounding differs, so it is compared where
 * float solves stay close: after one iteration every buffer within {@value #FLOAT_FIRST_ITERATION_TOLERANCE}
 * (relative), and after {@value #FLOAT_ITERATIONS} iterations the average behaviour strategy within
 * {@value #FLOAT_AVERAGE_TOLERANCE} per action and each player's expected value of the average profile within
 * {@value #FLOAT_VALUE_TOLERANCE} (payoffs within [−1.3, 1.3]), against the CPU backend's float solve.
 */
public abstract class CpuParitySuite extends BackendSuiteBase {

    /** Relative agreement of double-precision solves with the CPU backend. */
    public static final double DOUBLE_TOLERANCE = 1e-12;
    /** Length of the double-precision parity solves. */
    public static final int DOUBLE_ITERATIONS = 30;
    /** Relative agreement of every buffer after the first float iteration. */
    public static final double FLOAT_FIRST_ITERATION_TOLERANCE = 1e-5;
    /** Agreement of the float average behaviour strategy, per action, after {@link #FLOAT_ITERATIONS}. */
    public static final double FLOAT_AVERAGE_TOLERANCE = 1e-4;
    /** Agreement of each player's float expected value of the average profile after {@link #FLOAT_ITERATIONS}. */
    public static final double FLOAT_VALUE_TOLERANCE = 1e-4;
    /** Length of the float parity solves. */
    public static final int FLOAT_ITERATIONS = 200;

    private static final int[] CHECKPOINTS = {1, 2, 3, 5, 10, 20, DOUBLE_ITERATIONS};
    private static volatile Backend cpu;

    /** The CPU reference backend, discovered through {@link BackendRegistry} by the name {@code cpu}. */
    protected static Backend cpuReference() {
        Backend b = cpu;
        if (b == null) {
            b = BackendRegistry.discover().select("cpu").backend();
            cpu = b;
        }
        return b;
    }

    static Stream<Arguments> doubleSolves() {
        List<Arguments> out = new ArrayList<>();
        for (String preset : new String[] {"cfr", "cfr+", "lcfr", "dcfr", "pcfr+", "rm", "rm+", "prm+"}) {
            out.add(Arguments.of(preset, ConformanceGames.SIGNAL, 3));
            out.add(Arguments.of(preset, ConformanceGames.KUHN_3P, 2));
        }
        for (String preset : new String[] {"cfr+", "rm"}) {
            out.add(Arguments.of(preset, ConformanceGames.TWO_STAGE, 1));
            out.add(Arguments.of(preset, ConformanceGames.HIDDEN_COIN, 1));
            out.add(Arguments.of(preset, ConformanceGames.TRACE, 2));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}, B={2}")
    @MethodSource("doubleSolves")
    void doubleSolvesMatchTheCpuBackend(String preset, String gameName, int batchSize) {
        assumePrecision(Precision.DOUBLE);
        CompiledGame game = ConformanceGames.compiled(gameName);
        compareDouble(ConformanceGames.perturbedBatch(game, batchSize, 31), SolverConfig.preset(preset),
                preset + " on " + gameName);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UpdateMode.class)
    void leducBatchMatchesTheCpuBackend(UpdateMode mode) {
        assumePrecision(Precision.DOUBLE);
        CompiledGame leduc = ConformanceGames.compiled(ConformanceGames.LEDUC);
        compareDouble(ConformanceGames.perturbedBatch(leduc, 4, 41), SolverConfig.pcfrPlus().withUpdates(mode),
                "pcfr+ (" + mode.label() + ") on Leduc, B=4");
    }

    private void compareDouble(GameBatch batch, SolverConfig config, String context) {
        withSession(cpuReference(), batch, config, reference -> withSession(batch, config, tested -> {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            assertSameState(reference, tested, DOUBLE_TOLERANCE, context + " at open");
            int done = 0;
            for (int checkpoint : CHECKPOINTS) {
                iterate(reference, referenceSolver, checkpoint - done);
                iterate(tested, testedSolver, checkpoint - done);
                done = checkpoint;
                assertSameState(reference, tested, DOUBLE_TOLERANCE, context + " after " + done + " iterations");
            }
        }));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cfr", "cfr+", "dcfr", "pcfr+", "rm+", "prm+"})
    void floatSolvesTrackTheCpuBackend(String preset) {
        assumePrecision(Precision.FLOAT);
        CompiledGame game = ConformanceGames.compiled(ConformanceGames.SIGNAL);
        GameBatch batch = ConformanceGames.perturbedBatch(game, 2, 53);
        SolverConfig config = SolverConfig.preset(preset).withPrecision(Precision.FLOAT);
        ExactEvaluator evaluator = new ExactEvaluator(game.structure());
        withSession(cpuReference(), batch, config, reference -> withSession(batch, config, tested -> {
            RegretMinimizer referenceSolver = new RegretMinimizer(reference);
            RegretMinimizer testedSolver = new RegretMinimizer(tested);
            iterate(reference, referenceSolver, 1);
            iterate(tested, testedSolver, 1);
            assertSameState(reference, tested, FLOAT_FIRST_ITERATION_TOLERANCE, preset + " (float) after 1 iteration");
            iterate(reference, referenceSolver, FLOAT_ITERATIONS - 1);
            iterate(tested, testedSolver, FLOAT_ITERATIONS - 1);
            double[][][] expected = reference.read(SequenceBuffer.AVERAGE_PLAN);
            double[][][] actual = tested.read(SequenceBuffer.AVERAGE_PLAN);
            for (int b = 0; b < batch.size(); b++) {
                double[][] e = evaluator.behaviourFromPlans(expected[b]);
                double[][] a = evaluator.behaviourFromPlans(actual[b]);
                for (int p = 0; p < e.length; p++) {
                    assertClose(e[p], a[p], FLOAT_AVERAGE_TOLERANCE,
                            preset + " (float): average behaviour of player " + p + ", instance " + b);
                }
                double[] ve = evaluator.expectedValues(batch.instance(b), expected[b]);
                double[] va = evaluator.expectedValues(batch.instance(b), actual[b]);
                for (int p = 0; p < ve.length; p++) {
                    if (Math.abs(ve[p] - va[p]) > FLOAT_VALUE_TOLERANCE) {
                        fail(preset + " (float): expected value of the average profile of player " + p + ", instance "
                                + b + ": CPU " + ve[p] + ", tested " + va[p]);
                    }
                }
            }
            assertTrue(testedSolver.iteration() == FLOAT_ITERATIONS, "ran " + testedSolver.iteration());
        }));
    }
}

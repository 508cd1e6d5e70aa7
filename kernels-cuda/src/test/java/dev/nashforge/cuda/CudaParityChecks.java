package dev.nashforge.cuda;

import dev.nashforge.cpu.CpuBackend;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;

import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * CPU parity for any way of opening a CUDA session (the emulated kernels, or the device): the same batch and
 * configuration run on the {@code cpu} backend with one thread (the reference) and on the CUDA session, with the
 * joint play accumulated every iteration, and every buffer and joint-play weight compared <em>bit for bit</em>
 * after opening, after the first iteration, half-way and at the end. Bit parity is the design claim: the kernels
 * perform the CPU kernels' operations in the same order and are compiled without fused multiply-add.
 */
final class CudaParityChecks {

    /** One solve to compare. */
    record Scenario(String spec, int batchSize, boolean perturbed, String preset, Precision precision,
                    int iterations) {
        @Override
        public String toString() {
            return spec + " B=" + batchSize + (perturbed ? " (perturbed)" : "") + " " + preset + " "
                    + precision.label() + " x" + iterations;
        }
    }

    /**
     * Scenarios covering 2 and 3 players, chance, general-sum payoffs, normal and extensive form, every regret
     * rule (sum, plus, linear, discounted), prediction, both update modes, both precisions and instances that
     * differ.
     */
    static List<Scenario> scenarios() {
        return List.of(
                new Scenario("kuhn_poker", 1, false, "cfr", Precision.DOUBLE, 30),
                new Scenario("kuhn_poker", 3, true, "lcfr", Precision.FLOAT, 25),
                new Scenario("kuhn_poker(players=3)", 2, true, "pcfr+", Precision.DOUBLE, 20),
                new Scenario("kuhn_poker(players=3)", 1, false, "dcfr", Precision.FLOAT, 20),
                new Scenario("leduc_poker", 2, true, "cfr+", Precision.DOUBLE, 6),
                new Scenario("biased_leduc", 1, false, "dcfr", Precision.FLOAT, 5),
                new Scenario("random_matrix(players=3,actions=3,seed=7)", 4, true, "rm+", Precision.DOUBLE, 40),
                new Scenario("shapley", 2, true, "prm+", Precision.FLOAT, 40),
                new Scenario("random_matrix(players=2,actions=4,seed=3)", 1, false, "rm", Precision.DOUBLE, 40));
    }

    private CudaParityChecks() {
    }

    /** Runs {@code s} on the CPU and on {@code cuda} and fails at the first differing bit. */
    static void assertMatchesCpu(Scenario s, BiFunction<GameBatch, SolverConfig, SolverSession> cuda) {
        GameBatch batch = CudaTestGames.batch(s.spec(), s.batchSize(), s.perturbed());
        SolverConfig config = SolverConfig.preset(s.preset()).withPrecision(s.precision());
        try (SolverSession cpu = new CpuBackend(1).open(batch, config);
             SolverSession gpu = cuda.apply(batch, config)) {
            assertSameState(s + ", after open", cpu, gpu);
            RegretMinimizer a = new RegretMinimizer(cpu);
            RegretMinimizer b = new RegretMinimizer(gpu);
            for (int t = 1; t <= s.iterations(); t++) {
                cpu.accumulateJointPlay(a.nextAverageStep());
                a.iterate();
                gpu.accumulateJointPlay(b.nextAverageStep());
                b.iterate();
                if (t == 1 || t == s.iterations() / 2 || t == s.iterations()) {
                    assertSameState(s + ", after iteration " + t, cpu, gpu);
                }
            }
        }
    }

    /**
     * Runs {@code s} half-way on the CPU and on {@code cuda}, moves the CUDA state into a fresh CUDA session
     * ({@link SolverSession#readState()} / {@link SolverSession#writeState}), finishes both, and compares.
     */
    static void assertResumeMatchesCpu(Scenario s, BiFunction<GameBatch, SolverConfig, SolverSession> cuda) {
        GameBatch batch = CudaTestGames.batch(s.spec(), s.batchSize(), s.perturbed());
        SolverConfig config = SolverConfig.preset(s.preset()).withPrecision(s.precision());
        int half = s.iterations() / 2;
        try (SolverSession cpu = new CpuBackend(1).open(batch, config)) {
            RegretMinimizer a = new RegretMinimizer(cpu);
            SessionState state;
            double totalWeight;
            try (SolverSession first = cuda.apply(batch, config)) {
                RegretMinimizer b = new RegretMinimizer(first);
                for (int t = 1; t <= half; t++) {
                    first.accumulateJointPlay(b.nextAverageStep());
                    b.iterate();
                }
                state = first.readState();
                totalWeight = b.totalWeight();
            }
            for (int t = 1; t <= s.iterations(); t++) {
                cpu.accumulateJointPlay(a.nextAverageStep());
                a.iterate();
            }
            try (SolverSession second = cuda.apply(batch, config)) {
                second.writeState(state);
                RegretMinimizer b = new RegretMinimizer(second);
                b.restore(half, totalWeight);
                for (int t = half + 1; t <= s.iterations(); t++) {
                    second.accumulateJointPlay(b.nextAverageStep());
                    b.iterate();
                }
                assertSameState(s + ", resumed at " + half, cpu, second);
            }
        }
    }

    /** Every buffer and the joint play of {@code actual} equal {@code expected} bit for bit. */
    static void assertSameState(String when, SolverSession expected, SolverSession actual) {
        for (SequenceBuffer buffer : SequenceBuffer.values()) {
            double[][][] e = expected.read(buffer);
            double[][][] a = actual.read(buffer);
            int differing = 0;
            String first = null;
            for (int b = 0; b < e.length; b++) {
                for (int i = 0; i < e[b].length; i++) {
                    for (int k = 0; k < e[b][i].length; k++) {
                        if (Double.doubleToLongBits(e[b][i][k]) != Double.doubleToLongBits(a[b][i][k])) {
                            differing++;
                            if (first == null) {
                                first = "instance " + b + ", player " + i + ", sequence " + k + ": cpu " + e[b][i][k]
                                        + ", cuda " + a[b][i][k];
                            }
                        }
                    }
                }
            }
            if (differing > 0) {
                fail(when + ": " + buffer + " differs in " + differing + " entries, first at " + first);
            }
        }
        JointPlayWeights[] e = expected.readJointPlay();
        JointPlayWeights[] a = actual.readJointPlay();
        for (int b = 0; b < e.length; b++) {
            compare(when, "joint weights of instance " + b, e[b].jointWeights(), a[b].jointWeights());
            for (int i = 0; i < e[b].opponentWeights().length; i++) {
                compare(when, "opponent weights of instance " + b + ", player " + i, e[b].opponentWeights()[i],
                        a[b].opponentWeights()[i]);
            }
        }
    }

    private static void compare(String when, String what, double[] e, double[] a) {
        for (int k = 0; k < e.length; k++) {
            if (Double.doubleToLongBits(e[k]) != Double.doubleToLongBits(a[k])) {
                fail(when + ": " + what + " differ at terminal " + k + ": cpu " + e[k] + ", cuda " + a[k]);
            }
        }
    }
}

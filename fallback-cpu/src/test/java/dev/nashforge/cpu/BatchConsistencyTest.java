package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The batch dimension and the threading change nothing: instance b of a batch run with several threads (and a
 * parallel-work threshold lowered so that the small test game takes every parallel path: instance chunks,
 * sequence ranges and terminal ranges) gives bit for bit the state of that instance run alone on one thread.
 */
class BatchConsistencyTest {

    private static final int ITERATIONS = 20;

    @ParameterizedTest(name = "B={0}, threads={1}, parallel work={2}, players={3}")
    @CsvSource({"1, 2, 64, 2", "3, 2, 64, 2", "8, 2, 64, 2", "3, 3, 16, 3", "5, 2, 1000000, 2"})
    void identicalInstancesGiveTheSingleInstanceResult(int batchSize, int threads, int parallelWork, int players) {
        CompiledGame game = TestGames.compile(TestGames.signalGame(players, 2, 2, 5));
        List<GameInstance> instances = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            instances.add(game.instance());
        }
        checkAgainstSingleRuns(game, instances, new CpuBackend(threads, parallelWork), SolverConfig.pcfrPlus());
    }

    @ParameterizedTest(name = "B={0}, threads={1}, parallel work={2}, {3} updates")
    @CsvSource({"4, 2, 64, SIMULTANEOUS", "9, 2, 64, ALTERNATING", "2, 2, 16, ALTERNATING"})
    void differentInstancesEachGiveTheirOwnResult(int batchSize, int threads, int parallelWork, UpdateMode mode) {
        CompiledGame game = TestGames.compile(TestGames.signalGame(2, 3, 2, 9));
        List<GameInstance> instances = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            instances.add(perturbed(game.instance(), b));
        }
        checkAgainstSingleRuns(game, instances, new CpuBackend(threads, parallelWork),
                SolverConfig.cfrPlus().withUpdates(mode));
    }

    /** Utilities scaled and shifted per player, chance reach rescaled, both depending on {@code b}. */
    private static GameInstance perturbed(GameInstance g, int b) {
        double[] c = g.chanceReach().clone();
        for (int z = 0; z < c.length; z++) {
            c[z] *= 1 + 0.05 * b * ((z % 3) - 1);
        }
        double[][] u = new double[g.utility().length][];
        for (int i = 0; i < u.length; i++) {
            u[i] = g.utility()[i].clone();
            for (int z = 0; z < u[i].length; z++) {
                u[i][z] = u[i][z] * (1 + 0.1 * b) + 0.01 * b * (i + 1);
            }
        }
        return new GameInstance(c, u);
    }

    private static void checkAgainstSingleRuns(CompiledGame game, List<GameInstance> instances, CpuBackend backend,
                                               SolverConfig config) {
        GameBatch batch = new GameBatch(game.structure(), instances);
        try (SolverSession session = backend.open(batch, config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < ITERATIONS; t++) {
                session.accumulateJointPlay(solver.nextAverageStep());
                solver.iterate();
            }
            for (int b = 0; b < instances.size(); b++) {
                GameBatch alone = new GameBatch(game.structure(), List.of(instances.get(b)));
                try (SolverSession single = new CpuBackend(1).open(alone, config)) {
                    RegretMinimizer singleSolver = new RegretMinimizer(single);
                    for (int t = 0; t < ITERATIONS; t++) {
                        single.accumulateJointPlay(singleSolver.nextAverageStep());
                        singleSolver.iterate();
                    }
                    for (SequenceBuffer buffer : SequenceBuffer.values()) {
                        double[][] expected = single.read(buffer)[0];
                        double[][] actual = session.read(buffer)[b];
                        for (int p = 0; p < expected.length; p++) {
                            assertArrayEquals(expected[p], actual[p], 0.0,
                                    buffer + " of player " + p + ", instance " + b);
                        }
                    }
                    JointPlayWeights expected = single.readJointPlay()[0];
                    JointPlayWeights actual = session.readJointPlay()[b];
                    assertArrayEquals(expected.jointWeights(), actual.jointWeights(), 0.0, "joint weights, instance " + b);
                    for (int p = 0; p < expected.opponentWeights().length; p++) {
                        assertArrayEquals(expected.opponentWeights()[p], actual.opponentWeights()[p], 0.0,
                                "opponent weights of player " + p + ", instance " + b);
                    }
                }
            }
        }
    }
}

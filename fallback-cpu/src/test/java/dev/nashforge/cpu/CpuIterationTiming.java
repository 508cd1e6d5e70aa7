package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;

import java.util.Arrays;

/**
 * A quick timing of one solver iteration on the CPU backend, for the engine's report (not a test, not a
 * benchmark: the JMH benchmarks live in {@code bench}). Arguments: game spec, algorithm, batch size,
 * iterations, threads, precision. Prints the median of 7 rounds of seconds per iteration.
 */
public final class CpuIterationTiming {

    private CpuIterationTiming() {
    }

    public static void main(String[] args) {
        String spec = args.length > 0 ? args[0] : "leduc_poker";
        SolverConfig config = SolverConfig.preset(args.length > 1 ? args[1] : "cfr+");
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        if (args.length > 5) {
            config = config.withPrecision(Precision.fromLabel(args[5]));
        }
        long compileStart = System.nanoTime();
        CompiledGame game = GameCompiler.compile(GameCatalog.game(spec));
        System.out.printf("%s: %d terminals, sequences %d, infosets %s; compiled in %.2f s%n", spec,
                game.structure().numTerminals(), game.structure().totalSequences(),
                Arrays.toString(java.util.stream.IntStream.range(0, game.numPlayers())
                        .map(i -> game.structure().treeplex(i).numInfosets()).toArray()),
                (System.nanoTime() - compileStart) / 1e9);
        GameBatch batch = GameBatch.replicate(game.structure(), game.instance(), batchSize);
        try (SolverSession session = new CpuBackend(threads).open(batch, config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            double[] rounds = new double[7];
            for (int r = 0; r < rounds.length; r++) {
                long start = System.nanoTime();
                for (int t = 0; t < iterations; t++) {
                    solver.iterate();
                }
                rounds[r] = (System.nanoTime() - start) / 1e9 / iterations;
            }
            double[] sorted = rounds.clone();
            Arrays.sort(sorted);
            System.out.printf("%s B=%d threads=%d %s: median %.4g ms per iteration (rounds %s)%n", config.algorithm(),
                    batchSize, threads, config.precision().label(), sorted[rounds.length / 2] * 1e3,
                    Arrays.toString(Arrays.stream(rounds).map(x -> Math.round(x * 1e7) / 1e4).toArray()));
            for (int t = 0; t < iterations; t++) {
                session.accumulateJointPlay(0.5);
            }
            long start = System.nanoTime();
            for (int t = 0; t < iterations; t++) {
                session.accumulateJointPlay(0.5);
            }
            System.out.printf("  joint-play accumulation: %.4g ms per iteration%n",
                    (System.nanoTime() - start) / 1e6 / iterations);
        }
    }
}

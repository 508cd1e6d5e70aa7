package dev.nashforge.cli;

import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.RunRecord;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.SolverConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of {@code nash compare}: per algorithm and checkpoint the statistics over the K instances.
 *
 * @param distribution    the distribution the instances were sampled from
 * @param game            the structure's name
 * @param instances       K
 * @param seed            {@code --seed}
 * @param evaluationSeed  the seed the instances were sampled with ({@link CompareSeeds})
 * @param backend         the backend all runs used
 * @param models          the learned models of the comparison
 * @param iterations      T
 * @param algorithms      one result per algorithm run, in {@code --algos} order (with {@code stoppedBy}, the last
 *                        one is the run that was stopped, with the checkpoints it reached)
 * @param stoppedBy       the signal that stopped the comparison early ({@code SIGINT}, {@code SIGTERM},
 *                        {@code SIGHUP}), or null
 * @param notRun          the labels of the algorithms a stop left out, in {@code --algos} order (empty unless
 *                        stopped)
 */
record CompareResult(String distribution, String game, int instances, long seed, long evaluationSeed,
                     BackendArgument.Chosen backend, List<LearnedModel> models, int iterations,
                     List<AlgorithmResult> algorithms, String stoppedBy, List<String> notRun) {

    CompareResult {
        algorithms = List.copyOf(algorithms);
        notRun = List.copyOf(notRun);
    }

    /**
     * The checkpoint iterations of the comparison, ascending: every iteration some algorithm has a checkpoint at (a
     * stopped run adds the iteration it stopped at).
     */
    List<Integer> checkpointIterations() {
        TreeSet<Integer> all = new TreeSet<>();
        for (AlgorithmResult a : algorithms) {
            a.checkpoints().forEach(c -> all.add(c.iteration()));
        }
        return List.copyOf(all);
    }

    /**
     * One algorithm's run.
     *
     * @param config      its configuration
     * @param record      the run record (every instance at every checkpoint)
     * @param checkpoints the statistics per checkpoint, in iteration order
     */
    record AlgorithmResult(SolverConfig config, RunRecord record, List<Checkpoint> checkpoints) {

        static AlgorithmResult of(SolverConfig config, RunRecord record) {
            TreeMap<Integer, List<CheckpointRecord>> byIteration = new TreeMap<>();
            for (CheckpointRecord r : record.checkpoints()) {
                byIteration.computeIfAbsent(r.iteration(), t -> new ArrayList<>()).add(r);
            }
            List<Checkpoint> list = new ArrayList<>();
            byIteration.forEach((t, rs) -> list.add(new Checkpoint(t,
                    BatchStatistics.of(rs.stream().mapToDouble(CheckpointRecord::nashGap).toArray()),
                    BatchStatistics.of(rs.stream().mapToDouble(CheckpointRecord::cceGap).toArray()),
                    BatchStatistics.of(rs.stream().mapToDouble(CheckpointRecord::totalCorrelation).toArray()))));
            return new AlgorithmResult(config, record, list);
        }

        /**
         * Wall-clock seconds per iteration of the iterations this process ran, or empty when every iteration came
         * from a {@code --state} file (nothing was timed).
         */
        OptionalDouble secondsPerIteration() {
            return record.iterations() > record.resumedFrom() ? OptionalDouble.of(record.secondsPerIteration())
                    : OptionalDouble.empty();
        }

        /** The statistics at iteration {@code t}, or null when this run has no checkpoint there (it was stopped). */
        Checkpoint at(int t) {
            return checkpoints.stream().filter(c -> c.iteration() == t).findFirst().orElse(null);
        }
    }

    /**
     * Statistics over the instances at one checkpoint.
     *
     * @param iteration        t
     * @param nashGap          NashGap of the average profile
     * @param cceGap           CCEGap of the weighted joint play
     * @param totalCorrelation total correlation of the weighted joint play
     */
    record Checkpoint(int iteration, BatchStatistics nashGap, BatchStatistics cceGap,
                      BatchStatistics totalCorrelation) {
    }
}

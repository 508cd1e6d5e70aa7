package dev.nashforge.host.run;

import dev.nashforge.host.solver.SolverConfig;

import java.util.List;
import java.util.Locale;

/**
 * What a run did and measured (style.md rule 2: every result records backend, device, precision and update
 * mode). Immutable.
 *
 * @param game                         the game's catalog name
 * @param batchSize                    B
 * @param backend                      the backend's name
 * @param device                       the device the state lived on
 * @param config                       the full configuration (algorithm, rules, averaging, updates, precision)
 * @param iterations                   T, the completed iterations
 * @param resumedFrom                  the iteration the run resumed from (0 when it started fresh)
 * @param secondsPerIteration          mean wall time of one solver iteration over the iterations run in this
 *                                     process, excluding the metrics (joint-play accumulation and checkpoint
 *                                     evaluation) and the state file
 * @param jointPlaySecondsPerIteration mean wall time of the joint-play accumulation per iteration (0 when not
 *                                     tracked)
 * @param trackJointPlay               whether CCEGap and total correlation were available
 * @param checkpoints                  the metrics, by checkpoint then instance
 */
public record RunRecord(String game, int batchSize, String backend, String device, SolverConfig config,
                        int iterations, int resumedFrom, double secondsPerIteration,
                        double jointPlaySecondsPerIteration, boolean trackJointPlay,
                        List<CheckpointRecord> checkpoints) {

    public RunRecord {
        checkpoints = List.copyOf(checkpoints);
    }

    /** The records of the last checkpoint (one per instance), empty if there was none. */
    public List<CheckpointRecord> last() {
        if (checkpoints.isEmpty()) {
            return List.of();
        }
        int t = checkpoints.get(checkpoints.size() - 1).iteration();
        return checkpoints.stream().filter(r -> r.iteration() == t).toList();
    }

    /** A human-readable header: game, backend, device and every setting with its default. */
    public String header() {
        return String.format(Locale.ROOT, "game %s (B=%d); backend %s on %s; %s; %d iterations%s; %.4g ms per"
                        + " iteration (metrics excluded)",
                game, batchSize, backend, device, config.describe(), iterations,
                resumedFrom > 0 ? " (resumed from " + resumedFrom + ")" : "", secondsPerIteration * 1e3);
    }
}

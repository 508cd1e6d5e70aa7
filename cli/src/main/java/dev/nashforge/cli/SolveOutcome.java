package dev.nashforge.cli;

import dev.nashforge.host.run.RunRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code nash solve} reports about one run: what was solved, how, on which backend, what was measured,
 * and which files were written.
 *
 * @param instances the solved instances and how they were obtained
 * @param solver    the configuration with the flags of the defaults it kept
 * @param backend   the backend, device and how it was chosen
 * @param record    the run's record (its checkpoints ordered by checkpoint, then instance)
 * @param stateFile the solver-state file written at the checkpoints (and resumed from), or null
 * @param profiles  the average-profile files written ({@code --save-profile}), empty if none
 * @param plot      the chart written ({@code --plot}), or null
 * @param requested the iterations asked for ({@code --iterations}); {@code record.iterations()} is fewer when the
 *                  run was stopped
 * @param stoppedBy the signal that stopped the run early ({@code SIGINT}, {@code SIGTERM}, {@code SIGHUP}), or null
 */
record SolveOutcome(InstancesArgument.Instances instances, SolverArgument.Resolved solver,
                    BackendArgument.Chosen backend, RunRecord record, Path stateFile, List<Path> profiles, Path plot,
                    int requested, String stoppedBy) {

    SolveOutcome {
        profiles = List.copyOf(profiles);
    }

    /** The checkpoints grouped by iteration. */
    List<CheckpointGroup> checkpoints() {
        return CheckpointGroup.of(record.checkpoints());
    }

    /** Completed instance-iterations per second: B / secondsPerIteration (0 when nothing ran). */
    double instanceIterationsPerSecond() {
        double s = record.secondsPerIteration();
        return s > 0 ? record.batchSize() / s : 0;
    }
}

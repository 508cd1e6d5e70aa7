package dev.nashforge.host.run;

import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.solver.SolverConfig;

import java.util.List;

/**
 * A resumable snapshot of a run after {@code iteration} iterations: what {@link SolverStateFile} stores.
 *
 * @param config          the run's configuration (a resume must use the same)
 * @param game            the game's catalog name
 * @param fingerprint     {@link GameFingerprint} of the batch
 * @param batchSize       B
 * @param trackJointPlay  whether the joint play was being accumulated
 * @param iteration       completed iterations
 * @param totalWeight     W = Σ_{t ≤ iteration} w_t
 * @param records         the checkpoint records computed so far
 * @param session         the backend's persistent buffers and joint play
 */
public record SolverState(SolverConfig config, String game, long fingerprint, int batchSize, boolean trackJointPlay,
                          int iteration, double totalWeight, List<CheckpointRecord> records, SessionState session) {

    public SolverState {
        records = List.copyOf(records);
    }
}

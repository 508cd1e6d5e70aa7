package dev.nashforge.host.run;

import java.util.List;

/**
 * Callbacks of a {@link SolveRun} on the calling thread, for progress bars and live output. Both run outside
 * the timed part of an iteration. The defaults do nothing.
 */
public interface ProgressListener {

    /** No callbacks. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** After every iteration: {@code completed} of {@code total} iterations are done. */
    default void onIteration(int completed, int total) {
    }

    /** After the metrics of a checkpoint: one record per batch instance. */
    default void onCheckpoint(List<CheckpointRecord> records) {
    }
}

package dev.nashforge.host.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link SolveRun} does besides iterating. Immutable; build with {@link #of(int)} and the
 * {@code with…} methods.
 *
 * @param iterations      T, the total number of iterations (≥ 1)
 * @param checkpoints     when to evaluate the metrics and write the state file; iterations beyond T are ignored
 * @param trackJointPlay  whether to accumulate the joint play every iteration (needed for CCEGap and total
 *                        correlation; costs about one more pass over the terminals per iteration)
 * @param stateFile       where to write the resumable solver state at every checkpoint, or null for none
 * @param resume          whether to continue from {@code stateFile} when it exists
 * @param stateInterval   also write the state file after an iteration that ends at least this long after the
 *                        previous save (null: at the checkpoints only), so that a crash between two far-apart
 *                        checkpoints loses at most about this much work
 * @param progress        callbacks (never null)
 * @param stop            asked after every iteration; once it is set the run saves its state file (if any) and
 *                        returns early, see {@link SolveResult#stopped()} (never null)
 */
public record RunOptions(int iterations, CheckpointSchedule checkpoints, boolean trackJointPlay, Path stateFile,
                         boolean resume, Duration stateInterval, ProgressListener progress, StopRequest stop) {

    public RunOptions {
        if (iterations < 1) {
            throw new IllegalArgumentException("a run needs at least 1 iteration, got " + iterations);
        }
        if (checkpoints == null) {
            throw new IllegalArgumentException("checkpoints must be given (CheckpointSchedule.powersOfTwo(T))");
        }
        if (resume && stateFile == null) {
            throw new IllegalArgumentException("resume needs a state file");
        }
        if (stateInterval != null && stateInterval.isNegative()) {
            throw new IllegalArgumentException("the state interval must not be negative, got " + stateInterval);
        }
        progress = progress == null ? ProgressListener.NONE : progress;
        stop = stop == null ? StopRequest.NEVER : stop;
    }

    /** T iterations, checkpoints at powers of two and at T, joint play tracked, no state file. */
    public static RunOptions of(int iterations) {
        return new RunOptions(iterations, CheckpointSchedule.powersOfTwo(iterations), true, null, false, null,
                ProgressListener.NONE, StopRequest.NEVER);
    }

    /** Another total T (the schedule is kept; its iterations beyond T are ignored). */
    public RunOptions withIterations(int total) {
        return new RunOptions(total, checkpoints, trackJointPlay, stateFile, resume, stateInterval, progress, stop);
    }

    public RunOptions withCheckpoints(CheckpointSchedule schedule) {
        return new RunOptions(iterations, schedule, trackJointPlay, stateFile, resume, stateInterval, progress, stop);
    }

    public RunOptions withTrackJointPlay(boolean track) {
        return new RunOptions(iterations, checkpoints, track, stateFile, resume, stateInterval, progress, stop);
    }

    /** Writes the solver state to {@code file} at every checkpoint; resumes from it when {@code resume}. */
    public RunOptions withStateFile(Path file, boolean resumeFromIt) {
        return new RunOptions(iterations, checkpoints, trackJointPlay, file, resumeFromIt, stateInterval, progress,
                stop);
    }

    /** Also writes the state file whenever {@code interval} has passed since the last save (null: checkpoints only). */
    public RunOptions withStateInterval(Duration interval) {
        return new RunOptions(iterations, checkpoints, trackJointPlay, stateFile, resume, interval, progress, stop);
    }

    public RunOptions withProgress(ProgressListener listener) {
        return new RunOptions(iterations, checkpoints, trackJointPlay, stateFile, resume, stateInterval, listener,
                stop);
    }

    /** Stops the run early, with its state saved, once {@code request} is set (null: never). */
    public RunOptions withStop(StopRequest request) {
        return new RunOptions(iterations, checkpoints, trackJointPlay, stateFile, resume, stateInterval, progress,
                request);
    }
}

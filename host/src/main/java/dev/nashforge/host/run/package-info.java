/**
 * Orchestration of a solve (method.md §4): {@link dev.nashforge.host.run.SolveRun} runs T iterations on a
 * backend, evaluates NashGap (average and last iterate), CCEGap and total correlation at checkpoints
 * ({@link dev.nashforge.host.run.CheckpointSchedule}), times iterations without the metrics, writes atomic
 * resumable state files ({@link dev.nashforge.host.run.SolverStateFile}) and returns a
 * {@link dev.nashforge.host.run.RunRecord} with the average profile.
 */
package dev.nashforge.host.run;

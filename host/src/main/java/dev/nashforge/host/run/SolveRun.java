package dev.nashforge.host.run;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs T iterations of a regret minimizer on a backend (method.md §3–§4): opens a session, optionally resumes
 * it from a solver-state file, iterates, evaluates the metrics at every checkpoint, writes the state file at
 * every checkpoint, and returns the record and the average profile.
 *
 * <p><b>Timing.</b> {@link RunRecord#secondsPerIteration()} covers only {@link RegretMinimizer#iterate()};
 * the joint-play accumulation is timed separately, and checkpoint metrics, state files and callbacks are not
 * timed.
 *
 * <p><b>Resume.</b> With {@link RunOptions#resume()} and an existing state file, the file's configuration,
 * game fingerprint, batch size and joint-play flag must equal this run's (else {@link IllegalArgumentException}
 * naming the difference); the session state is restored bit for bit and the run continues, so its records and
 * average profile equal those of an uninterrupted run. The state file is replaced atomically at every
 * checkpoint (and whenever {@link RunOptions#stateInterval()} has passed since the last save), so a run killed at
 * any moment resumes from its last save.
 *
 * <p><b>Stop.</b> Once {@link RunOptions#stop()} is set, the run finishes the iteration in progress, writes the
 * state file (if any) and returns with {@link SolveResult#stopped()}; its checkpoints are those reached so far plus
 * one at the iteration it stopped at (evaluated after the save and not written to the state file, so resuming still
 * reproduces the uninterrupted run).
 *
 * <p>Stateless; every {@link #run} call opens and closes its own session.
 */
public final class SolveRun {

    private SolveRun() {
    }

    /**
     * Runs {@code config} on {@code batch} with {@code backend}.
     *
     * @throws IllegalArgumentException for a state file that does not match this run, or one that is corrupt
     */
    public static SolveResult run(Backend backend, GameBatch batch, SolverConfig config, RunOptions options) {
        long fingerprint = GameFingerprint.of(batch);
        SolverState resumeFrom = null;
        if (options.resume() && Files.exists(options.stateFile())) {
            resumeFrom = SolverStateFile.read(options.stateFile());
            checkResumable(resumeFrom, batch, config, options, fingerprint);
        }
        try (SolverSession session = backend.open(batch, config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            List<CheckpointRecord> records = new ArrayList<>();
            int resumedFrom = 0;
            if (resumeFrom != null) {
                session.writeState(resumeFrom.session());
                solver.restore(resumeFrom.iteration(), resumeFrom.totalWeight());
                records.addAll(resumeFrom.records());
                resumedFrom = resumeFrom.iteration();
            }
            CheckpointMetrics metrics = new CheckpointMetrics(session);
            int total = options.iterations();
            long solverNanos = 0;
            long jointNanos = 0;
            long lastSave = System.nanoTime();
            boolean stopped = false;
            while (solver.iteration() < total && !stopped) {
                if (options.trackJointPlay()) {
                    long start = System.nanoTime();
                    session.accumulateJointPlay(solver.nextAverageStep());
                    jointNanos += System.nanoTime() - start;
                }
                long start = System.nanoTime();
                solver.iterate();
                solverNanos += System.nanoTime() - start;
                int t = solver.iteration();
                options.progress().onIteration(t, total);
                stopped = t < total && options.stop().requested();
                boolean saveState = stopped || options.stateInterval() != null
                        && System.nanoTime() - lastSave >= options.stateInterval().toNanos();
                boolean scheduled = options.checkpoints().contains(t);
                if (scheduled) {
                    evaluate(metrics, t, solver, options, records);
                }
                if ((scheduled || t == total || saveState) && options.stateFile() != null) {
                    SolverStateFile.write(options.stateFile(), new SolverState(config, batch.structure().name(),
                            fingerprint, batch.size(), options.trackJointPlay(), t, solver.totalWeight(), records,
                            session.readState()));
                    lastSave = System.nanoTime();
                }
                if (stopped && !scheduled) {
                    // the metrics of the iteration the run stopped at, after the save: reported, not stored, so a
                    // resumed run's records stay those of an uninterrupted run
                    evaluate(metrics, t, solver, options, records);
                }
            }
            int ran = solver.iteration() - resumedFrom;
            RunRecord record = new RunRecord(batch.structure().name(), batch.size(), backend.name(),
                    session.device(), config, solver.iteration(), resumedFrom,
                    ran == 0 ? 0 : solverNanos / 1e9 / ran, ran == 0 ? 0 : jointNanos / 1e9 / ran,
                    options.trackJointPlay(), records);
            return new SolveResult(record, metrics.averageBehaviour(), stopped);
        }
    }

    /** Evaluates the metrics after iteration {@code t}, appends them to {@code records} and reports them. */
    private static void evaluate(CheckpointMetrics metrics, int t, RegretMinimizer solver, RunOptions options,
                                 List<CheckpointRecord> records) {
        List<CheckpointRecord> now = metrics.evaluate(t, solver.totalWeight(), options.trackJointPlay());
        records.addAll(now);
        options.progress().onCheckpoint(now);
    }

    private static void checkResumable(SolverState s, GameBatch batch, SolverConfig config, RunOptions options,
                                       long fingerprint) {
        String file = String.valueOf(options.stateFile());
        if (!s.config().equals(config)) {
            throw new IllegalArgumentException("cannot resume from " + file + ": it was written by " + s.config().describe()
                    + ", this run is " + config.describe());
        }
        if (!s.game().equals(batch.structure().name()) || s.fingerprint() != fingerprint
                || s.batchSize() != batch.size()) {
            throw new IllegalArgumentException("cannot resume from " + file + ": it was written for game " + s.game()
                    + " (B=" + s.batchSize() + ", fingerprint " + Long.toHexString(s.fingerprint()) + "), this run is "
                    + batch.structure().name() + " (B=" + batch.size() + ", fingerprint "
                    + Long.toHexString(fingerprint) + ")");
        }
        if (s.trackJointPlay() != options.trackJointPlay()) {
            throw new IllegalArgumentException("cannot resume from " + file + ": it was written with joint-play"
                    + " tracking " + (s.trackJointPlay() ? "on" : "off") + ", this run has it "
                    + (options.trackJointPlay() ? "on" : "off"));
        }
        if (s.iteration() > options.iterations()) {
            throw new IllegalArgumentException("cannot resume from " + file + ": it is at iteration " + s.iteration()
                    + ", beyond this run's " + options.iterations() + " iterations");
        }
    }
}

package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.run.CheckpointRecord;
import dev.nashforge.host.run.CheckpointSchedule;
import dev.nashforge.host.run.ProgressListener;
import dev.nashforge.host.run.RunOptions;
import dev.nashforge.host.run.RunRecord;
import dev.nashforge.host.run.SolveResult;
import dev.nashforge.host.run.SolveRun;
import dev.nashforge.host.run.SolverStateFile;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end runs of {@link SolveRun} on the CPU backend: records, metrics, resume. */
class SolveRunTest {

    @TempDir
    Path dir;

    private static GameBatch kuhn(int copies) {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("kuhn_poker"));
        return GameBatch.replicate(g.structure(), g.instance(), copies);
    }

    @Test
    void recordsEveryCheckpointWithItsSettings() {
        List<Integer> progress = new ArrayList<>();
        List<Integer> checkpoints = new ArrayList<>();
        RunOptions options = RunOptions.of(64).withProgress(new ProgressListener() {
            @Override
            public void onIteration(int completed, int total) {
                progress.add(completed);
            }

            @Override
            public void onCheckpoint(List<CheckpointRecord> records) {
                checkpoints.add(records.get(0).iteration());
            }
        });
        SolveResult result = SolveRun.run(new CpuBackend(1), kuhn(2), SolverConfig.cfrPlus(), options);
        RunRecord r = result.record();
        assertEquals("kuhn_poker(players=2)", r.game());
        assertEquals("cpu", r.backend());
        assertTrue(r.device().startsWith("CPU"), r.device());
        assertEquals(SolverConfig.cfrPlus(), r.config());
        assertTrue(r.header().contains("updates alternating") && r.header().contains("linear (w_t = t)"),
                r.header());
        assertEquals(64, r.iterations());
        assertEquals(64, progress.size());
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), checkpoints);
        assertEquals(7 * 2, r.checkpoints().size());
        assertTrue(r.secondsPerIteration() > 0);
        for (CheckpointRecord c : r.checkpoints()) {
            assertNotNull(c.exploitability(), "Kuhn is two-player zero-sum");
            assertEquals(c.nashGap() / 2, c.exploitability(), 0.0);
            assertTrue(c.totalCorrelation() >= 0, "total correlation is a KL divergence");
            // two-player zero-sum: CCEGap(μ) + Σ_i [u_i(μ) − u_i(x̄)] = NashGap(x̄) and Σ_i u_i = 0 for both
            assertEquals(c.nashGap(), c.cceGap(), 1e-9, "zero-sum: CCEGap equals NashGap of the average");
        }
        List<CheckpointRecord> last = r.last();
        assertEquals(2, last.size());
        assertTrue(last.get(0).sameValues(new CheckpointRecord(64, 0, last.get(1).nashGap(),
                last.get(1).deviationIncentives(), last.get(1).expectedValues(), last.get(1).exploitability(),
                last.get(1).nashGapLastIterate(), last.get(1).cceGap(), last.get(1).totalCorrelation())),
                "identical instances give identical records");
        assertTrue(last.get(0).nashGap() < r.checkpoints().get(0).nashGap() / 10, "CFR+ converges on Kuhn");
        double[][] behaviour = result.averageBehaviour()[0];
        assertEquals(1.0, behaviour[0][0]);
        assertEquals(2, result.averageBehaviour().length);
    }

    @Test
    void generalSumRunsReportNoExploitabilityAndTrackingCanBeOff() {
        CompiledGame g = GameCompiler.compile(GameCatalog.game("biased_leduc"));
        RunOptions options = RunOptions.of(8).withTrackJointPlay(false);
        SolveResult result = SolveRun.run(new CpuBackend(1), GameBatch.replicate(g.structure(), g.instance(), 1),
                SolverConfig.rm().withPrecision(Precision.FLOAT), options);
        for (CheckpointRecord c : result.record().checkpoints()) {
            assertNull(c.exploitability());
            assertTrue(Double.isNaN(c.cceGap()) && Double.isNaN(c.totalCorrelation()));
            assertTrue(c.nashGap() > 0);
        }
        assertEquals(0.0, result.record().jointPlaySecondsPerIteration());
    }

    /**
     * With a state interval the state file is also written between the checkpoints: with an interval of zero after
     * every iteration, so while iteration t + 1 runs the file holds iteration t; without one only at the checkpoints.
     */
    @Test
    void theStateIntervalSavesBetweenCheckpoints() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), savesSeen(Duration.ZERO));
        assertEquals(List.of(0, 0, 2, 2, 2, 2, 2, 2, 2), savesSeen(null));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.of(4).withStateInterval(Duration.ofSeconds(-1)));
    }

    /** The iteration the state file holds when each of 9 iterations ends (checkpoints at 2 and 9). */
    private List<Integer> savesSeen(Duration interval) {
        Path state = dir.resolve("interval-" + interval + ".state");
        List<Integer> seen = new ArrayList<>();
        ProgressListener probe = new ProgressListener() {
            @Override
            public void onIteration(int completed, int total) {
                // called after iteration `completed`, before its save: the file holds the previous save
                seen.add(Files.exists(state) ? SolverStateFile.read(state).iteration() : 0);
            }
        };
        RunOptions options = RunOptions.of(9).withCheckpoints(CheckpointSchedule.of(new int[] {2, 9}))
                .withStateFile(state, false).withStateInterval(interval).withProgress(probe);
        SolveRun.run(new CpuBackend(1), kuhn(1), SolverConfig.cfrPlus(), options);
        assertEquals(9, SolverStateFile.read(state).iteration());
        return seen;
    }

    /**
     * A run that crashes between two checkpoints (an exception thrown during iteration 38 here) resumes from its
     * last interval save (iteration 37, not the checkpoint 32) and ends equal to an uninterrupted run, bit for bit.
     */
    @Test
    void aCrashBetweenCheckpointsLosesOnlyTheWorkSinceTheLastSave() {
        GameBatch batch = kuhn(2);
        SolverConfig config = SolverConfig.dcfr(1.5, 0, 2);
        RunOptions options = RunOptions.of(64);
        SolveResult once = SolveRun.run(new CpuBackend(1), batch, config, options);
        Path state = dir.resolve("crash.state");
        ProgressListener crash = new ProgressListener() {
            @Override
            public void onIteration(int completed, int total) {
                if (completed == 38) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        RunOptions saving = options.withStateFile(state, true).withStateInterval(Duration.ZERO);
        assertThrows(IllegalStateException.class, () -> SolveRun.run(new CpuBackend(1), batch, config,
                saving.withProgress(crash)));
        assertEquals(37, SolverStateFile.read(state).iteration());
        SolveResult resumed = SolveRun.run(new CpuBackend(1), batch, config, saving);
        assertEquals(37, resumed.record().resumedFrom());
        assertEquals(once.record().checkpoints().size(), resumed.record().checkpoints().size());
        for (int k = 0; k < once.record().checkpoints().size(); k++) {
            assertTrue(once.record().checkpoints().get(k).sameValues(resumed.record().checkpoints().get(k)),
                    "checkpoint " + once.record().checkpoints().get(k).iteration());
        }
    }

    /**
     * A stop request (Ctrl-C) between checkpoints ends the run after the iteration in progress with that iteration
     * saved, although the state interval is far away; resuming gives the uninterrupted run's records bit for bit.
     */
    @Test
    void aStopRequestSavesTheIterationInProgressAndResumes() {
        GameBatch batch = kuhn(2);
        SolverConfig config = SolverConfig.pcfrPlus();
        RunOptions options = RunOptions.of(64);
        SolveResult once = SolveRun.run(new CpuBackend(1), batch, config, options);
        assertFalse(once.stopped());

        Path state = dir.resolve("stop.state");
        int[] seen = {0};
        RunOptions stopping = options.withStateFile(state, true).withStateInterval(Duration.ofHours(1))
                .withProgress(new ProgressListener() {
                    @Override
                    public void onIteration(int completed, int total) {
                        seen[0] = completed;
                    }
                }).withStop(() -> seen[0] >= 37);
        SolveResult stopped = SolveRun.run(new CpuBackend(1), batch, config, stopping);
        assertTrue(stopped.stopped());
        assertEquals(37, stopped.record().iterations());
        List<Integer> reached = stopped.record().checkpoints().stream().map(CheckpointRecord::iteration).distinct()
                .toList();
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 37), reached, "the checkpoints reached, then the stop iteration's");
        assertEquals(37, SolverStateFile.read(state).iteration(), "the stop saves the iteration in progress");
        assertEquals(12, SolverStateFile.read(state).records().size(),
                "the state keeps the scheduled checkpoints only (6 iterations x 2 instances)");
        SolveResult straight37 = SolveRun.run(new CpuBackend(1), batch, config,
                RunOptions.of(37).withCheckpoints(CheckpointSchedule.of(37)));
        for (int b = 0; b < 2; b++) {
            assertTrue(straight37.record().checkpoints().get(b).sameValues(
                    stopped.record().checkpoints().get(stopped.record().checkpoints().size() - 2 + b)),
                    "the stop iteration's metrics equal a run of 37 iterations");
        }

        SolveResult resumed = SolveRun.run(new CpuBackend(1), batch, config, options.withStateFile(state, true));
        assertFalse(resumed.stopped());
        assertEquals(37, resumed.record().resumedFrom());
        assertEquals(once.record().checkpoints().size(), resumed.record().checkpoints().size());
        for (int k = 0; k < once.record().checkpoints().size(); k++) {
            assertTrue(once.record().checkpoints().get(k).sameValues(resumed.record().checkpoints().get(k)),
                    "checkpoint " + once.record().checkpoints().get(k).iteration());
        }
        // a request that is already set when the last iteration ends does not mark a finished run as stopped
        SolveResult late = SolveRun.run(new CpuBackend(1), batch, config, RunOptions.of(4).withStop(() -> true));
        assertTrue(late.stopped());
        assertEquals(1, late.record().iterations());
        SolveResult done = SolveRun.run(new CpuBackend(1), batch, config, RunOptions.of(1).withStop(() -> true));
        assertFalse(done.stopped());
        assertEquals(1, done.record().iterations());
    }

    /** A run of T in one go equals a run stopped at T/2 (its state file written) and resumed, bit for bit. */
    @Test
    void interruptedAndResumedRunEqualsTheUninterruptedRun() throws IOException {
        GameBatch batch = kuhn(3);
        SolverConfig config = SolverConfig.pcfrPlus().withPrecision(Precision.FLOAT);
        CheckpointSchedule schedule = CheckpointSchedule.of(10, 25, 50, 75, 100);
        RunOptions full = RunOptions.of(100).withCheckpoints(schedule);
        SolveResult once = SolveRun.run(new CpuBackend(2, 8), batch, config, full);

        Path state = dir.resolve("kuhn.state");
        SolveRun.run(new CpuBackend(1), batch, config, full.withStateFile(state, true).withIterations(50));
        assertEquals(50, SolverStateFile.read(state).iteration());
        // a process killed while writing the next checkpoint leaves a partial temporary file behind
        byte[] good = Files.readAllBytes(state);
        Files.write(SolverStateFile.temporaryFile(state), java.util.Arrays.copyOf(good, good.length / 3));

        SolveResult resumed = SolveRun.run(new CpuBackend(2, 8), batch, config, full.withStateFile(state, true));
        assertEquals(50, resumed.record().resumedFrom());
        assertEquals(100, resumed.record().iterations());
        assertEquals(once.record().checkpoints().size(), resumed.record().checkpoints().size());
        for (int k = 0; k < once.record().checkpoints().size(); k++) {
            CheckpointRecord a = once.record().checkpoints().get(k);
            CheckpointRecord b = resumed.record().checkpoints().get(k);
            assertTrue(a.sameValues(b), "checkpoint record " + k + ": " + a + " vs " + b);
        }
        for (int b = 0; b < 3; b++) {
            for (int p = 0; p < 2; p++) {
                assertArrayEquals(once.averageBehaviour()[b][p], resumed.averageBehaviour()[b][p], 0.0);
            }
        }
        assertEquals(100, SolverStateFile.read(state).iteration());
    }

    @Test
    void resumeRefusesAnotherConfigurationOrGame() {
        Path state = dir.resolve("run.state");
        RunOptions options = RunOptions.of(4).withStateFile(state, true);
        SolveRun.run(new CpuBackend(1), kuhn(1), SolverConfig.cfr(), options);
        IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
                () -> SolveRun.run(new CpuBackend(1), kuhn(1), SolverConfig.cfrPlus(), options.withIterations(8)));
        assertTrue(config.getMessage().contains("cfr+") && config.getMessage().contains(state.toString()),
                config.getMessage());
        IllegalArgumentException game = assertThrows(IllegalArgumentException.class,
                () -> SolveRun.run(new CpuBackend(1), kuhn(2), SolverConfig.cfr(), options.withIterations(8)));
        assertTrue(game.getMessage().contains("B=2"), game.getMessage());
    }

    @Test
    void aCorruptStateFileIsAClearError() throws IOException {
        Path state = dir.resolve("run.state");
        SolveRun.run(new CpuBackend(1), kuhn(1), SolverConfig.cfr(), RunOptions.of(4).withStateFile(state, true));
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolveRun.run(
                new CpuBackend(1), kuhn(1), SolverConfig.cfr(), RunOptions.of(8).withStateFile(state, true)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}

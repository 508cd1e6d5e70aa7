package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.TrainingCheckpointFile;
import dev.nashforge.host.run.SolverStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Ctrl-C and SIGTERM on the real command in a child JVM: the run stops after the unit of work in progress, saves
 * it, says how to continue, exits with 128 + the signal's number, and the saved state continues where it stopped.
 */
class StopSignalsTest {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsSolveWithTheIterationInProgressSavedAndResumable() throws Exception {
        assumeFalse(windows(), "signals are sent with kill(1)");
        Path state = dir.resolve("run.state");
        Path profile = dir.resolve("stopped.json");
        Process p = nash("solve", "leduc_poker", "--algo", "cfr+", "--iterations", "100000000", "--state",
                state.toString(), "--state-interval", "3600", "--backend", "cpu", "--threads", "1", "--progress",
                "never", "--save-profile", profile.toString());
        awaitFile(p, state);
        Thread.sleep(300);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -INT");
        String err = finish(p, 130);
        Matcher m = Pattern.compile("stopped by SIGINT at iteration (\\d+) of 100000000; the state is saved in "
                + Pattern.quote(state.toString()) + ": continue with the same command, --resume "
                + Pattern.quote(state.toString()) + " in place of --state").matcher(err);
        assertTrue(m.find(), err);
        assertTrue(err.contains("nash: SIGINT received: stopping after the current iteration and saving the state"
                + " to " + state), err);
        int stoppedAt = Integer.parseInt(m.group(1));
        assertEquals(stoppedAt, SolverStateFile.read(state).iteration(),
                "the state holds the iteration the run stopped at, not its last checkpoint or timed save");
        assertTrue(err.contains("the average profile after iteration " + stoppedAt + " is saved"), err);
        String out = Files.readString(dir.resolve("stdout.txt"));
        assertTrue(out.contains(System.lineSeparator() + stoppedAt + " "),
                "a table row for the stop iteration: " + out);
        Path straight = dir.resolve("straight.json");
        NashRun.of("solve", "leduc_poker", "--algo", "cfr+", "--iterations", Integer.toString(stoppedAt),
                "--backend", "cpu", "--threads", "1", "--progress", "never", "--checkpoints", "1",
                "--save-profile", straight.toString()).assertSuccess();
        assertEquals(Files.readString(straight), Files.readString(profile),
                "the saved profile is the average after the iteration the run stopped at");

        NashRun resumed = NashRun.of("solve", "leduc_poker", "--algo", "cfr+", "--iterations",
                Integer.toString(stoppedAt + 3), "--resume", state.toString(), "--backend", "cpu", "--threads", "1",
                "--json", "--progress", "never").assertSuccess();
        JsonNode json = new ObjectMapper().readTree(resumed.out());
        assertEquals(stoppedAt, json.get("resumedFrom").asInt());
        assertEquals(stoppedAt + 3, json.get("iterations").asInt());
        assertTrue(json.get("stoppedBy").isNull());
    }

    @Test
    void sigtermStopsTrainingWithTheStepInProgressSaved() throws Exception {
        assumeFalse(windows(), "Process.destroy sends SIGTERM on Unix only");
        Path model = dir.resolve("m.npcfr");
        Path checkpoint = TrainCommand.checkpointOf(model);
        Process p = nash("train", "--distribution", "biased_shapley", "--hidden", "4", "--horizon", "8", "--batch",
                "2", "--steps", "1000000", "--eval-every", "1", "--eval-size", "1", "--threads", "1", "--out",
                model.toString(), "--progress", "never");
        awaitFile(p, checkpoint);
        p.destroy();
        String err = finish(p, 143);
        Matcher m = Pattern.compile("training stopped by SIGTERM after step (\\d+) of 1000000; the checkpoint "
                + Pattern.quote(checkpoint.toString()) + " holds it: continue with the same command plus --resume")
                .matcher(err);
        assertTrue(m.find(), err);
        int step = Integer.parseInt(m.group(1));
        assertEquals(step, TrainingCheckpointFile.read(checkpoint).step());
        assertFalse(Files.exists(model), "no model file from an unfinished training");
        assertTrue(err.contains("to write it from step " + step + " now, add --resume --steps " + step), err);
        NashRun.of("train", "--distribution", "biased_shapley", "--hidden", "4", "--horizon", "8", "--batch", "2",
                "--steps", Integer.toString(step), "--eval-every", "1", "--eval-size", "1", "--threads", "1", "--out",
                model.toString(), "--progress", "never", "--resume").assertSuccess();
        assertEquals(step, ModelFile.read(model).trainedSteps(), "the model written from the checkpoint");
    }

    @Test
    void sigtermStopsCompareWhichPrintsWhatItMeasuredAndKeepsTheState() throws Exception {
        assumeFalse(windows(), "Process.destroy sends SIGTERM on Unix only");
        Path states = dir.resolve("states");
        Path first = states.resolve("cfr+@alternating.state");
        Process p = nash("compare", "kuhn_poker", "--algos", "cfr+,pcfr+,dcfr", "--iterations", "100000000",
                "--instances", "2", "--state", states.toString(), "--backend", "cpu", "--threads", "1", "--json",
                "--progress", "never");
        awaitFile(p, first);
        Thread.sleep(300);
        p.destroy();
        String err = finish(p, 143);
        Matcher m = Pattern.compile("comparison stopped by SIGTERM in cfr\\+@alternating \\(1/3\\) at iteration (\\d+)"
                + " of 100000000; every algorithm run so far is saved in " + Pattern.quote(states.toString())
                + ": run the same command again to continue").matcher(err);
        assertTrue(m.find(), err);
        int stoppedAt = Integer.parseInt(m.group(1));
        assertEquals(stoppedAt, SolverStateFile.read(first).iteration());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("stdout.txt").toFile());
        assertEquals("SIGTERM", json.get("stoppedBy").asText());
        assertEquals(List.of("pcfr+@alternating", "dcfr@alternating"),
                new ObjectMapper().convertValue(json.get("notRun"), List.class));
        assertEquals(1, json.get("algorithms").size());
        JsonNode cfr = json.get("algorithms").get(0);
        assertEquals(stoppedAt, cfr.get("iterationsCompleted").asInt());
        JsonNode checkpoints = cfr.get("checkpoints");
        assertTrue(checkpoints.size() >= 1, "the checkpoints reached: " + checkpoints);
        assertEquals(16, checkpoints.get(0).get("iteration").asInt());
        assertEquals(stoppedAt, checkpoints.get(checkpoints.size() - 1).get("iteration").asInt(),
                "the last checkpoint is the iteration the comparison stopped at");
    }

    @Test
    void theFirstSignalAsksToStopAndNamesWhatHappensNext() {
        StringWriter text = new StringWriter();
        try (StopSignals signals = StopSignals.install(new PrintWriter(text, true),
                "stopping after the current step")) {
            assertFalse(signals.requested());
            signals.raise("TERM");
            assertTrue(signals.requested());
            assertEquals("SIGTERM", signals.signal());
            assertEquals(143, StopSignals.exitCode(signals.signal()));
        }
        assertEquals(System.lineSeparator() + "nash: SIGTERM received: stopping after the current step (send it again"
                + " to quit at once)" + System.lineSeparator(), text.toString());
        assertEquals(130, StopSignals.exitCode("SIGINT"));
        assertEquals(129, StopSignals.exitCode("SIGHUP"));
        assertThrows(IllegalArgumentException.class, () -> StopSignals.exitCode("SIGUSR1"));
    }

    /** Starts {@code nash args...} in a child JVM with this test's class path. */
    private Process nash(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), NashCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /** Waits until {@code file} exists (the run is past its set-up, the handlers installed). */
    private static void awaitFile(Process p, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.exists(file)) {
            assertTrue(p.isAlive(), "the command ended before writing " + file);
            assertTrue(System.nanoTime() < deadline, "no " + file + " after " + TIMEOUT_SECONDS + " s");
            Thread.sleep(50);
        }
    }

    /** Waits for the exit, asserts its code, returns stderr. */
    private String finish(Process p, int expectedCode) throws Exception {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not stop within " + TIMEOUT_SECONDS + " s of the signal");
        }
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(expectedCode, p.exitValue(), "exit code; stderr: " + err);
        return err;
    }

    private static boolean windows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") || File.separatorChar == '\\';
    }
}

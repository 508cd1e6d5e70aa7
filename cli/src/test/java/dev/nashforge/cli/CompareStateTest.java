package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nash compare --state DIR}: one resumable state file per algorithm; a rerun continues an unfinished run
 * (here: a comparison stopped at T/2, as a crash after its save at T/2 leaves it) and reuses a finished one, with
 * every number equal to an uninterrupted comparison; a file of another comparison is refused with the reason.
 */
class CompareStateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static NashRun compare(Path state, String iterations, String instances) {
        return NashRun.of("compare", "biased_shapley", "--algos", "npcfr+,pcfr+", "--iterations", iterations,
                "--instances", instances, "--backend", "cpu", "--threads", "1", "--json", "--progress", "never",
                "--state", state.toString());
    }

    @Test
    void aRerunContinuesUnfinishedRunsAndReusesFinishedOnes() throws IOException {
        Path state = dir.resolve("runs");
        JsonNode fresh = MAPPER.readTree(NashRun.of("compare", "biased_shapley", "--algos", "npcfr+,pcfr+",
                "--iterations", "64", "--instances", "2", "--backend", "cpu", "--threads", "1", "--json",
                "--progress", "never").assertSuccess().out());
        compare(state, "32", "2").assertSuccess();
        assertTrue(Files.isRegularFile(state.resolve("npcfr+@simultaneous.state")), "one file per algorithm");
        assertTrue(Files.isRegularFile(state.resolve("pcfr+@alternating.state")), "one file per algorithm");

        NashRun continued = compare(state, "64", "2");
        assertEquals(0, continued.exitCode(), continued.err());
        assertTrue(continued.err().contains("npcfr+@simultaneous continued from") && continued.err()
                .contains("at iteration 32"), continued.err());
        JsonNode resumed = MAPPER.readTree(continued.out());
        assertSameNumbers(fresh, resumed);
        for (JsonNode a : resumed.get("algorithms")) {
            assertEquals(32, a.get("resumedFrom").asInt());
            assertTrue(a.get("secondsPerIteration").asDouble() > 0, a.toString());
        }

        NashRun again = compare(state, "64", "2");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("(already finished)"), again.err());
        JsonNode reused = MAPPER.readTree(again.out());
        assertSameNumbers(fresh, reused);
        for (JsonNode a : reused.get("algorithms")) {
            assertEquals(64, a.get("resumedFrom").asInt());
            assertTrue(a.get("secondsPerIteration").isNull(), "no iteration ran in this process: " + a);
        }
    }

    @Test
    void theTextSaysSecondsPerIterationOrThatNothingRan() {
        Path state = dir.resolve("runs");
        String[] text = {"compare", "biased_shapley", "--algos", "pcfr+", "--iterations", "16", "--instances", "1",
                "--backend", "cpu", "--threads", "1", "--progress", "never", "--state", state.toString()};
        String first = NashRun.of(text).assertSuccess().out();
        assertTrue(first.matches("(?s).*pcfr\\+@alternating .*, [0-9.e-]+ s per iteration\n.*"), first);
        NashRun rerun = NashRun.of(text);
        assertEquals(0, rerun.exitCode(), rerun.err());
        String again = rerun.out();
        assertTrue(again.contains("no iteration run (all read from the --state file)") && !again.contains(
                "s per iteration"), again);
    }

    @Test
    void aStateFileOfAnotherComparisonIsRefused() {
        Path state = dir.resolve("runs");
        compare(state, "32", "2").assertSuccess();
        // other held-out instances: the batch fingerprint differs, so nothing is mixed silently
        String error = compare(state, "64", "3").assertError(CliErrorHandler.FAILURE);
        assertTrue(error.contains("cannot resume from") && error.contains(".state"), error);
    }

    @Test
    void aStatePathThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "not a directory");
        String error = compare(file, "32", "1").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("--state") && error.contains("plain.txt"), error);
    }

    private static void assertSameNumbers(JsonNode expected, JsonNode actual) {
        JsonNode a = expected.get("algorithms");
        JsonNode b = actual.get("algorithms");
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).get("label"), b.get(k).get("label"));
            assertEquals(a.get(k).get("checkpoints"), b.get(k).get("checkpoints"),
                    "every checkpoint equal to the uninterrupted comparison's, " + a.get(k).get("label"));
        }
    }
}

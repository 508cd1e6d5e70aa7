package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nash solve}: results, text output, profile files, resume and the progress bar. */
class SolveCommandTest {

    @TempDir
    Path dir;

    @Test
    void leducCfrMatchesOpenSpielExploitability() throws IOException {
        // Golden values: exploitability (= NashGap / 2) of OpenSpiel's alternating CFR with uniform averaging on
        // two-player Leduc after T = 2, 4, 8 iterations: 2.061319, 1.659026, 1.044775 (OpenSpiel PR #197; the
        // data files of uoftcprg/gpugt; method.md §8). `--algo cfr` must default to exactly that algorithm.
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "leduc_poker", "--algo", "cfr", "--iterations", "8",
                "--checkpoints", "2,4,8", "--json");
        assertEquals("alternating", run.get("updates").asText());
        assertEquals("uniform (w_t = 1)", run.get("averaging").asText());
        double[] expected = {2.061319, 1.659026, 1.044775};
        for (int k = 0; k < expected.length; k++) {
            JsonNode c = run.get("checkpoints").get(k);
            assertEquals(expected[k], c.get("nashGap").asDouble() / 2, 1e-6, "T = " + c.get("iteration"));
            assertEquals(expected[k], c.get("exploitability").asDouble(), 1e-6);
        }
    }

    @Test
    void textOutputHasTheHeaderAndOneRowPerCheckpoint() {
        String out = NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "8").assertSuccess().out();
        assertTrue(out.contains("game        kuhn_poker(players=2)"), out);
        assertTrue(out.contains("averaging   linear (w_t = t)  (default of cfr+)"), out);
        assertTrue(out.contains("updates     alternating  (default of cfr+)"), out);
        assertTrue(out.contains("backend     cpu  (--backend cpu)"), out);
        assertTrue(out.contains("device      CPU: "), out);
        assertTrue(out.contains("precision   double"), out);
        assertTrue(out.contains("iteration  NashGap"), out);
        for (String t : new String[] {"1", "2", "4", "8"}) {
            assertTrue(out.contains(System.lineSeparator() + t + "  "), "row for T = " + t + ": " + out);
        }
        String batch = NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "4", "--batch", "3",
                "--distribution", "kuhn_poker").assertSuccess().out();
        assertTrue(batch.contains("NashGap median  p90"), batch);
        assertTrue(batch.contains("3 sampled from kuhn_poker(players=2,noise=0.1,chance_noise=0) with seed 0"), batch);
    }

    @Test
    void savedProfileEvaluatesToTheSameNashGap() throws IOException {
        Path file = dir.resolve("kuhn-cfr+.json");
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "1000",
                "--save-profile", file.toString(), "--json");
        assertTrue(Files.isRegularFile(file));
        assertEquals(file.toString(), run.get("savedProfiles").get(0).asText());
        JsonNode last = run.get("checkpoints").get(run.get("checkpoints").size() - 1);
        assertEquals(1000, last.get("iteration").asInt());
        JsonNode eval = JsonContractTest.json("eval", "kuhn_poker", "--profile", file.toString(), "--json");
        // the profile file keeps every double bit for bit, and eval runs the same exact evaluator
        assertEquals(last.get("nashGap").asDouble(), eval.get("nashGap").asDouble(), 0.0);
        assertEquals(last.get("expectedValues").get(0).asDouble(), eval.get("expectedValues").get(0).asDouble(), 0.0);
        // CFR+ on Kuhn after 1000 iterations is close to an equilibrium, whose value for player 0 is -1/18
        assertTrue(last.get("nashGap").asDouble() < 1e-2, last.toString());
        assertEquals(-1.0 / 18, eval.get("expectedValues").get(0).asDouble(), 1e-2);
    }

    @Test
    void batchSavesOneProfilePerInstance() throws IOException {
        Path file = dir.resolve("avg.json");
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "10",
                "--batch", "3", "--distribution", "kuhn_poker(noise=0.3)", "--save-profile", file.toString(), "--json");
        assertEquals(3, run.get("savedProfiles").size());
        for (int b = 0; b < 3; b++) {
            Path p = dir.resolve("avg-" + b + ".json");
            assertEquals(p.toString(), run.get("savedProfiles").get(b).asText());
            NashRun.of("eval", "kuhn_poker", "--profile", p.toString()).assertSuccess();
        }
        assertFalse(Files.exists(file), "with B > 1 only the numbered files are written");
    }

    @Test
    void resumedRunEqualsTheUninterruptedRun() throws IOException {
        Path state = dir.resolve("run.state");
        JsonNode whole = JsonContractTest.json("solve", "--backend", "cpu", "leduc_poker", "--algo", "pcfr+", "--iterations", "64",
                "--json");
        JsonNode first = JsonContractTest.json("solve", "--backend", "cpu", "leduc_poker", "--algo", "pcfr+", "--iterations", "16",
                "--state", state.toString(), "--json");
        assertEquals(state.toString(), first.get("stateFile").asText());
        assertTrue(Files.isRegularFile(state));
        JsonNode resumed = JsonContractTest.json("solve", "--backend", "cpu", "leduc_poker", "--algo", "pcfr+", "--iterations", "64",
                "--resume", state.toString(), "--json");
        assertEquals(16, resumed.get("resumedFrom").asInt());
        assertEquals(64, resumed.get("iterations").asInt());
        // every metric of every checkpoint, bit for bit (JSON numbers are written in round-trip form)
        assertEquals(whole.get("checkpoints"), resumed.get("checkpoints"));
    }

    @Test
    void theStateIntervalIsSecondsFromZero() {
        Path state = dir.resolve("interval.state");
        NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "20", "--state",
                state.toString(), "--state-interval", "0").assertSuccess();
        assertTrue(Files.isRegularFile(state));
        String error = NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "20",
                "--state", state.toString(), "--state-interval", "-1").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("--state-interval"), error);
    }

    @Test
    void progressBarGoesToStderrOnlyAndStdoutStaysJson() throws IOException {
        NashRun run = NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "200", "--progress",
                "always", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("\rsolve cfr+ kuhn_poker(players=2)  ["), run.err());
        assertTrue(run.err().contains("200/200  100%"), run.err());
        assertFalse(run.out().contains("\r") || run.out().contains("#"), run.out());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(200, json.get("iterations").asInt());
        // a short run in the default mode (auto) prints no bar at all
        NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "200", "--json").assertSuccess();
    }
}

package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON keys of {@code solve --json} are a stable contract (README.md), in single and batch form. */
class SolveJsonContractTest {

    static final List<String> RUN_KEYS = List.of("game", "algorithm", "regretUpdate", "prediction", "model", "averaging",
            "averagingDefaulted", "updates", "updatesDefaulted", "config", "backend", "backendSelection", "device",
            "precision", "batch", "instances", "distribution", "seed", "iterations", "iterationsRequested", "stoppedBy",
            "resumedFrom",
            "secondsPerIteration", "instanceIterationsPerSecond", "jointPlaySecondsPerIteration", "stateFile",
            "savedProfiles", "plot", "checkpoints");
    static final List<String> CHECKPOINT_KEYS = List.of("iteration", "nashGap", "nashGapLastIterate", "cceGap",
            "totalCorrelation", "deviationIncentives", "expectedValues");

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    static List<Integer> iterations(JsonNode run) {
        List<Integer> t = new ArrayList<>();
        run.get("checkpoints").forEach(c -> t.add(c.get("iteration").asInt()));
        return t;
    }

    @Test
    void singleFormHasTheRunKeysAndNumericMetrics() throws IOException {
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "16", "--json");
        assertEquals(RUN_KEYS, keys(run));
        assertEquals("kuhn_poker(players=2)", run.get("game").asText());
        assertEquals("cfr+", run.get("algorithm").asText());
        assertEquals("alternating", run.get("updates").asText());
        assertTrue(run.get("updatesDefaulted").asBoolean());
        assertEquals("linear (w_t = t)", run.get("averaging").asText());
        assertTrue(run.get("averagingDefaulted").asBoolean());
        assertEquals("cpu", run.get("backend").asText());
        assertTrue(run.get("device").asText().startsWith("CPU: "), run.get("device").asText());
        assertEquals("double", run.get("precision").asText());
        assertEquals(1, run.get("batch").asInt());
        assertEquals("single", run.get("instances").asText());
        assertTrue(run.get("distribution").isNull() && run.get("seed").isNull());
        assertEquals(16, run.get("iterations").asInt());
        assertEquals(16, run.get("iterationsRequested").asInt());
        assertTrue(run.get("stoppedBy").isNull(), "a completed run");
        assertTrue(run.get("secondsPerIteration").asDouble() > 0);
        assertEquals(List.of(1, 2, 4, 8, 16), iterations(run), "--checkpoints defaults to pow2");
        for (JsonNode c : run.get("checkpoints")) {
            assertTrue(keys(c).containsAll(CHECKPOINT_KEYS), keys(c).toString());
            assertTrue(c.get("nashGap").isNumber() && c.get("cceGap").isNumber()
                    && c.get("totalCorrelation").isNumber() && c.get("nashGapLastIterate").isNumber(), c.toString());
            assertEquals(2, c.get("deviationIncentives").size());
            assertEquals(2, c.get("expectedValues").size());
            // NashGap is the sum of the deviation incentives (method.md §4)
            assertEquals(c.get("nashGap").asDouble(), c.get("deviationIncentives").get(0).asDouble()
                    + c.get("deviationIncentives").get(1).asDouble(), 1e-12);
            // two-player zero-sum: exploitability = NashGap / 2
            assertEquals(c.get("nashGap").asDouble() / 2, c.get("exploitability").asDouble(), 1e-15);
        }
    }

    @Test
    void autoUsesTheBackendThatBackendsNamesAndSaysWhy() throws IOException {
        JsonNode listing = JsonContractTest.json("backends", "--json");
        JsonNode run = JsonContractTest.json("solve", "kuhn_poker", "--algo", "cfr+", "--iterations", "2", "--json");
        assertEquals(listing.get("auto").get("backend").asText(), run.get("backend").asText());
        assertEquals(listing.get("auto").get("explanation").asText(), run.get("backendSelection").asText());
        // the test backend registered in src/test/resources has the highest priority and is never available
        assertTrue(run.get("backendSelection").asText().contains(UnavailableTestBackend.NAME + " unavailable ("
                + UnavailableTestBackend.REASON + ")"), run.get("backendSelection").asText());
        String text = NashRun.of("solve", "kuhn_poker", "--algo", "cfr+", "--iterations", "2").assertSuccess().out();
        assertTrue(text.contains("backend     " + run.get("backend").asText() + "  (--backend auto; passed over "
                + UnavailableTestBackend.NAME + " (unavailable)"), text);
    }

    @Test
    void batchFormTurnsEveryMetricIntoStatistics() throws IOException {
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "8", "--batch",
                "5", "--distribution", "kuhn_poker(noise=0.2)", "--seed", "7", "--checkpoints", "2,8", "--json");
        assertEquals(RUN_KEYS, keys(run));
        assertEquals(5, run.get("batch").asInt());
        assertEquals("sampled", run.get("instances").asText());
        assertEquals("kuhn_poker(players=2,noise=0.2,chance_noise=0)", run.get("distribution").asText());
        assertEquals(7, run.get("seed").asLong());
        assertEquals(List.of(2, 8), iterations(run));
        for (JsonNode c : run.get("checkpoints")) {
            assertEquals(CHECKPOINT_KEYS, keys(c));
            for (String metric : List.of("nashGap", "nashGapLastIterate", "cceGap", "totalCorrelation")) {
                JsonNode s = c.get(metric);
                assertEquals(List.of("values", "median", "p10", "p90", "max", "fractionBelow1e-3",
                        "fractionBelow1e-5"), keys(s), metric);
                checkStatistics(s, 5);
            }
            assertEquals(2, c.get("deviationIncentives").size());
            checkStatistics(c.get("deviationIncentives").get(1), 5);
            JsonNode ev = c.get("expectedValues").get(0);
            assertEquals(List.of("values", "median", "p10", "p90", "max"), keys(ev),
                    "expected values have no fractions below thresholds");
        }
        // the sampled instances differ (payoff noise 0.2): their NashGaps at T = 8 are not all equal
        JsonNode gaps = run.get("checkpoints").get(1).get("nashGap").get("values");
        assertTrue(gaps.get(0).asDouble() != gaps.get(1).asDouble(), gaps.toString());
    }

    /** Median, percentiles and max of B values, recomputed from the values array (linear interpolation). */
    private static void checkStatistics(JsonNode s, int b) {
        double[] v = new double[b];
        assertEquals(b, s.get("values").size());
        for (int k = 0; k < b; k++) {
            v[k] = s.get("values").get(k).asDouble();
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        // B = 5: median = sorted[2]; p90 at h = 4 * 0.9 = 3.6; p10 at h = 0.4
        assertEquals(sorted[2], s.get("median").asDouble(), 0.0);
        assertEquals(sorted[3] + 0.6 * (sorted[4] - sorted[3]), s.get("p90").asDouble(), 1e-15);
        assertEquals(sorted[0] + 0.4 * (sorted[1] - sorted[0]), s.get("p10").asDouble(), 1e-15);
        assertEquals(sorted[4], s.get("max").asDouble(), 0.0);
        if (s.has("fractionBelow1e-3")) {
            long below = Arrays.stream(v).filter(x -> x < 1e-3).count();
            assertEquals(below / (double) b, s.get("fractionBelow1e-3").asDouble(), 0.0);
            assertTrue(s.get("fractionBelow1e-5").asDouble() <= s.get("fractionBelow1e-3").asDouble());
        }
    }

    @Test
    void batchWithoutDistributionReplicatesTheGame() throws IOException {
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr", "--iterations", "4", "--batch",
                "3", "--json");
        assertEquals("replicated", run.get("instances").asText());
        assertTrue(run.get("distribution").isNull());
        JsonNode gaps = run.get("checkpoints").get(2).get("nashGap");
        // identical copies give identical results: every statistic equals the common value
        double first = gaps.get("values").get(0).asDouble();
        for (JsonNode v : gaps.get("values")) {
            assertEquals(first, v.asDouble(), 0.0);
        }
        assertEquals(first, gaps.get("median").asDouble(), 0.0);
        assertEquals(first, gaps.get("max").asDouble(), 0.0);
    }

    @Test
    void checkpointListIsSortedDeduplicatedAndEndsAtT() throws IOException {
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "50",
                "--checkpoints", "10,3,10,25", "--json");
        assertEquals(List.of(3, 10, 25, 50), iterations(run));
        JsonNode pow2 = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "20",
                "--checkpoints", "pow2", "--json");
        assertEquals(List.of(1, 2, 4, 8, 16, 20), iterations(pow2));
    }

    @Test
    void givenSettingsAreMarkedAsNotDefaulted() throws IOException {
        JsonNode run = JsonContractTest.json("solve", "--backend", "cpu", "kuhn_poker", "--algo", "dcfr", "--gamma", "3", "--updates",
                "simultaneous", "--precision", "float", "--iterations", "4", "--json");
        assertEquals("dcfr", run.get("algorithm").asText());
        assertEquals("polynomial (w_t = t^3.0)", run.get("averaging").asText());
        assertFalse(run.get("averagingDefaulted").asBoolean());
        assertEquals("simultaneous", run.get("updates").asText());
        assertFalse(run.get("updatesDefaulted").asBoolean());
        assertEquals("float", run.get("precision").asText());
        assertTrue(run.get("regretUpdate").asText().contains("t^1.5"), run.get("regretUpdate").asText());

        JsonNode rm = JsonContractTest.json("solve", "--backend", "cpu", "shapley", "--algo", "rm+", "--iterations", "4", "--json");
        assertEquals("simultaneous", rm.get("updates").asText(), "rm+ defaults to simultaneous updates");
        assertTrue(rm.get("updatesDefaulted").asBoolean());
    }
}

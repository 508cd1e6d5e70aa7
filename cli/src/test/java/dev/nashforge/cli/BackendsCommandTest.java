package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nash backends}: the discovered backends with availability and reasons, and what auto picks. */
class BackendsCommandTest {

    private static JsonNode backend(JsonNode listing, String name) {
        for (JsonNode b : listing.get("backends")) {
            if (b.get("name").asText().equals(name)) {
                return b;
            }
        }
        return null;
    }

    @Test
    void jsonListsEveryBackendAndTheAutoChoice() throws IOException {
        JsonNode listing = JsonContractTest.json("backends", "--json");
        assertEquals(List.of("backends", "auto"), SolveJsonContractTest.keys(listing));
        for (JsonNode b : listing.get("backends")) {
            assertEquals(List.of("name", "priority", "available", "device", "reason", "autoEligible",
                            "autoPassReason", "precisions"),
                    SolveJsonContractTest.keys(b));
        }
        JsonNode cpu = backend(listing, "cpu");
        assertNotNull(cpu, listing.toString());
        assertTrue(cpu.get("available").asBoolean());
        assertTrue(cpu.get("device").asText().startsWith("CPU: "), cpu.toString());
        assertEquals("", cpu.get("reason").asText());
        assertEquals("[\"double\",\"float\"]", cpu.get("precisions").toString());
        JsonNode unavailable = backend(listing, UnavailableTestBackend.NAME);
        assertNotNull(unavailable);
        assertFalse(unavailable.get("available").asBoolean());
        assertEquals(UnavailableTestBackend.REASON, unavailable.get("reason").asText());
        // the highest priority is listed first; auto passes over the unavailable one and says why
        assertEquals(UnavailableTestBackend.NAME, listing.get("backends").get(0).get("name").asText());
        String first = null;
        for (JsonNode b : listing.get("backends")) {
            if (b.get("autoEligible").asBoolean()) {
                assertTrue(b.get("available").asBoolean(), b.toString());
                first = b.get("name").asText();
                break;
            }
        }
        assertEquals(first, listing.get("auto").get("backend").asText(), "auto picks the first backend eligible for it");
        String why = listing.get("auto").get("explanation").asText();
        assertTrue(why.contains(UnavailableTestBackend.NAME + " unavailable (" + UnavailableTestBackend.REASON + ")")
                && why.contains("using " + first), why);
    }

    @Test
    void textListsTheReasonAndTheAutoChoice() {
        String out = NashRun.of("backends").assertSuccess().out();
        assertTrue(out.startsWith("backend "), out);
        assertTrue(out.contains(UnavailableTestBackend.REASON), out);
        assertTrue(out.contains("--backend auto: "), out);
    }
}

package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON keys of {@code info --json} and {@code eval --json} are a stable contract (README.md). */
class JsonContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String... args) throws IOException {
        return MAPPER.readTree(NashRun.of(args).assertSuccess().out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void infoJsonHasExactlyTheStructureKeys() throws IOException {
        JsonNode info = json("info", "kuhn_poker", "--json");
        assertEquals(List.of("game", "players", "infosets", "sequences", "terminals", "utilityKind", "payoffRange"),
                keys(info));
        // Kuhn poker (OpenSpiel rules): 6 infosets per player (3 cards x 2 histories) with 2 actions each,
        // 6 deals x 5 betting sequences = 30 terminals, payoffs ante 1 + bet 1 = +-2 at most, zero-sum.
        assertEquals("kuhn_poker(players=2)", info.get("game").asText());
        assertEquals(2, info.get("players").asInt());
        assertEquals("[6,6]", info.get("infosets").toString());
        assertEquals("[12,12]", info.get("sequences").toString(), "sequences exclude the empty sequence");
        assertEquals(30, info.get("terminals").asInt());
        assertEquals("zero-sum", info.get("utilityKind").asText());
        assertEquals("[-2.0,2.0]", info.get("payoffRange").toString());
    }

    @Test
    void infoJsonWithInfosetsListsEveryKeyWithItsActions() throws IOException {
        JsonNode info = json("info", "kuhn_poker", "--json", "--infosets");
        // OpenSpiel's Kuhn keys: card then history; player 0 acts at "" and "pb", player 1 at "p" and "b"
        JsonNode p0 = info.get("infosetActions").get(0);
        JsonNode p1 = info.get("infosetActions").get(1);
        assertEquals(6, p0.size());
        assertEquals(6, p1.size());
        assertTrue(p0.has("0pb") && !p1.has("0pb"), info.toString());
        assertEquals(2, p1.get("0b").size());
    }

    @Test
    void evalJsonHasTheContractKeysWithNullExploitabilityWhereUndefined() throws IOException {
        JsonNode two = json("eval", "kuhn_poker", "--profile", "uniform", "--json");
        assertTrue(keys(two).containsAll(List.of("game", "players", "profile", "nashGap", "deviationIncentives",
                "expectedValues", "exploitability", "utilityKind", "infosets", "sequences", "terminals")), keys(two)
                .toString());
        assertEquals("uniform", two.get("profile").asText());
        assertEquals(2, two.get("deviationIncentives").size());
        assertEquals(2, two.get("expectedValues").size());
        assertTrue(two.get("exploitability").isNumber());

        JsonNode three = json("eval", "kuhn_poker(players=3)", "--json");
        assertTrue(three.has("exploitability") && three.get("exploitability").isNull(), three.toString());
        assertEquals(3, three.get("deviationIncentives").size());
    }

    @Test
    void jsonNumbersHaveFullDoublePrecision() {
        String out = NashRun.of("eval", "kuhn_poker", "--json").assertSuccess().out();
        // 11/12 printed with Java's shortest round-trip representation
        assertTrue(out.contains("\"nashGap\" : " + (11.0 / 12)), out);
    }
}

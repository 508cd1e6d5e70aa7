package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nashforge.games.catalog.CatalogEntry;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.catalog.ParameterSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GamesCommandTest {

    @Test
    void textListsEveryFamilyWithItsParametersAndDefaults() {
        String out = NashRun.of("games").assertSuccess().out();
        for (CatalogEntry e : GameCatalog.entries()) {
            assertTrue(out.contains(e.name() + " (" + e.kind().label() + ")"), e.name() + "\n" + out);
            assertTrue(out.contains(e.defaultSpec()), e.defaultSpec());
            for (ParameterSpec p : e.parameters()) {
                assertTrue(out.contains(p.meaning()), p.name());
            }
        }
    }

    @Test
    void jsonHasOneEntryPerFamilyWithParametersAndDistributionParameters() throws IOException {
        JsonNode games = JsonContractTest.json("games", "--json").get("games");
        assertEquals(GameCatalog.entries().size(), games.size());
        for (int k = 0; k < games.size(); k++) {
            CatalogEntry e = GameCatalog.entries().get(k);
            JsonNode g = games.get(k);
            assertEquals(e.name(), g.get("name").asText());
            assertEquals(e.kind().label(), g.get("kind").asText());
            assertEquals(e.defaultSpec(), g.get("defaultSpec").asText());
            assertEquals(e.parameters().size(), g.get("parameters").size());
            assertEquals(e.distributionParameters().size(), g.get("distributionParameters").size());
            for (int q = 0; q < e.parameters().size(); q++) {
                ParameterSpec p = e.parameters().get(q);
                JsonNode j = g.get("parameters").get(q);
                assertEquals(p.name(), j.get("name").asText());
                assertEquals(((Number) p.defaultValue()).doubleValue(), j.get("default").asDouble(), 0.0);
            }
        }
        // the two-player Kuhn default, as documented in README.md
        boolean kuhn = false;
        for (JsonNode g : games) {
            kuhn |= g.get("defaultSpec").asText().equals("kuhn_poker(players=2)");
        }
        assertTrue(kuhn, games.toString());
    }
}

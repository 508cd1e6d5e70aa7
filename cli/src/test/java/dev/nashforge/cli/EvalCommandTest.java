package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.io.ProfileFile;
import dev.nashforge.host.metrics.ExactEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void kuhnUniformNashGapIsElevenTwelfths() throws IOException {
        // Golden value: NashConv of the uniform profile of two-player Kuhn poker is 11/12 (OpenSpiel's
        // exploitability tests; method.md §8). Exploitability = NashGap / 2 in a two-player zero-sum game.
        JsonNode r = JsonContractTest.json("eval", "kuhn_poker", "--profile", "uniform", "--json");
        assertEquals(11.0 / 12, r.get("nashGap").asDouble(), 1e-12);
        assertEquals(11.0 / 24, r.get("exploitability").asDouble(), 1e-12);
        double sum = r.get("deviationIncentives").get(0).asDouble() + r.get("deviationIncentives").get(1).asDouble();
        assertEquals(r.get("nashGap").asDouble(), sum, 1e-12);
    }

    @Test
    void leducUniformNashGap() throws IOException {
        // Golden value: NashConv of the uniform profile of two-player Leduc poker, 4.747222222222222
        // (OpenSpiel's tests; method.md §8).
        JsonNode r = JsonContractTest.json("eval", "leduc_poker", "--json");
        assertEquals(4.747222222222222, r.get("nashGap").asDouble(), 1e-12);
        assertEquals(936, r.get("infosets").get(0).asInt() + r.get("infosets").get(1).asInt());
    }

    /**
     * The Kuhn equilibrium with alpha = 0 (Kuhn 1950; see the Wikipedia article "Kuhn poker"): player 0 always
     * checks, then calls a bet with Q with probability 1/3 and with K always; player 1 facing a check bets with
     * K always and bluffs with J with probability 1/3, and facing a bet calls with Q with probability 1/3 and
     * with K always. Actions are [pass, bet] (OpenSpiel), keys are card (0=J, 1=Q, 2=K) followed by the history.
     */
    private static String kuhnEquilibrium() {
        String third = Double.toString(1.0 / 3);
        String twoThirds = Double.toString(2.0 / 3);
        String mixed = "[" + twoThirds + ", " + third + "]";
        return "{\"format\":\"nashforge-profile\",\"version\":1,\"game\":\"kuhn_poker(players=2)\",\"players\":[\n"
                + " {\"0\":[1,0],\"1\":[1,0],\"2\":[1,0],\"0pb\":[1,0],\"1pb\":" + mixed + ",\"2pb\":[0,1]},\n"
                + " {\"0p\":" + mixed + ",\"1p\":[1,0],\"2p\":[0,1],\"0b\":[1,0],\"1b\":" + mixed + ",\"2b\":[0,1]}\n"
                + "]}\n";
    }

    @Test
    void kuhnEquilibriumFromAFileHasNashGapZeroAndTheGameValue() throws IOException {
        Path file = dir.resolve("kuhn-equilibrium.json");
        Files.writeString(file, kuhnEquilibrium());
        JsonNode r = JsonContractTest.json("eval", "kuhn_poker", "--profile", file.toString(), "--json");
        assertEquals(0.0, r.get("nashGap").asDouble(), 1e-12);
        // Game value of Kuhn poker for player 0: -1/18 (method.md §8).
        assertEquals(-1.0 / 18, r.get("expectedValues").get(0).asDouble(), 1e-12);
        assertEquals(1.0 / 18, r.get("expectedValues").get(1).asDouble(), 1e-12);
        assertEquals(file.toString(), r.get("profile").asText());
    }

    @Test
    void shippedKuhnEquilibriumExampleOfTheReadmeHasNashGapZero() throws IOException {
        // cli/examples/kuhn-equilibrium.json is the profile-format example of README.md (tests run in cli/)
        Path example = Path.of("examples", "kuhn-equilibrium.json");
        assertTrue(Files.isRegularFile(example), example.toAbsolutePath().toString());
        JsonNode r = JsonContractTest.json("eval", "kuhn_poker", "--profile", example.toString(), "--json");
        assertEquals(0.0, r.get("nashGap").asDouble(), 1e-12);
        assertEquals(-1.0 / 18, r.get("expectedValues").get(0).asDouble(), 1e-12);
    }

    @Test
    void profileWrittenThenReadGivesTheSameBehaviourAndTheSameNashGap() throws IOException {
        GameStructure s = GameCompiler.compile(GameCatalog.game("leduc_poker")).structure();
        double[][] behaviour = new ExactEvaluator(s).uniformBehaviour();
        // make it less regular: every infoset's first action gets weight 1/7 more, renormalized
        for (int i = 0; i < s.numPlayers(); i++) {
            Treeplex t = s.treeplex(i);
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int first = t.firstSequence()[infoset];
                int n = t.numActions()[infoset];
                double total = 1 + 1.0 / 7;
                for (int a = 0; a < n; a++) {
                    behaviour[i][first + a] = (1.0 / n + (a == 0 ? 1.0 / 7 : 0)) / total;
                }
            }
        }
        Path file = dir.resolve("leduc.json");
        ProfileFile.write(file, s, behaviour);
        double[][] again = ProfileFile.read(file, s);
        for (int i = 0; i < behaviour.length; i++) {
            assertArrayEquals(behaviour[i], again[i], 0.0);
        }
        JsonNode r = JsonContractTest.json("eval", "leduc_poker", "--profile", file.toString(), "--json");
        JsonNode uniform = JsonContractTest.json("eval", "leduc_poker", "--json");
        assertTrue(r.get("nashGap").asDouble() > 0);
        assertTrue(Math.abs(r.get("nashGap").asDouble() - uniform.get("nashGap").asDouble()) > 1e-6,
                "the written profile is not the uniform one");
    }

    @Test
    void firstProfileOfKuhnHasNashGapTwo() throws IOException {
        // Hand-computed: under "first" every infoset plays pass (action 0). Every game ends "pp" with a showdown
        // of the antes, so both expected values are 0 (deals are symmetric). Player 0 deviating to "bet" always
        // wins the ante (player 1 passes = folds): best response 1, incentive 1. Player 1 deviating to "bet"
        // after a pass always wins the ante (player 0 folds after "pb"): incentive 1. NashGap = 2.
        JsonNode r = JsonContractTest.json("eval", "kuhn_poker", "--profile", "first", "--json");
        assertEquals(0.0, r.get("expectedValues").get(0).asDouble(), 1e-12);
        assertEquals(0.0, r.get("expectedValues").get(1).asDouble(), 1e-12);
        assertEquals(1.0, r.get("deviationIncentives").get(0).asDouble(), 1e-12);
        assertEquals(1.0, r.get("deviationIncentives").get(1).asDouble(), 1e-12);
        assertEquals(2.0, r.get("nashGap").asDouble(), 1e-12);
    }

    @Test
    void textOutputIsAligned() {
        String out = NashRun.of("eval", "kuhn_poker").assertSuccess().out();
        assertTrue(out.contains("NashGap         0.9166666667"), out);
        assertTrue(out.contains("exploitability  0.4583333333  (= NashGap/2, two-player zero-sum only)"), out);
    }
}

package dev.nashforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad profile files given to {@code nash eval --profile FILE}: one line on stderr, exit code 1, no trace. */
class ProfileErrorsTest {

    @TempDir
    Path dir;

    /** A Kuhn profile (OpenSpiel infoset keys), with the lines numbered as in the comments. */
    private static String kuhn(String game, String p1Line) {
        return String.join("\n",
                "{\"format\": \"nashforge-profile\", \"version\": 1,",          // 1
                " \"game\": \"" + game + "\",",                                 // 2
                " \"players\": [",                                              // 3
                "  {\"0\": [0.5, 0.5], \"1\": [0.5, 0.5], \"2\": [0.5, 0.5],",  // 4
                "   \"0pb\": [0.5, 0.5], \"1pb\": [0.5, 0.5], \"2pb\": [0.5, 0.5]},", // 5
                "  {\"0p\": [0.5, 0.5], \"1p\": [0.5, 0.5], \"2p\": [0.5, 0.5],", // 6
                "   " + p1Line + "}",                                           // 7
                " ]}");
    }

    private static final String P1_GOOD = "\"0b\": [0.5, 0.5], \"1b\": [0.5, 0.5], \"2b\": [0.5, 0.5]";

    private String evalFile(String content) throws IOException {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, content);
        return NashRun.of("eval", "kuhn_poker", "--profile", file.toString()).assertError(1);
    }

    @Test
    void goodFileIsAccepted() throws IOException {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, kuhn("kuhn_poker(players=2)", P1_GOOD));
        NashRun.of("eval", "kuhn_poker", "--profile", file.toString()).assertSuccess();
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        String m = evalFile(kuhn("kuhn_poker(players=2)", P1_GOOD).replace("\"2p\": [0.5, 0.5],", "\"2p\": [0.5 0.5],"));
        assertTrue(m.contains("profile.json line 6, column") && m.contains("malformed JSON"), m);
    }

    @Test
    void unknownKeyNamesKeyPlayerAndLineAndSuggestsInfo() throws IOException {
        String m = evalFile(kuhn("kuhn_poker(players=2)", P1_GOOD.replace("\"1b\"", "\"1x\"")));
        assertTrue(m.contains("line 7: unknown infoset key '1x' for player 1"), m);
        assertTrue(m.contains("nash info"), m);
    }

    @Test
    void wrongProbabilityCountNamesKeyAndExpectedCount() throws IOException {
        String m = evalFile(kuhn("kuhn_poker(players=2)", P1_GOOD.replace("\"2b\": [0.5, 0.5]", "\"2b\": [1]")));
        assertTrue(m.contains("line 7: infoset '2b' of player 1 has 2 actions"), m);
        assertTrue(m.contains("1 probabilities"), m);
    }

    @Test
    void probabilitiesNotSummingToOneNameTheInfosetAndTheSum() throws IOException {
        String m = evalFile(kuhn("kuhn_poker(players=2)", P1_GOOD.replace("\"0b\": [0.5, 0.5]", "\"0b\": [0.5, 0.6]")));
        assertTrue(m.contains("line 7: infoset '0b' of player 1: probabilities sum to 1.1"), m);
    }

    @Test
    void negativeProbabilityIsNamed() throws IOException {
        String m = evalFile(kuhn("kuhn_poker(players=2)", P1_GOOD.replace("\"0b\": [0.5, 0.5]", "\"0b\": [-0.5, 1.5]")));
        assertTrue(m.contains("infoset '0b' of player 1") && m.contains("negative"), m);
    }

    @Test
    void gameMismatchNamesBothGames() throws IOException {
        String m = evalFile(kuhn("leduc_poker(players=2)", P1_GOOD));
        assertTrue(m.contains("'leduc_poker(players=2)'") && m.contains("'kuhn_poker(players=2)'"), m);
    }

    @Test
    void shortGameNameInTheFileIsCanonicalized() throws IOException {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, kuhn("kuhn_poker", P1_GOOD));
        NashRun.of("eval", "kuhn_poker(players=2)", "--profile", file.toString()).assertSuccess();
    }

    @Test
    void missingInfosetsAreAnErrorNamingCountAndFirstKey() throws IOException {
        String m = evalFile(kuhn("kuhn_poker(players=2)", "\"0b\": [0.5, 0.5]"));
        assertTrue(m.contains("2 infoset(s) of kuhn_poker(players=2) have no probabilities"), m);
        assertTrue(m.contains("of player 1") && m.contains("\"missing\":\"uniform\""), m);
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.json");
        String m = NashRun.of("eval", "kuhn_poker", "--profile", file.toString()).assertError(1);
        assertTrue(m.contains("profile file not found: " + file), m);
    }
}

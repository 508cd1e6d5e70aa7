package dev.nashforge.host.io;

import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFileTest {

    private static final GameStructure TINY = GameCompiler.compile(new TinyGame()).structure();

    /** A profile of TinyGame with every infoset present, line by line (the line numbers matter below). */
    private static String tinyProfile(String p1Line1, String p1Line2) {
        return String.join("\n",
                "{",                                              // 1
                "  \"format\": \"nashforge-profile\",",           // 2
                "  \"version\": 1,",                              // 3
                "  \"game\": \"tiny()\",",                        // 4
                "  \"players\": [",                               // 5
                "    {\"0h\": [0.25, 0.75], \"0t\": [1, 0],",     // 6
                "     \"0h-l0\": [0.5, 0.5], \"0t-l0\": [0, 1]},", // 7
                "    {" + p1Line1 + ",",                          // 8
                "     " + p1Line2 + "}",                          // 9
                "  ]",
                "}");
    }

    private static final String GOOD = tinyProfile("\"1l\": [0.2, 0.3, 0.5]", "\"1r\": [1, 0, 0]");

    private static double[][] read(String text) {
        return ProfileFile.read(new StringReader(text), "p.json", TINY, UnaryOperator.identity());
    }

    private static String error(String text) {
        ProfileFileException e = assertThrows(ProfileFileException.class, () -> read(text));
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        return e.getMessage();
    }

    private static double prob(double[][] behaviour, int player, String key, int action) {
        Treeplex t = TINY.treeplex(player);
        return behaviour[player][t.firstSequence()[t.indexOfKey(key)] + action];
    }

    @Test
    void readsEveryInfosetIntoItsSequences() {
        double[][] b = read(GOOD);
        assertEquals(1.0, b[0][0]);
        assertEquals(1.0, b[1][0]);
        assertEquals(0.75, prob(b, 0, "0h", 1));
        assertEquals(1.0, prob(b, 0, "0t", 0));
        assertEquals(1.0, prob(b, 0, "0t-l0", 1));
        assertEquals(0.3, prob(b, 1, "1l", 1));
        assertEquals(0.0, prob(b, 1, "1r", 2));
        assertEquals(TINY.treeplex(0).numSequences(), b[0].length);
        assertEquals(TINY.treeplex(1).numSequences(), b[1].length);
    }

    @Test
    void writeThenReadGivesTheSameBehaviourBitForBit() {
        double[][] b = read(GOOD);
        Treeplex t1 = TINY.treeplex(1);
        int first = t1.firstSequence()[t1.indexOfKey("1l")];
        b[1][first] = 1.0 / 3;
        b[1][first + 1] = 1.0 / 7;
        b[1][first + 2] = 1.0 - 1.0 / 3 - 1.0 / 7;
        String json = ProfileFile.toJson(TINY, b);
        double[][] again = read(json);
        for (int i = 0; i < b.length; i++) {
            assertArrayEquals(b[i], again[i], 0.0);
        }
        assertTrue(json.contains("\"format\" : \"nashforge-profile\""), json);
    }

    @Test
    void writeThenReadThroughAFile(@TempDir Path dir) throws IOException {
        double[][] b = read(GOOD);
        Path file = dir.resolve("profile.json");
        ProfileFile.write(file, TINY, b);
        double[][] again = ProfileFile.read(file, TINY);
        for (int i = 0; i < b.length; i++) {
            assertArrayEquals(b[i], again[i], 0.0);
        }
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String text = GOOD.replace("\"version\": 1,", "\"version\": 1");
        String m = error(text);
        assertTrue(m.startsWith("p.json line 4, column 3: malformed JSON"), m);
    }

    @Test
    void unknownKeyNamesKeyPlayerLineAndSuggestsInfo() {
        String m = error(tinyProfile("\"1x\": [0.2, 0.3, 0.5]", "\"1r\": [1, 0, 0]"));
        assertTrue(m.startsWith("p.json line 8: unknown infoset key '1x' for player 1 of tiny()"), m);
        assertTrue(m.contains("nash info 'tiny()' --infosets"), m);
    }

    @Test
    void keyOfAnotherPlayerSaysWhose() {
        String m = error(tinyProfile("\"0h\": [0.5, 0.5]", "\"1r\": [1, 0, 0]"));
        assertTrue(m.contains("unknown infoset key '0h' for player 1") && m.contains("key of player 0"), m);
    }

    @Test
    void wrongNumberOfProbabilitiesNamesKeyExpectedCountAndLine() {
        String m = error(tinyProfile("\"1l\": [0.2, 0.3, 0.5]", "\"1r\": [0.5, 0.5]"));
        assertTrue(m.startsWith("p.json line 9: infoset '1r' of player 1 has 3 actions (0, 1, 2), but 2 "
                + "probabilities are given"), m);
    }

    @Test
    void probabilitiesNotSummingToOneNameTheInfosetAndTheSum() {
        String m = error(tinyProfile("\"1l\": [0.2, 0.3, 0.4]", "\"1r\": [1, 0, 0]"));
        assertTrue(m.startsWith("p.json line 8: infoset '1l' of player 1: probabilities sum to 0.9"), m);
    }

    @Test
    void sumWithinToleranceIsAccepted() {
        double[][] b = read(tinyProfile("\"1l\": [0.2, 0.3, 0.5000005]", "\"1r\": [1, 0, 0]"));
        assertEquals(0.5000005, prob(b, 1, "1l", 2));
    }

    @Test
    void negativeAndNanProbabilitiesAreRejected() {
        String neg = error(tinyProfile("\"1l\": [-0.5, 1, 0.5]", "\"1r\": [1, 0, 0]"));
        assertTrue(neg.contains("infoset '1l' of player 1: probability -0.5 of action 0") && neg.contains("negative"),
                neg);
        String nan = error(tinyProfile("\"1l\": [NaN, 1, 0]", "\"1r\": [1, 0, 0]"));
        assertTrue(nan.contains("probability NaN of action 0") && nan.contains("not a number"), nan);
    }

    @Test
    void gameMismatchNamesBothGames() {
        String m = error(GOOD.replace("\"tiny()\"", "\"kuhn_poker(players=2)\""));
        assertTrue(m.contains("'kuhn_poker(players=2)'") && m.contains("'tiny()'") && m.startsWith("p.json line 4"),
                m);
    }

    @Test
    void gameNameIsCanonicalizedWhenAFunctionIsGiven() {
        String text = GOOD.replace("\"tiny()\"", "\"tiny\"");
        double[][] b = ProfileFile.read(new StringReader(text), "p.json", TINY, s -> s.equals("tiny") ? "tiny()" : s);
        assertEquals(0.25, prob(b, 0, "0h", 0));
        assertTrue(error(text).contains("'tiny'"));
    }

    @Test
    void missingInfosetsAreAnErrorWithCountAndFirstKey() {
        // drop the two depth-1 infosets of player 0 (line 7 of the profile)
        String text = GOOD.replace("\n     \"0h-l0\": [0.5, 0.5], \"0t-l0\": [0, 1]}", "}")
                .replace("\"0t\": [1, 0],", "\"0t\": [1, 0]");
        String m = error(text);
        assertTrue(m.startsWith("p.json: 2 infoset(s) of tiny() have no probabilities, the first is '0h-l0' of "
                + "player 0"), m);
        assertTrue(m.contains("\"missing\":\"uniform\""), m);
    }

    @Test
    void missingUniformFillsAbsentInfosetsUniformly() {
        String text = GOOD.replace("\n     \"0h-l0\": [0.5, 0.5], \"0t-l0\": [0, 1]}", "}")
                .replace("\"0t\": [1, 0],", "\"0t\": [1, 0]")
                .replace("\"version\": 1,", "\"version\": 1, \"missing\": \"uniform\",");
        double[][] b = read(text);
        assertEquals(0.5, prob(b, 0, "0t-l0", 0));
        assertEquals(0.5, prob(b, 0, "0t-l0", 1));
        assertEquals(1.0, prob(b, 0, "0t", 0));
    }

    @Test
    void wrongPlayerCountFormatVersionAndMissingFieldsAreNamed() {
        assertTrue(error(GOOD.replace("\"nashforge-profile\"", "\"other\""))
                .contains("\"format\" is 'other', expected 'nashforge-profile'"));
        assertTrue(error(GOOD.replace("\"version\": 1", "\"version\": 2")).contains("version 2 is not supported"));
        assertTrue(error(GOOD.replace("\"game\": \"tiny()\",", "")).contains("missing field \"game\""));
        String players = error(GOOD.replace("{\"1l\"", "{}, {\"1l\""));
        assertTrue(players.contains("\"players\" has 3 entries but tiny() has 2 players"), players);
        String type = error(GOOD.replace("[1, 0, 0]", "\"1,0,0\""));
        assertTrue(type.startsWith("p.json line 9, column 12: the value of infoset '1r' of player 1"), type);
        assertTrue(error("").contains("empty"));
        assertTrue(error(GOOD.replace("\"0t\": [1, 0]", "\"0h\": [1, 0]")).contains("Duplicate field '0h'"));
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nope.json");
        ProfileFileException e = assertThrows(ProfileFileException.class, () -> ProfileFile.read(file, TINY));
        assertTrue(e.getMessage().startsWith("profile file not found: " + file), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void writerRejectsABehaviourThatIsNotADistribution() {
        double[][] b = read(GOOD);
        Treeplex t0 = TINY.treeplex(0);
        b[0][t0.firstSequence()[t0.indexOfKey("0h")]] = 0.9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileFile.toJson(TINY, b));
        assertTrue(e.getMessage().contains("infoset '0h' of player 0: probabilities sum to"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProfileFile.toJson(TINY, new double[][] {b[0]}));
    }
}

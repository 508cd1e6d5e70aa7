package dev.nashforge.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines: one line on stderr, exit code 2, no stack trace. */
class UsageErrorsTest {

    @Test
    void unknownGameListsTheKnownGames() {
        String m = NashRun.of("info", "no_such_game").assertError(2);
        assertTrue(m.contains("no_such_game"), m);
        assertTrue(m.contains("kuhn_poker") && m.contains("leduc_poker"), m);
        assertTrue(m.endsWith("(see 'nash info --help')"), m);
    }

    @Test
    void unknownGameInEvalToo() {
        String m = NashRun.of("eval", "no_such_game", "--profile", "uniform").assertError(2);
        assertTrue(m.contains("no_such_game") && m.contains("kuhn_poker"), m);
    }

    @Test
    void unknownParameterListsTheKnownParameters() {
        String m = NashRun.of("info", "kuhn_poker(colour=3)").assertError(2);
        assertTrue(m.contains("colour"), m);
        assertTrue(m.contains("players"), m);
    }

    @Test
    void badParameterValueIsNamed() {
        String m = NashRun.of("eval", "kuhn_poker(players=lots)").assertError(2);
        assertTrue(m.contains("players") && m.contains("lots"), m);
    }

    @Test
    void unknownOptionAndMissingGameAndMissingSubcommand() {
        String m = NashRun.of("eval", "kuhn_poker", "--bogus").assertError(2);
        assertTrue(m.contains("--bogus") && m.endsWith("(see 'nash eval --help')"), m);
        String missing = NashRun.of("info").assertError(2);
        assertTrue(missing.contains("GAME"), missing);
        String none = NashRun.of().assertError(2);
        assertTrue(none.contains("missing subcommand") && none.contains("eval"), none);
        String typo = NashRun.of("evl").assertError(2);
        assertTrue(typo.contains("evl") && typo.contains("eval"), typo);
    }

    @Test
    void debugAddsTheStackTrace() {
        NashRun run = NashRun.of("--debug", "info", "no_such_game");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("nash: error: "), run.err());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void helpOfEverySubcommandExitsZeroAndShowsAnExample() {
        for (String sub : new String[] {"games", "info", "eval"}) {
            NashRun run = NashRun.of(sub, "--help").assertSuccess();
            assertTrue(run.out().contains("Usage: nash " + sub), run.out());
            assertTrue(run.out().contains("./nash " + sub), run.out());
        }
        NashRun top = NashRun.of("--help").assertSuccess();
        assertTrue(top.out().contains("games") && top.out().contains("info") && top.out().contains("eval"));
    }
}

package dev.nashforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad {@code nash solve} command lines: one line on stderr, nothing on stdout, no stack trace; exit 2 for usage
 * errors (detected before anything runs), exit 1 for an unavailable backend and for state files that cannot be
 * resumed.
 */
class SolveErrorsTest {

    @TempDir
    Path dir;

    private static String usage(String... args) {
        String m = NashRun.of(args).assertError(2);
        assertTrue(m.endsWith("(see 'nash solve --help')"), m);
        return m;
    }

    /** {@code solve kuhn_poker --algo cfr+ --iterations 10} with {@code more}, on the cpu backend unless given. */
    private static String[] kuhn(String... more) {
        String[] base = java.util.Arrays.asList(more).contains("--backend")
                ? new String[] {"solve", "kuhn_poker", "--algo", "cfr+", "--iterations", "10"}
                : new String[] {"solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "10"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void unknownAlgorithmListsTheKnownOnes() {
        String m = usage("solve", "kuhn_poker", "--algo", "cfr++", "--iterations", "10");
        assertTrue(m.contains("cfr++") && m.contains("pcfr+") && m.contains("dcfr(alpha,beta,gamma)"), m);
        String missing = usage("solve", "kuhn_poker", "--iterations", "10");
        assertTrue(missing.contains("--algo"), missing);
    }

    @Test
    void aBadGameOrMissingResumeFileIsReportedBeforeAnyBackendIsProbed() {
        int probes = UnavailableTestBackend.PROBES.get();
        String players = usage("solve", "kuhn_poker(players=1)", "--algo", "cfr", "--iterations", "3");
        assertTrue(players.contains("players=1 is out of range"), players);
        String resume = NashRun.of("solve", "kuhn_poker", "--algo", "cfr", "--iterations", "3", "--resume",
                dir.resolve("missing.state").toString()).assertError(1);
        assertTrue(resume.contains("no such state file"), resume);
        assertEquals(probes, UnavailableTestBackend.PROBES.get(), "--backend auto probed a backend before the"
                + " cheaper arguments were checked");
        NashRun.of("solve", "kuhn_poker", "--algo", "cfr", "--iterations", "3", "--backend", "unavailable-test")
                .assertError(1);
        assertTrue(UnavailableTestBackend.PROBES.get() > probes, "the counter sees a probe");
    }

    @Test
    void badIterationCounts() {
        String zero = usage("solve", "kuhn_poker", "--algo", "cfr", "--iterations", "0");
        assertTrue(zero.contains("--iterations must be at least 1, got 0"), zero);
        String text = usage("solve", "kuhn_poker", "--algo", "cfr", "--iterations", "many");
        assertTrue(text.contains("--iterations") && text.contains("many"), text);
        String missing = usage("solve", "kuhn_poker", "--algo", "cfr");
        assertTrue(missing.contains("--iterations"), missing);
    }

    @Test
    void dcfrParametersOnlyWithDcfrAndOnlyOnce() {
        String alpha = usage(kuhn("--alpha", "2"));
        assertTrue(alpha.contains("--alpha applies only to --algo dcfr") && alpha.contains("cfr+"), alpha);
        String twice = usage("solve", "kuhn_poker", "--algo", "dcfr(1.5,0,2)", "--beta", "1", "--iterations", "10");
        assertTrue(twice.contains("given twice"), twice);
        String both = usage("solve", "kuhn_poker", "--algo", "dcfr", "--gamma", "1", "--averaging", "linear",
                "--iterations", "10");
        assertTrue(both.contains("--gamma and --averaging"), both);
        String negative = usage("solve", "kuhn_poker", "--algo", "dcfr", "--gamma", "-1", "--iterations", "10");
        assertTrue(negative.contains("-1"), negative);
    }

    @Test
    void badPrecisionUpdatesAveragingAndProgress() {
        String p = usage(kuhn("--precision", "half"));
        assertTrue(p.contains("half") && p.contains("double") && p.contains("float"), p);
        String u = usage(kuhn("--updates", "sometimes"));
        assertTrue(u.contains("sometimes") && u.contains("alternating"), u);
        String a = usage(kuhn("--averaging", "cubic"));
        assertTrue(a.contains("cubic") && a.contains("quadratic"), a);
        String bar = usage(kuhn("--progress", "loud"));
        assertTrue(bar.contains("loud") && bar.contains("always"), bar);
    }

    @Test
    void unknownBackendListsTheKnownOnes() {
        String m = usage(kuhn("--backend", "tpu"));
        assertTrue(m.contains("unknown backend 'tpu'") && m.contains("cpu") && m.contains("auto"), m);
    }

    @Test
    void unavailableBackendNamedExplicitlyFailsWithItsReason() {
        String m = NashRun.of(kuhn("--backend", UnavailableTestBackend.NAME)).assertError(1);
        assertTrue(m.contains(UnavailableTestBackend.NAME) && m.contains(UnavailableTestBackend.REASON), m);
    }

    @Test
    void threadsOnlyForTheCpuBackendAndAtLeastOne() {
        String m = usage(kuhn("--threads", "0"));
        assertTrue(m.contains("--threads must be at least 1"), m);
        NashRun.of(kuhn("--threads", "1", "--backend", "cpu")).assertSuccess();
    }

    @Test
    void plotNeedsAPngOrSvgFileAndIsCheckedBeforeRunning() {
        Path jpg = dir.resolve("chart.jpg");
        String m = usage(kuhn("--plot", jpg.toString()));
        assertTrue(m.contains("chart.jpg") && m.contains(".png or .svg"), m);
        assertFalse(Files.exists(jpg));
    }

    @Test
    void unknownOrForeignDistribution() {
        String unknown = usage(kuhn("--batch", "4", "--distribution", "no_such_distribution"));
        assertTrue(unknown.contains("no_such_distribution") && unknown.contains("kuhn_poker"), unknown);
        String badParameter = usage(kuhn("--batch", "4", "--distribution", "kuhn_poker(wobble=1)"));
        assertTrue(badParameter.contains("wobble") && badParameter.contains("noise"), badParameter);
        String conflict = usage("solve", "kuhn_poker(players=3)", "--algo", "cfr", "--iterations", "2",
                "--distribution", "kuhn_poker(players=2)");
        assertTrue(conflict.contains("players=2") && conflict.contains("players=3"), conflict);
        String seed = usage(kuhn("--seed", "3"));
        assertTrue(seed.contains("--seed applies only with --distribution"), seed);
        String batch = usage(kuhn("--batch", "0"));
        assertTrue(batch.contains("--batch must be at least 1"), batch);
    }

    @Test
    void badCheckpoints() {
        String word = usage(kuhn("--checkpoints", "often"));
        assertTrue(word.contains("'often' is not an iteration count"), word);
        String beyond = usage(kuhn("--checkpoints", "5,20"));
        assertTrue(beyond.contains("20 is outside 1..10"), beyond);
    }

    @Test
    void stateAndResumeAreExclusiveAndResumeNeedsAnExistingFile() {
        Path file = dir.resolve("s.state");
        String both = usage(kuhn("--state", file.toString(), "--resume", file.toString()));
        assertTrue(both.contains("--state and --resume"), both);
        String missing = NashRun.of(kuhn("--resume", file.toString())).assertError(1);
        assertTrue(missing.contains("no such state file") && missing.contains("--state"), missing);
    }

    @Test
    void resumingAFileOfAnotherGameOrConfigurationIsRefused() {
        Path file = dir.resolve("kuhn.state");
        NashRun.of(kuhn("--state", file.toString())).assertSuccess();
        String algo = NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr", "--iterations", "20", "--resume",
                file.toString()).assertError(1);
        assertTrue(algo.contains("cannot resume") && algo.contains("cfr+"), algo);
        String game = NashRun.of("solve", "--backend", "cpu", "leduc_poker", "--algo", "cfr+", "--iterations", "20", "--resume",
                file.toString()).assertError(1);
        assertTrue(game.contains("cannot resume") && game.contains("kuhn_poker"), game);
        String instances = NashRun.of(kuhn("--batch", "2", "--resume", file.toString())).assertError(1);
        assertTrue(instances.contains("cannot resume") && instances.contains("B=1"), instances);
        String precision = NashRun.of(kuhn("--precision", "float", "--resume", file.toString())).assertError(1);
        assertTrue(precision.contains("cannot resume") && precision.contains("float"), precision);
    }
}

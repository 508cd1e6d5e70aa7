package dev.nashforge.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private static final String NL = System.lineSeparator();

    private long now;

    private ProgressBar bar(StringWriter text, ProgressMode mode) {
        return new ProgressBar(new PrintWriter(text), "solve", "cfr+ kuhn_poker(players=2)", mode, () -> now);
    }

    @Test
    void autoWaitsASecondThenRedrawsAtMostFiveTimesASecond() {
        StringWriter text = new StringWriter();
        ProgressBar bar = bar(text, ProgressMode.BAR_AFTER_DELAY);
        now = 500_000_000L;
        bar.onIteration(1, 100);
        assertEquals("", text.toString(), "nothing before one second");
        now = 1_000_000_000L;
        bar.onIteration(50, 100);
        assertTrue(text.toString().startsWith("\rsolve cfr+ kuhn_poker(players=2)  [###############..............."
                + "]  50/100   50%  1.0 s, about 1.0 s left"), text.toString());
        int drawn = text.toString().length();
        now += 100_000_000L;
        bar.onIteration(51, 100);
        assertEquals(drawn, text.toString().length(), "no redraw within 200 ms");
        now += 100_000_000L;
        bar.onIteration(100, 100);
        assertTrue(text.toString().endsWith("100/100  100%  1.2 s" + " ".repeat(text.toString().length()
                - text.toString().stripTrailing().length())), text.toString());
        assertTrue(!text.toString().contains("\n"), "a bar never breaks the line before finish()");
        bar.finish();
        assertTrue(text.toString().endsWith(NL));
    }

    @Test
    void logModeWritesCompleteLinesEveryThirtySecondsAndAtTheEnd() {
        StringWriter text = new StringWriter();
        ProgressBar bar = bar(text, ProgressMode.LOG);
        now = 0;
        bar.onIteration(1, 1000);
        assertEquals("solve cfr+ kuhn_poker(players=2)  1/1000    0%  0.0 s, about 0.0 s left" + NL, text.toString(),
                "the first update is reported at once, as a complete line without the bar");
        now = 29_000_000_000L;
        bar.onIteration(300, 1000);
        assertEquals(1, lines(text), "nothing within 30 s of the last line");
        now = 30_000_000_000L;
        bar.onIteration(301, 1000);
        assertEquals(2, lines(text));
        assertTrue(text.toString().endsWith("solve cfr+ kuhn_poker(players=2)  301/1000   30%  30.0 s, about 1 min 09 s"
                + " left" + NL), text.toString());
        now = 31_000_000_000L;
        bar.onIteration(1000, 1000);
        assertEquals(3, lines(text), "the last iteration is always reported");
        assertTrue(text.toString().endsWith("1000/1000  100%  31.0 s" + NL), text.toString());
        bar.finish();
        assertEquals(3, lines(text), "finish adds nothing after log lines");
        assertTrue(!text.toString().contains("\r"));
    }

    @Test
    void delayedLogModePrintsNothingForShortRuns() {
        StringWriter text = new StringWriter();
        ProgressBar bar = bar(text, ProgressMode.LOG_AFTER_DELAY);
        now = 900_000_000L;
        bar.onIteration(10, 10);
        bar.finish();
        assertEquals("", text.toString());
    }

    @Test
    void neverDrawsNothingAndFinishAddsNothing() {
        StringWriter text = new StringWriter();
        ProgressBar bar = bar(text, ProgressMode.NEVER);
        now = 5_000_000_000L;
        bar.onIteration(10, 10);
        bar.finish();
        assertEquals("", text.toString());
    }

    @Test
    void trainingLineInLogModeReportsEveryEvaluation() {
        StringWriter text = new StringWriter();
        TrainingProgressLine line = new TrainingProgressLine(new PrintWriter(text), "biased_shapley", ProgressMode.LOG,
                () -> now);
        now = 0;
        line.onStep(1, 100, 0.5, Double.NaN);
        now = 1_000_000_000L;
        line.onStep(2, 100, 0.25, Double.NaN);
        assertEquals(1, lines(text), "an ordinary step within 30 s is not reported");
        line.onStep(10, 100, 0.125, 0.0625);
        assertEquals(2, lines(text), "an evaluation is");
        assertTrue(text.toString().endsWith("train biased_shapley  step 10/100   10%  loss 0.125  held-out NashGap "
                + "0.0625  1.0 s, about 9.0 s left" + NL), text.toString());
        line.finish();
        assertEquals(2, lines(text));
    }

    @Test
    void aResumedTrainingEstimatesTheTimeLeftFromItsOwnSteps() {
        StringWriter text = new StringWriter();
        now = 0;
        TrainingProgressLine line = new TrainingProgressLine(new PrintWriter(text), "biased_leduc", ProgressMode.LOG,
                () -> now);
        now = 1_000_000_000L;
        line.onStep(51, 100, 0.5, Double.NaN);
        now = 10_000_000_000L;
        line.onStep(60, 100, 0.25, 0.125);
        assertTrue(text.toString().endsWith("step 60/100   60%  loss 0.25  held-out NashGap 0.125  10.0 s, about 40.0 s"
                + " left" + NL), text.toString());
    }

    @Test
    void autoMeansTheBarOnATerminalAndLogLinesOtherwise() {
        CommandLine cli = new CommandLine(CommandLine.Model.CommandSpec.create());
        assertEquals(ProgressMode.BAR_AFTER_DELAY, ProgressMode.parse(cli.getCommandSpec(), "auto", () -> true));
        assertEquals(ProgressMode.LOG_AFTER_DELAY, ProgressMode.parse(cli.getCommandSpec(), "AUTO", () -> false));
        assertEquals(ProgressMode.BAR, ProgressMode.parse(cli.getCommandSpec(), "always", () -> false));
        assertEquals(ProgressMode.LOG, ProgressMode.parse(cli.getCommandSpec(), " log ", () -> true));
        assertEquals(ProgressMode.NEVER, ProgressMode.parse(cli.getCommandSpec(), "never", () -> true));
        ParameterException e = assertThrows(ParameterException.class,
                () -> ProgressMode.parse(cli.getCommandSpec(), "sometimes", () -> true));
        assertEquals("--progress sometimes: use auto, always, log or never", e.getMessage());
    }

    private static long lines(StringWriter text) {
        return text.toString().lines().count();
    }
}

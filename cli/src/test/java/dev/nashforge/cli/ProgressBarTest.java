package dev.nashforge.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private long now;

    private ProgressBar bar(StringWriter text, ProgressBar.Mode mode) {
        return new ProgressBar(new PrintWriter(text), "cfr+ kuhn_poker(players=2)", mode, () -> now);
    }

    @Test
    void autoWaitsASecondThenRedrawsAtMostFiveTimesASecond() {
        StringWriter text = new StringWriter();
        ProgressBar bar = bar(text, ProgressBar.Mode.AUTO);
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
        bar.finish();
        assertTrue(text.toString().endsWith(System.lineSeparator()));
    }

    @Test
    void neverDrawsNothingAndFinishAddsNothing() {
        StringWriter text = new StringWriter();
        ProgressBar bar = bar(text, ProgressBar.Mode.NEVER);
        now = 5_000_000_000L;
        bar.onIteration(10, 10);
        bar.finish();
        assertEquals("", text.toString());
    }
}

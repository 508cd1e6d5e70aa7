package dev.nashforge.cli;

import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Test;

import java.awt.Color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The compare chart's series styles: one colour per algorithm in every chart, dashed simultaneous lines. */
class ComparePlotTest {

    @Test
    void everyAlgorithmKeepsItsColourWhateverItsPositionInAlgos() {
        String[] algorithms = {"npcfr+", "npcfr", "cfr+", "pcfr+", "dcfr", "lcfr", "cfr"};
        for (String a : algorithms) {
            assertEquals(ComparePlot.color(a, 0), ComparePlot.color(a, 5), a);
        }
        assertEquals(new Color(255, 127, 14), ComparePlot.color("pcfr+", 3));
        assertEquals(algorithms.length, java.util.Arrays.stream(algorithms).map(a -> ComparePlot.color(a, 0))
                .distinct().count(), "seven different colours");
    }

    @Test
    void otherAlgorithmsTakeTheSpareColoursInOrder() {
        Color first = ComparePlot.color("hedge", 0);
        assertNotEquals(first, ComparePlot.color("hedge", 1));
        for (String a : new String[] {"npcfr+", "npcfr", "cfr+", "pcfr+", "dcfr", "lcfr", "cfr"}) {
            assertNotEquals(first, ComparePlot.color(a, 0), a);
        }
    }

    @Test
    void simultaneousIsDashedAndAlternatingSolid() {
        assertNull(ComparePlot.stroke(UpdateMode.ALTERNATING).getDashArray());
        assertArrayEquals(new float[] {9f, 5f}, ComparePlot.stroke(UpdateMode.SIMULTANEOUS).getDashArray());
        assertEquals(2.2f, ComparePlot.stroke(UpdateMode.SIMULTANEOUS).getLineWidth());
    }
}

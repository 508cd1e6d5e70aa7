package dev.nashforge.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTableTest {

    @Test
    void columnsArePaddedToTheWidestCellTwoSpacesApart() {
        StringWriter s = new StringWriter();
        new TextTable().row("player", "value").row("0", "-0.5").row("total", "1", "x").print(new PrintWriter(s));
        String nl = System.lineSeparator();
        assertEquals("player  value" + nl + "0       -0.5" + nl + "total   1      x" + nl, s.toString());
    }
}

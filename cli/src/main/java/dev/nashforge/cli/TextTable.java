package dev.nashforge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells printed with aligned columns (left-aligned, two spaces apart), for the human-readable
 * output of the {@code nash} commands. Not thread-safe.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row; rows may have different numbers of cells. Returns this table. */
    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** Prints every row, each cell padded to its column's widest cell, trailing spaces trimmed. */
    void print(PrintWriter out) {
        List<Integer> width = new ArrayList<>();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                if (width.size() <= c) {
                    width.add(0);
                }
                width.set(c, Math.max(width.get(c), r[c].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                line.append(r[c]);
                if (c + 1 < r.length) {
                    line.append(" ".repeat(width.get(c) - r[c].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}

package dev.nashforge.host.io;

import java.util.List;

/**
 * The syntactic content of a profile file as read by {@link ProfileJsonParser}, before it is checked against a
 * game. Every field remembers the line of the file it came from, so that {@link ProfileFile} can name it in
 * errors. Fields absent from the file are {@code null}.
 *
 * @param format       value of {@code "format"}
 * @param formatLine   its line
 * @param version      value of {@code "version"}
 * @param versionLine  its line
 * @param game         value of {@code "game"}
 * @param gameLine     its line
 * @param missing      value of {@code "missing"}
 * @param missingLine  its line
 * @param players      value of {@code "players"}: per player, the infoset entries in file order
 * @param playersLine  its line
 */
record ParsedProfile(String format, int formatLine, Integer version, int versionLine, String game, int gameLine,
                     String missing, int missingLine, List<List<Entry>> players, int playersLine) {

    /**
     * One {@code "<infosetKey>": [p0, p1, ...]} entry.
     *
     * @param key           the infoset key
     * @param probabilities the numbers as written (may be negative or NaN; checked later)
     * @param line          line of the key
     * @param column        column of the key
     */
    record Entry(String key, double[] probabilities, int line, int column) {
    }
}

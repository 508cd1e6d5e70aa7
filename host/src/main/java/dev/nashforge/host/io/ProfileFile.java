package dev.nashforge.host.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and writes a behaviour-strategy profile as a JSON <b>profile file</b> (format {@value #FORMAT}, version
 * {@value #VERSION}); {@code nash eval --profile FILE} reads it and {@code nash solve} writes it.
 *
 * <pre>{@code
 * {
 *   "format" : "nashforge-profile",
 *   "version" : 1,
 *   "game" : "kuhn_poker(players=2)",
 *   "players" : [ {
 *     "0" : [ 0.5, 0.5 ],
 *     "0pb" : [ 1.0, 0.0 ],
 *     ...
 *   }, {
 *     "1p" : [ 0.5, 0.5 ],
 *     ...
 *   } ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code "format"} and {@code "version"}: required, exactly {@value #FORMAT} and {@value #VERSION}.</li>
 *   <li>{@code "game"}: required, the catalog string of the game (as {@code nash info} prints it). A reader may
 *       be given a function that canonicalizes it, so {@code "kuhn_poker"} matches
 *       {@code kuhn_poker(players=2)}; otherwise it must equal {@link GameStructure#name()}.</li>
 *   <li>{@code "players"}: required, one object per player, indexed by player. Each maps an infoset key (the
 *       OpenSpiel-style {@link Treeplex#infosetKeys()} of that player) to the probabilities of its legal actions
 *       in legal-action order ({@link Treeplex#sequenceActionName()} gives their names).</li>
 *   <li>Probabilities must be finite, non-negative, and sum to 1 within {@value #SUM_TOLERANCE} per infoset;
 *       they are used as written (not renormalized), so a file written by {@link #write} reads back bit for
 *       bit.</li>
 *   <li>Every infoset of every player must be present, unless the optional field {@code "missing":"uniform"}
 *       is given: then absent infosets play uniformly. {@code "missing":"error"} is the default.</li>
 *   <li>Other top-level fields are ignored (writers may add metadata). Duplicate keys are an error.</li>
 * </ul>
 *
 * <p>In memory a profile is a behaviour profile {@code double[player][sequence]} over a {@link GameStructure}:
 * entry {@code [i][firstSequence[I] + a]} is sigma_i(a|I) and entry {@code [i][0]} (the empty sequence) is 1.
 *
 * <p>Every error is a {@link ProfileFileException} with a one-line message that names the file, the line (for
 * JSON errors also the column), the infoset and player where relevant, and what to do. Stateless and
 * thread-safe.
 */
public final class ProfileFile {

    /** Value of the {@code "format"} field. */
    public static final String FORMAT = "nashforge-profile";
    /** Value of the {@code "version"} field this class reads and writes. */
    public static final int VERSION = 1;
    /** Largest allowed |sum - 1| of the probabilities of one infoset. */
    public static final double SUM_TOLERANCE = 1e-6;

    private static final JsonFactory FACTORY = new JsonFactory();

    private ProfileFile() {
    }

    /**
     * Reads the profile file {@code file} for the game {@code structure}; the file's {@code "game"} must equal
     * {@code structure.name()}.
     *
     * @return a new behaviour profile {@code [player][sequence]}
     * @throws ProfileFileException if the file is missing, unreadable, malformed or does not fit the game
     */
    public static double[][] read(Path file, GameStructure structure) {
        return read(file, structure, UnaryOperator.identity());
    }

    /**
     * As {@link #read(Path, GameStructure)}, comparing {@code canonicalGameName.apply(fileGame)} with
     * {@code structure.name()}. The function may throw {@link IllegalArgumentException} for a string it does
     * not know; the string is then compared as written.
     */
    public static double[][] read(Path file, GameStructure structure, UnaryOperator<String> canonicalGameName) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), structure, canonicalGameName);
        } catch (NoSuchFileException e) {
            throw new ProfileFileException("profile file not found: " + file
                    + " (give an existing file, or 'uniform' or 'first')", e);
        } catch (IOException e) {
            throw new ProfileFileException("cannot read profile file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a profile from {@code in}; {@code source} names the input in error messages. Does not close
     * {@code in}.
     *
     * @return a new behaviour profile {@code [player][sequence]}
     * @throws ProfileFileException if the input is malformed or does not fit the game
     */
    public static double[][] read(Reader in, String source, GameStructure structure,
                                  UnaryOperator<String> canonicalGameName) {
        ParsedProfile parsed = ProfileJsonParser.parse(in, source);
        checkHeader(parsed, source, structure, canonicalGameName);
        boolean missingUniform = "uniform".equals(parsed.missing());
        int n = structure.numPlayers();
        double[][] behaviour = new double[n][];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Treeplex t = structure.treeplex(i);
            behaviour[i] = new double[t.numSequences()];
            behaviour[i][0] = 1.0;
            boolean[] seen = new boolean[t.numInfosets()];
            for (ParsedProfile.Entry e : parsed.players().get(i)) {
                int infoset = t.indexOfKey(e.key());
                String at = source + " line " + e.line();
                if (infoset < 0) {
                    throw new ProfileFileException(at + ": unknown infoset key '" + e.key() + "' for player " + i
                            + " of " + structure.name() + otherOwner(structure, e.key(), i)
                            + "; list the keys with: nash info '" + structure.name() + "' --infosets");
                }
                int actions = t.numActions()[infoset];
                int first = t.firstSequence()[infoset];
                if (e.probabilities().length != actions) {
                    throw new ProfileFileException(at + ": infoset '" + e.key() + "' of player " + i + " has "
                            + actions + " actions " + actionNames(t, infoset) + ", but " + e.probabilities().length
                            + " probabilities are given");
                }
                String problem = probabilityProblem(e.probabilities(), t, infoset);
                if (problem != null) {
                    throw new ProfileFileException(at + ": infoset '" + e.key() + "' of player " + i + ": " + problem);
                }
                System.arraycopy(e.probabilities(), 0, behaviour[i], first, actions);
                seen[infoset] = true;
            }
            for (int infoset = 0; infoset < seen.length; infoset++) {
                if (seen[infoset]) {
                    continue;
                }
                if (missingUniform) {
                    int first = t.firstSequence()[infoset];
                    int actions = t.numActions()[infoset];
                    for (int a = 0; a < actions; a++) {
                        behaviour[i][first + a] = 1.0 / actions;
                    }
                } else {
                    missing.add("'" + t.infosetKeys()[infoset] + "' of player " + i);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ProfileFileException(source + ": " + missing.size() + " infoset(s) of " + structure.name()
                    + " have no probabilities, the first is " + missing.get(0)
                    + "; add them, or add \"missing\":\"uniform\" to play them uniformly");
        }
        return behaviour;
    }

    private static void checkHeader(ParsedProfile parsed, String source, GameStructure structure,
                                    UnaryOperator<String> canonicalGameName) {
        if (parsed.format() == null) {
            throw new ProfileFileException(source + ": missing field \"format\"; a profile file is a JSON object "
                    + "with \"format\":\"" + FORMAT + "\", \"version\":" + VERSION + ", \"game\" and \"players\"");
        }
        if (!FORMAT.equals(parsed.format())) {
            throw new ProfileFileException(source + " line " + parsed.formatLine() + ": \"format\" is '"
                    + parsed.format() + "', expected '" + FORMAT + "'");
        }
        if (parsed.version() == null) {
            throw new ProfileFileException(source + ": missing field \"version\" (this reader reads version "
                    + VERSION + ")");
        }
        if (parsed.version() != VERSION) {
            throw new ProfileFileException(source + " line " + parsed.versionLine() + ": version "
                    + parsed.version() + " is not supported; this reader reads version " + VERSION);
        }
        if (parsed.game() == null) {
            throw new ProfileFileException(source + ": missing field \"game\"; give the game's catalog string, "
                    + "e.g. \"game\":\"" + structure.name() + "\"");
        }
        String game = canonical(parsed.game(), canonicalGameName);
        if (!game.equals(structure.name())) {
            throw new ProfileFileException(source + " line " + parsed.gameLine() + ": the profile is for game '"
                    + parsed.game() + "' but the game evaluated is '" + structure.name()
                    + "'; pass the profile's game or a profile of this game");
        }
        if (parsed.missing() != null && !parsed.missing().equals("uniform") && !parsed.missing().equals("error")) {
            throw new ProfileFileException(source + " line " + parsed.missingLine() + ": \"missing\" is '"
                    + parsed.missing() + "'; allowed: \"error\" (default) or \"uniform\"");
        }
        if (parsed.players() == null) {
            throw new ProfileFileException(source + ": missing field \"players\" (an array with one object per "
                    + "player mapping infoset keys to action probabilities)");
        }
        if (parsed.players().size() != structure.numPlayers()) {
            throw new ProfileFileException(source + " line " + parsed.playersLine() + ": \"players\" has "
                    + parsed.players().size() + " entries but " + structure.name() + " has "
                    + structure.numPlayers() + " players");
        }
    }

    private static String canonical(String game, UnaryOperator<String> canonicalGameName) {
        try {
            String c = canonicalGameName.apply(game);
            return c == null ? game : c;
        } catch (IllegalArgumentException unknown) {
            return game;
        }
    }

    /** " (it is a key of player j)" when another player owns {@code key}, else "". */
    private static String otherOwner(GameStructure structure, String key, int player) {
        for (int j = 0; j < structure.numPlayers(); j++) {
            if (j != player && structure.treeplex(j).indexOfKey(key) >= 0) {
                return " (it is a key of player " + j + ")";
            }
        }
        return "";
    }

    private static String actionNames(Treeplex t, int infoset) {
        int first = t.firstSequence()[infoset];
        StringBuilder b = new StringBuilder("(");
        for (int a = 0; a < t.numActions()[infoset]; a++) {
            b.append(a == 0 ? "" : ", ").append(t.sequenceActionName()[first + a]);
        }
        return b.append(')').toString();
    }

    /** Why {@code p} is not a probability distribution over the infoset's actions, or null if it is. */
    private static String probabilityProblem(double[] p, Treeplex t, int infoset) {
        int first = t.firstSequence()[infoset];
        double sum = 0;
        for (int a = 0; a < p.length; a++) {
            if (!Double.isFinite(p[a]) || p[a] < 0) {
                return "probability " + p[a] + " of action " + a + " ('" + t.sequenceActionName()[first + a]
                        + "') is " + (Double.isNaN(p[a]) ? "not a number" : p[a] < 0 ? "negative" : "infinite")
                        + "; probabilities must be finite and non-negative";
            }
            sum += p[a];
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            return "probabilities sum to " + sum + ", not 1 (tolerance " + SUM_TOLERANCE + ")";
        }
        return null;
    }

    /**
     * Writes {@code behaviour} ({@code [player][sequence]} over {@code structure}) as a profile file to
     * {@code out}, one infoset per line, top-down, every number with full double precision. Does not close
     * {@code out}.
     *
     * @throws IllegalArgumentException if the shape does not match the structure or an infoset's probabilities
     *                                  are not a distribution (the same checks as reading)
     */
    public static void write(Writer out, GameStructure structure, double[][] behaviour) throws IOException {
        checkBehaviour(structure, behaviour);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("game", structure.name());
            g.writeArrayFieldStart("players");
            for (int i = 0; i < structure.numPlayers(); i++) {
                Treeplex t = structure.treeplex(i);
                g.writeStartObject();
                for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                    g.writeFieldName(t.infosetKeys()[infoset]);
                    g.writeArray(behaviour[i], t.firstSequence()[infoset], t.numActions()[infoset]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /** Writes {@code behaviour} to the file {@code file} (created or replaced); see {@link #write(Writer, GameStructure, double[][])}. */
    public static void write(Path file, GameStructure structure, double[][] behaviour) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, structure, behaviour);
        }
    }

    /** The profile file text of {@code behaviour}; see {@link #write(Writer, GameStructure, double[][])}. */
    public static String toJson(GameStructure structure, double[][] behaviour) {
        StringWriter s = new StringWriter();
        try {
            write(s, structure, behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static void checkBehaviour(GameStructure structure, double[][] behaviour) {
        if (behaviour.length != structure.numPlayers()) {
            throw new IllegalArgumentException("behaviour has " + behaviour.length + " players, "
                    + structure.name() + " has " + structure.numPlayers());
        }
        for (int i = 0; i < behaviour.length; i++) {
            Treeplex t = structure.treeplex(i);
            if (behaviour[i].length != t.numSequences()) {
                throw new IllegalArgumentException("behaviour of player " + i + " has " + behaviour[i].length
                        + " entries, " + structure.name() + " has " + t.numSequences()
                        + " sequences for that player (empty sequence included)");
            }
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                double[] p = Arrays.copyOfRange(behaviour[i], t.firstSequence()[infoset],
                        t.firstSequence()[infoset] + t.numActions()[infoset]);
                String problem = probabilityProblem(p, t, infoset);
                if (problem != null) {
                    throw new IllegalArgumentException("cannot write the profile of " + structure.name()
                            + ": infoset '" + t.infosetKeys()[infoset] + "' of player " + i + ": " + problem);
                }
            }
        }
    }
}

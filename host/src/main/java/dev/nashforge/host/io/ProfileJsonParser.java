package dev.nashforge.host.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming reader of the profile file syntax (see {@link ProfileFile}) that keeps the line of every field, so
 * that errors can name it. It checks only the JSON shape; whether the content fits a game is checked by
 * {@link ProfileFile}. Duplicate keys in one object are rejected; {@code NaN} and {@code Infinity} are accepted
 * as numbers so that they can be reported as bad probabilities. Unknown top-level fields are skipped. Stateless.
 */
final class ProfileJsonParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ProfileJsonParser() {
    }

    /**
     * Parses one profile object from {@code in}; {@code source} names the input in errors (a file name).
     *
     * @throws ProfileFileException on malformed JSON (with line and column) or a field of the wrong JSON type
     */
    static ParsedProfile parse(Reader in, String source) {
        try (JsonParser p = FACTORY.createParser(in)) {
            return new ProfileJsonParser.Run(p, source).profile();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? source
                    : source + " line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProfileFileException(where + ": malformed JSON: " + oneLine(e.getOriginalMessage())
                    + " (fix the file; see the profile format in README.md)", e);
        } catch (IOException e) {
            throw new ProfileFileException(source + ": cannot read: " + oneLine(e.getMessage()), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** The state of one parse. */
    private static final class Run {
        private final JsonParser p;
        private final String source;

        Run(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        ParsedProfile profile() throws IOException {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ProfileFileException(source + ": the file is empty; expected a JSON object "
                        + "{\"format\":\"" + ProfileFile.FORMAT + "\", ...}");
            }
            expect(first, JsonToken.START_OBJECT, "the profile");
            String format = null;
            Integer version = null;
            String game = null;
            String missing = null;
            List<List<ParsedProfile.Entry>> players = null;
            int formatLine = 0;
            int versionLine = 0;
            int gameLine = 0;
            int missingLine = 0;
            int playersLine = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> {
                        format = string(value, field);
                        formatLine = line;
                    }
                    case "version" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "\"version\"");
                        version = p.getIntValue();
                        versionLine = line;
                    }
                    case "game" -> {
                        game = string(value, field);
                        gameLine = line;
                    }
                    case "missing" -> {
                        missing = string(value, field);
                        missingLine = line;
                    }
                    case "players" -> {
                        players = players(value);
                        playersLine = line;
                    }
                    default -> p.skipChildren();
                }
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new ProfileFileException(where() + ": unexpected " + describe(trailing)
                        + " after the profile object (a profile file holds exactly one JSON object)");
            }
            return new ParsedProfile(format, formatLine, version, versionLine, game, gameLine, missing, missingLine,
                    players, playersLine);
        }

        private List<List<ParsedProfile.Entry>> players(JsonToken value) throws IOException {
            expect(value, JsonToken.START_ARRAY, "\"players\" (an array with one object per player)");
            List<List<ParsedProfile.Entry>> players = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(t, JsonToken.START_OBJECT, "player " + players.size()
                        + " in \"players\" (an object mapping infoset keys to probability arrays)");
                List<ParsedProfile.Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    entries.add(new ParsedProfile.Entry(key, probabilities(key, players.size()),
                            at.getLineNr(), at.getColumnNr()));
                }
                players.add(entries);
            }
            return players;
        }

        private double[] probabilities(String key, int player) throws IOException {
            String what = "the value of infoset '" + key + "' of player " + player
                    + " (an array of action probabilities)";
            expect(p.nextToken(), JsonToken.START_ARRAY, what);
            List<Double> values = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new ProfileFileException(where() + ": infoset '" + key + "' of player " + player
                            + ": expected a probability (a number), found " + describe(t));
                }
                values.add(p.getDoubleValue());
            }
            double[] out = new double[values.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = values.get(k);
            }
            return out;
        }

        private String string(JsonToken value, String field) throws IOException {
            expect(value, JsonToken.VALUE_STRING, "\"" + field + "\"");
            return p.getText();
        }

        private void expect(JsonToken actual, JsonToken expected, String what) {
            if (actual != expected) {
                throw new ProfileFileException(where() + ": " + what + " must be " + describe(expected)
                        + ", found " + describe(actual));
            }
        }

        private String where() {
            JsonLocation at = p.currentTokenLocation();
            return source + " line " + at.getLineNr() + ", column " + at.getColumnNr();
        }

        private static String describe(JsonToken t) {
            if (t == null) {
                return "the end of the file";
            }
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case END_OBJECT -> "'}'";
                case END_ARRAY -> "']'";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT -> "an integer";
                case VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> t.name();
            };
        }
    }
}

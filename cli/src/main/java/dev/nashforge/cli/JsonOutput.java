package dev.nashforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/**
 * The JSON output of the {@code nash} commands: one pretty-printed object per command. Doubles are written
 * with full precision (Java's shortest round-trip form, up to 17 significant digits, e.g.
 * {@code 4.747222222222222}), so a value read back is bit-identical. Thread-safe.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** A new empty object node. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A JSON array of {@code values}. */
    static ArrayNode array(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** A JSON array of {@code values}. */
    static ArrayNode array(int[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** Prints {@code node} followed by a newline and flushes. */
    static void print(PrintWriter out, ObjectNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the command output: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }
}

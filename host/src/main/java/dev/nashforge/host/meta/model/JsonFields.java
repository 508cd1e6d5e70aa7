package dev.nashforge.host.meta.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Strict field readers for the JSON files of this package; every error names the file and the field. */
public final class JsonFields {

    private final String file;

    public JsonFields(String file) {
        this.file = file;
    }

    public JsonNode node(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new ModelFormatException(file + ": missing field '" + field + "'; the file is incomplete or was"
                    + " not written by NashForge");
        }
        return n;
    }

    public String text(JsonNode parent, String field) {
        JsonNode n = node(parent, field);
        if (!n.isTextual()) {
            throw new ModelFormatException(file + ": field '" + field + "' must be a string, found " + n.getNodeType());
        }
        return n.asText();
    }

    public long integer(JsonNode parent, String field) {
        JsonNode n = node(parent, field);
        if (!n.isIntegralNumber()) {
            throw new ModelFormatException(file + ": field '" + field + "' must be an integer, found " + n);
        }
        return n.asLong();
    }

    public double number(JsonNode parent, String field) {
        JsonNode n = node(parent, field);
        if (!n.isNumber()) {
            throw new ModelFormatException(file + ": field '" + field + "' must be a number, found " + n);
        }
        return n.asDouble();
    }

    public boolean bool(JsonNode parent, String field) {
        JsonNode n = node(parent, field);
        if (!n.isBoolean()) {
            throw new ModelFormatException(file + ": field '" + field + "' must be true or false, found " + n);
        }
        return n.asBoolean();
    }

    public <E extends Enum<E>> E enumValue(JsonNode parent, String field, Class<E> type) {
        String v = text(parent, field);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": field '" + field + "' has unknown value '" + v + "'; known: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public double[] doubles(JsonNode parent, String field) {
        JsonNode n = node(parent, field);
        if (!n.isArray()) {
            throw new ModelFormatException(file + ": field '" + field + "' must be an array of numbers");
        }
        double[] out = new double[n.size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode v = n.get(k);
            if (!v.isNumber()) {
                throw new ModelFormatException(file + ": field '" + field + "' entry " + k + " is not a number: " + v);
            }
            out[k] = v.asDouble();
            if (!Double.isFinite(out[k])) {
                throw new ModelFormatException(file + ": field '" + field + "' entry " + k + " is not finite");
            }
        }
        return out;
    }

    public static ArrayNode array(ObjectNode parent, String field, double[] values) {
        ArrayNode a = parent.putArray(field);
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** CRC-32 of the IEEE-754 bits (big-endian) of the values, as 8 hex digits. */
    public static String crc32(double[]... arrays) {
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(8);
        for (double[] values : arrays) {
            for (double v : values) {
                buf.clear();
                buf.putLong(Double.doubleToLongBits(v));
                crc.update(buf.array(), 0, 8);
            }
        }
        return String.format("%08x", crc.getValue());
    }
}

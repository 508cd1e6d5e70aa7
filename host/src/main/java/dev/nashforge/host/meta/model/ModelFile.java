package dev.nashforge.host.meta.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.TrainingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The NPCFR model file ({@code .npcfr}): UTF-8 JSON, version {@value #VERSION}:
 * <pre>
 * {
 *   "format": "nashforge-npcfr-model",   // identifies the file
 *   "version": 1,                         // readers refuse newer versions
 *   "architecture": {"cell": "GRU", "hiddenSize": 32, "iterationFeature": "INV_SQRT_T", "features": 10},
 *   "solver": {"variant": "NPCFR_PLUS", "averaging": "QUADRATIC"},
 *   "training": { distribution, architecture, variant, averaging, horizon, loss, steps, batchSize,
 *                 learningRate, gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed,
 *                 optional: warmup, initialWeights {model, weightsCrc32}, evolutionStrategies {sigma, pairs,
 *                 headOnly}, optimizer ("SGD"; absent means Adam) },
 *   "trainedSteps": 2000,
 *   "parameterCount": 3595,
 *   "parametersCrc32": "1a2b3c4d",        // CRC-32 of the weights' IEEE-754 bits, big-endian
 *   "parameters": [ ... ]                 // the cell's flat layout (GruCell / MlpCell)
 * }
 * </pre>
 * Doubles are written in Java's shortest round-trip form, so a written model reads back bit for bit. Reading
 * rejects, with a {@link ModelFormatException} naming the problem: text that is not one complete JSON document
 * (truncated or corrupt), another format, a newer version, missing or invalid fields, a parameter count that does
 * not match the architecture, and a checksum mismatch (edited or damaged weights). Writing is atomic
 * ({@link AtomicFiles}). Stateless and thread-safe.
 */
public final class ModelFile {

    /** The {@code format} value of model files. */
    public static final String FORMAT = "nashforge-npcfr-model";
    /** The newest version this code reads and the one it writes. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** The model as file bytes. */
    public static byte[] toBytes(NpcfrModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("architecture", ConfigJson.architecture(model.architecture()));
        ObjectNode solver = root.putObject("solver");
        solver.put("variant", model.variant().name());
        solver.put("averaging", model.averaging().name());
        root.set("training", ConfigJson.training(model.training()));
        root.put("trainedSteps", model.trainedSteps());
        double[] p = model.parameters();
        root.put("parameterCount", p.length);
        root.put("parametersCrc32", JsonFields.crc32(p));
        JsonFields.array(root, "parameters", p);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the model: " + e.getMessage(), e);
        }
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(Path path, NpcfrModel model) {
        AtomicFiles.write(path, toBytes(model));
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException if the file is not a usable model (see the class doc)
     * @throws UncheckedIOException if it cannot be read
     */
    public static NpcfrModel read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model file " + path + ": " + e.getMessage(), e);
        }
        return fromBytes(bytes, path.toString());
    }

    /** Reads a model from a class-path resource, e.g. a model shipped in the jar. */
    public static NpcfrModel readResource(String resource) {
        try (InputStream in = ModelFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelFormatException("model resource " + resource + " is not on the class path");
            }
            return fromBytes(in.readAllBytes(), "resource " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read model resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses model file bytes; {@code source} names the file in error messages. */
    public static NpcfrModel fromBytes(byte[] bytes, String source) {
        JsonNode root = parse(bytes, source);
        JsonFields f = new JsonFields(source);
        checkHeader(root, f, source, FORMAT, VERSION, "NPCFR model");
        try {
            PredictorArchitecture architecture = ConfigJson.architecture(f.node(root, "architecture"), f);
            JsonNode solver = f.node(root, "solver");
            SolverVariant variant = f.enumValue(solver, "variant", SolverVariant.class);
            AveragingWeights averaging = f.enumValue(solver, "averaging", AveragingWeights.class);
            TrainingConfig training = ConfigJson.training(f.node(root, "training"), f);
            int steps = (int) f.integer(root, "trainedSteps");
            long count = f.integer(root, "parameterCount");
            double[] p = f.doubles(root, "parameters");
            if (p.length != count) {
                throw new ModelFormatException(source + ": parameterCount says " + count + " but " + p.length
                        + " parameters are stored; the file is damaged");
            }
            int expected = new PredictorNetwork(architecture).parameterCount();
            if (p.length != expected) {
                throw new ModelFormatException(source + ": " + p.length + " parameters do not fit the architecture "
                        + architecture + ", which needs " + expected + "; the file is inconsistent");
            }
            String crc = f.text(root, "parametersCrc32");
            String actual = JsonFields.crc32(p);
            if (!crc.equalsIgnoreCase(actual)) {
                throw new ModelFormatException(source + ": checksum mismatch (stored " + crc + ", computed " + actual
                        + "): the weights were modified or damaged; use an intact copy of the model");
            }
            return new NpcfrModel(architecture, variant, averaging, training, steps, p);
        } catch (ModelFormatException e) {
            if (e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        }
    }

    static JsonNode parse(byte[] bytes, String source) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new ModelFormatException(source + ": not a JSON object; is this a NashForge model file?");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(source + ": not a complete JSON document (truncated or corrupt file?): "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void checkHeader(JsonNode root, JsonFields f, String source, String format, int version, String what) {
        JsonNode fmt = root.get("format");
        if (fmt == null || !fmt.isTextual()) {
            throw new ModelFormatException(source + ": no 'format' header; this is not a NashForge " + what + " file");
        }
        if (!format.equals(fmt.asText())) {
            throw new ModelFormatException(source + ": format is '" + fmt.asText() + "', expected '" + format
                    + "'; this is not a NashForge " + what + " file");
        }
        long v = f.integer(root, "version");
        if (v < 1 || v > version) {
            throw new ModelFormatException(source + ": " + what + " version " + v + " is not supported (this build"
                    + " reads versions 1.." + version + "); upgrade NashForge or re-export the file");
        }
    }
}

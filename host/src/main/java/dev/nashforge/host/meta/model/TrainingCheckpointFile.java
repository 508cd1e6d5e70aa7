package dev.nashforge.host.meta.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.TrainingConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Training checkpoints: JSON {@code {"format": "nashforge-npcfr-training-checkpoint", "version": 1, "training":
 * {...}, "step": n, "adamStep": n, "crc32": "...", "parameters": [...], "firstMoment": [...], "secondMoment":
 * [...]}}, the CRC-32 covering the three arrays. Written atomically ({@link AtomicFiles}: temp file, fsync, atomic
 * move), so a crash leaves the previous checkpoint intact. Reading errors are {@link ModelFormatException}s.
 */
public final class TrainingCheckpointFile {

    public static final String FORMAT = "nashforge-npcfr-training-checkpoint";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrainingCheckpointFile() {
    }

    public static void write(Path path, TrainingCheckpoint c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("training", ConfigJson.training(c.config()));
        root.put("step", c.step());
        root.put("adamStep", c.adamStep());
        double[] p = c.parameters();
        double[] m = c.firstMoment();
        double[] v = c.secondMoment();
        root.put("crc32", JsonFields.crc32(p, m, v));
        JsonFields.array(root, "parameters", p);
        JsonFields.array(root, "firstMoment", m);
        JsonFields.array(root, "secondMoment", v);
        try {
            AtomicFiles.write(path, MAPPER.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the training checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * @throws ModelFormatException if the file is not a usable checkpoint
     */
    public static TrainingCheckpoint read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read training checkpoint " + path + ": " + e.getMessage(), e);
        }
        String source = path.toString();
        JsonNode root = ModelFile.parse(bytes, source);
        JsonFields f = new JsonFields(source);
        ModelFile.checkHeader(root, f, source, FORMAT, VERSION, "training checkpoint");
        TrainingConfig config;
        try {
            config = ConfigJson.training(f.node(root, "training"), f);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        }
        double[] p = f.doubles(root, "parameters");
        double[] m = f.doubles(root, "firstMoment");
        double[] v = f.doubles(root, "secondMoment");
        int expected = new PredictorNetwork(config.architecture()).parameterCount();
        if (p.length != expected || m.length != expected || v.length != expected) {
            throw new ModelFormatException(source + ": the arrays do not fit " + config.architecture() + " ("
                    + expected + " parameters); the checkpoint is damaged");
        }
        String crc = f.text(root, "crc32");
        if (!crc.equalsIgnoreCase(JsonFields.crc32(p, m, v))) {
            throw new ModelFormatException(source + ": checksum mismatch; the checkpoint is damaged — delete it to"
                    + " restart training, or restore an intact copy");
        }
        return new TrainingCheckpoint(config, (int) f.integer(root, "step"), p, m, v, f.integer(root, "adamStep"));
    }
}

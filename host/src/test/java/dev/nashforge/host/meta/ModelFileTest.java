package dev.nashforge.host.meta;

import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.ModelFormatException;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.solver.LearnedModel;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model file format: exact round trip, and a clear error for every kind of damaged or foreign file. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static NpcfrModel model() {
        TrainingConfig config = TrainingConfig.biasedShapleyDefaults(42);
        PredictorArchitecture arch = PredictorArchitecture.gru(3);
        config = new TrainingConfig(config.distribution(), arch, config.variant(), config.averaging(),
                config.horizon(), config.loss(), 7, config.batchSize(), config.learningRate(), config.gradientClip(),
                config.evaluationSize(), config.evaluationEvery(), config.checkpointInterval(), config.seed());
        double[] p = new PredictorNetwork(arch).initialParameters(new SplittableRandom(1));
        p[0] = Math.PI * 1e-7; // a value whose shortest decimal form is long
        return new NpcfrModel(arch, SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC, config, 7, p);
    }

    private String text() {
        return new String(ModelFile.toBytes(model()), StandardCharsets.UTF_8);
    }

    private ModelFormatException readFails(String content) throws Exception {
        Path p = dir.resolve("bad.npcfr");
        Files.writeString(p, content);
        return assertThrows(ModelFormatException.class, () -> ModelFile.read(p));
    }

    @Test
    void warmUpRoundTripsAndIsOptionalForOlderFiles() throws Exception {
        NpcfrModel m = model();
        TrainingConfig c = m.training();
        TrainingConfig warm = new TrainingConfig(c.distribution(), c.architecture(), c.variant(), c.averaging(),
                c.horizon(), c.loss(), c.steps(), c.batchSize(), c.learningRate(), c.gradientClip(),
                c.evaluationSize(), c.evaluationEvery(), c.checkpointInterval(), c.seed(), 448);
        Path p = dir.resolve("warm.npcfr");
        ModelFile.write(p, new NpcfrModel(m.architecture(), m.variant(), m.averaging(), warm, 7, m.parameters()));
        assertTrue(Files.readString(p).contains("\"warmup\""));
        assertEquals(448, ModelFile.read(p).training().warmup());
        assertTrue(!text().contains("\"warmup\""), "a run without warm-up writes the format as before");
        assertEquals(0, m.training().warmup());
    }

    @Test
    void logarithmicLossRoundTripsAndIsOptionalForOlderFiles() throws Exception {
        NpcfrModel m = model();
        TrainingConfig c = m.training();
        MetaLoss logLoss = new MetaLoss(c.loss().correlation(), c.loss().nashGap(), c.loss().cceGap(),
                c.loss().schedule(), true);
        TrainingConfig log = new TrainingConfig(c.distribution(), c.architecture(), c.variant(), c.averaging(),
                c.horizon(), logLoss, c.steps(), c.batchSize(), c.learningRate(), c.gradientClip(),
                c.evaluationSize(), c.evaluationEvery(), c.checkpointInterval(), c.seed(), 448);
        Path p = dir.resolve("log.npcfr");
        ModelFile.write(p, new NpcfrModel(m.architecture(), m.variant(), m.averaging(), log, 7, m.parameters()));
        assertTrue(Files.readString(p).contains("\"logarithmic\" : true")
                || Files.readString(p).contains("\"logarithmic\":true"), Files.readString(p));
        assertEquals(log, ModelFile.read(p).training());
        assertTrue(!text().contains("\"logarithmic\""), "a linear loss writes the format as before");
        assertTrue(!m.training().loss().logarithmic());
        ModelFormatException e = readFails(Files.readString(p).replace("true", "\"yes\""));
        assertTrue(e.getMessage().contains("logarithmic"), e.getMessage());
    }

    @Test
    void lastIterateLossTermRoundTripsAndIsOptionalForOlderFiles() throws Exception {
        NpcfrModel m = model();
        TrainingConfig c = m.training();
        MetaLoss last = new MetaLoss(c.loss().correlation(), c.loss().nashGap(), c.loss().cceGap(),
                c.loss().schedule(), false, 0.25);
        TrainingConfig withLast = new TrainingConfig(c.distribution(), c.architecture(), c.variant(), c.averaging(),
                c.horizon(), last, c.steps(), c.batchSize(), c.learningRate(), c.gradientClip(),
                c.evaluationSize(), c.evaluationEvery(), c.checkpointInterval(), c.seed(), 0);
        Path p = dir.resolve("last.npcfr");
        ModelFile.write(p, new NpcfrModel(m.architecture(), m.variant(), m.averaging(), withLast, 7,
                m.parameters()));
        assertTrue(Files.readString(p).contains("\"lastIterateNashGap\""), Files.readString(p));
        assertEquals(withLast, ModelFile.read(p).training());
        assertEquals(0.25, ModelFile.read(p).training().loss().lastIterateNashGap(), 0.0);
        assertTrue(!text().contains("\"lastIterateNashGap\""), "a loss without the term writes the format as before");
        assertEquals(0.0, m.training().loss().lastIterateNashGap(), 0.0);
        ModelFormatException e = readFails(Files.readString(p).replaceAll("\"lastIterateNashGap\"\\s*:\\s*0\\.25",
                "\"lastIterateNashGap\" : -1"));
        assertTrue(e.getMessage().contains("lastIterateNashGap"), e.getMessage());
    }

    @Test
    void alternatingUpdatesRoundTripAndAreOptionalForOlderFiles() throws Exception {
        NpcfrModel m = model();
        TrainingConfig alternating = m.training().withUpdates(UpdateMode.ALTERNATING);
        Path p = dir.resolve("alternating.npcfr");
        NpcfrModel written = new NpcfrModel(m.architecture(), m.variant(), m.averaging(), alternating, 7,
                m.parameters());
        ModelFile.write(p, written);
        assertTrue(Files.readString(p).contains("\"updates\" : \"alternating\""), Files.readString(p));
        assertEquals(alternating, ModelFile.read(p).training());
        assertTrue(!text().contains("\"updates\""), "simultaneous training writes the format as before");
        assertEquals(UpdateMode.SIMULTANEOUS, m.training().updates());
        // NPCFR with such a model runs its updates by default
        LearnedModel learned = new LearnedModel("alt", written);
        assertEquals(UpdateMode.ALTERNATING, SolverConfig.npcfrPlus(learned).updates());
        assertEquals(UpdateMode.SIMULTANEOUS, SolverConfig.npcfrPlus(new LearnedModel("sim", m)).updates());
        ModelFormatException e = readFails(Files.readString(p).replace("\"updates\" : \"alternating\"",
                "\"updates\" : \"sometimes\""));
        assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
    }

    @Test
    void warmUpDrawsAreReproducibleAndCoverEveryChoice() {
        TrainingConfig c = TrainingConfig.biasedShapleyDefaults(1);
        assertEquals(0, c.warmupOf(12345L, 3));
        TrainingConfig warm = new TrainingConfig(c.distribution(), c.architecture(), c.variant(), c.averaging(), 64,
                c.loss(), 1, 1, 1e-3, 1, 1, 1, 0, 1, 300);
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int b = 0; b < 200; b++) {
            int w = warm.warmupOf(777L, b);
            assertEquals(w, warm.warmupOf(777L, b));
            seen.add(w);
        }
        assertEquals(java.util.Set.of(0, 64, 128, 256, 300), seen);
    }

    @Test
    void roundTripIsExact() throws Exception {
        NpcfrModel m = model();
        Path p = dir.resolve("m.npcfr");
        ModelFile.write(p, m);
        NpcfrModel back = ModelFile.read(p);
        assertArrayEquals(m.parameters(), back.parameters(), 0.0);
        assertEquals(m.architecture(), back.architecture());
        assertEquals(m.training(), back.training());
        assertEquals(m.variant(), back.variant());
        assertEquals(m.averaging(), back.averaging());
        assertEquals(7, back.trainedSteps());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the atomic write leaves no temporary file behind");
        }
    }

    @Test
    void truncatedFile() throws Exception {
        String t = text();
        ModelFormatException e = readFails(t.substring(0, t.length() / 2));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void notAModelFile() throws Exception {
        assertTrue(readFails("[1, 2, 3]").getMessage().contains("not a JSON object"));
        assertTrue(readFails("{\"a\": 1}").getMessage().contains("no 'format' header"));
        ModelFormatException e = readFails(text().replace(ModelFile.FORMAT, "something-else"));
        assertTrue(e.getMessage().contains("expected '" + ModelFile.FORMAT + "'"), e.getMessage());
    }

    @Test
    void newerVersion() throws Exception {
        ModelFormatException e = readFails(text().replace("\"version\" : 1", "\"version\" : 2"));
        assertTrue(e.getMessage().contains("version 2 is not supported"), e.getMessage());
    }

    @Test
    void modifiedWeights() throws Exception {
        NpcfrModel m = model();
        String t = text();
        String first = Double.toString(m.parameters()[0]);
        assertTrue(t.contains(first));
        ModelFormatException e = readFails(t.replace(first, "0.5"));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void weightsThatDoNotFitTheArchitecture() throws Exception {
        ModelFormatException e = readFails(text().replace("\"hiddenSize\" : 3", "\"hiddenSize\" : 4"));
        assertTrue(e.getMessage().contains("do not fit the architecture"), e.getMessage());
        ModelFormatException count = readFails(text().replaceFirst("\"parameterCount\" : \\d+",
                "\"parameterCount\" : 5"));
        assertTrue(count.getMessage().contains("parameterCount says 5"), count.getMessage());
    }

    @Test
    void missingOrInvalidFields() throws Exception {
        ModelFormatException e = readFails(text().replace("\"solver\"", "\"solverX\""));
        assertTrue(e.getMessage().contains("missing field 'solver'"), e.getMessage());
        ModelFormatException cell = readFails(text().replace("\"GRU\"", "\"LSTM\""));
        assertTrue(cell.getMessage().contains("unknown value 'LSTM'"), cell.getMessage());
        ModelFormatException features = readFails(text().replace("\"features\" : 10", "\"features\" : 12"));
        assertTrue(features.getMessage().contains("12 input features"), features.getMessage());
    }

    @Test
    void modelsRejectWrongParameterCounts() {
        NpcfrModel m = model();
        assertThrows(IllegalArgumentException.class, () -> new NpcfrModel(m.architecture(), m.variant(), m.averaging(),
                m.training(), 1, Arrays.copyOf(m.parameters(), 3)));
    }
}

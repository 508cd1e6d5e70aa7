package dev.nashforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.solver.ShippedModels;
import dev.nashforge.opencl.OpenClBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nash train}, {@code nash compare}, {@code nash models} and {@code solve --algo npcfr+}, in process. */
class NpcfrCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void trainTinyRunWritesALoadableModelAndResumes() throws IOException {
        Path model = dir.resolve("tiny.npcfr");
        NashRun run = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "3",
                "--batch", "2", "--eval-size", "2", "--eval-every", "2", "--hidden", "4", "--threads", "1",
                "--out", model.toString(), "--progress", "never");
        run.assertSuccess();
        assertTrue(run.out().contains("3 steps"), run.out());
        NpcfrModel m = ModelFile.read(model);
        assertEquals(3, m.trainedSteps());
        assertEquals(4, m.training().horizon());
        assertTrue(Files.exists(TrainCommand.checkpointOf(model)), "atomic training checkpoint kept");
        // an existing checkpoint without --resume is refused; with --resume and more steps it continues
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "3",
                "--batch", "2", "--eval-size", "2", "--eval-every", "2", "--hidden", "4", "--threads", "1",
                "--out", model.toString(), "--progress", "never").assertError(CliErrorHandler.FAILURE);
        assertTrue(error.contains("--resume"), error);
        NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "5", "--batch", "2",
                "--eval-size", "2", "--eval-every", "2", "--hidden", "4", "--threads", "1", "--out", model.toString(),
                "--progress", "never", "--resume").assertSuccess();
        assertEquals(5, ModelFile.read(model).trainedSteps());
        // the trained file is usable right away
        NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--model", model.toString(), "--iterations", "32",
                "--backend", "cpu", "--progress", "never").assertSuccess();
    }

    @Test
    void trainWithAWarmUpRecordsItAndReportsTheLongerEvaluation() throws IOException {
        Path model = dir.resolve("warm.npcfr");
        NashRun run = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--warmup", "12",
                "--steps", "2", "--batch", "3", "--eval-size", "2", "--eval-every", "2", "--hidden", "4", "--threads",
                "1", "--out", model.toString(), "--progress", "never");
        run.assertSuccess();
        assertTrue(run.out().contains("held-out median NashGap after 16 iterations"), run.out());
        assertTrue(run.out().contains("bytes per unrolled iteration and game"), run.out());
        assertEquals(12, ModelFile.read(model).training().warmup());
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--warmup", "-1", "--out",
                dir.resolve("bad.npcfr").toString(), "--progress", "never").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("warmup"), error);
    }

    @Test
    void trainJsonDescribesTheRunAndTheModelItWrote() throws IOException {
        Path model = dir.resolve("j.npcfr");
        NashRun run = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--warmup", "12",
                "--steps", "2", "--batch", "3", "--eval-size", "2", "--eval-every", "2", "--hidden", "4", "--threads",
                "1", "--seed", "7", "--out", model.toString(), "--progress", "never", "--json");
        run.assertSuccess();
        JsonNode root = MAPPER.readTree(run.out());
        NpcfrModel written = ModelFile.read(model);
        assertEquals(model.toString(), root.get("model").asText());
        assertEquals(TrainCommand.checkpointOf(model).toString(), root.get("checkpoint").asText());
        assertEquals(dev.nashforge.host.meta.model.JsonFields.crc32(written.parameters()),
                root.get("weightsCrc32").asText());
        assertEquals("npcfr+", root.get("trainedFor").asText());
        assertEquals(written.training().distribution(), root.get("distribution").asText());
        assertEquals(7, root.get("seed").asLong());
        assertTrue(root.get("initialWeights").isNull());
        assertEquals(2, root.get("steps").asInt());
        assertEquals(16, root.get("heldOut").get("iterations").asInt());
        assertEquals(2, root.get("heldOut").get("games").asInt());
        assertTrue(root.get("heldOut").get("nashGapMedian").asDouble() > 0);
        assertEquals("reverse-mode", root.get("estimator").asText());
        assertTrue(root.get("bytesPerIteration").asLong() > 0);
        assertTrue(Double.isFinite(root.get("finalLoss").asDouble()));
        assertEquals(1, root.get("threads").asInt());
    }

    @Test
    void trainWithAlternatingUpdatesMakesThemTheModelsDefault() throws IOException {
        Path model = dir.resolve("alt.npcfr");
        JsonNode trained = MAPPER.readTree(NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4",
                "--steps", "2", "--batch", "2", "--eval-size", "2", "--eval-every", "2", "--hidden", "4", "--threads",
                "1", "--updates", "alternating", "--out", model.toString(), "--progress", "never", "--json")
                .assertSuccess().out());
        assertEquals("alternating", trained.get("updates").asText());
        assertEquals(dev.nashforge.host.solver.UpdateMode.ALTERNATING, ModelFile.read(model).training().updates());
        JsonNode solved = MAPPER.readTree(NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--model",
                model.toString(), "--iterations", "16", "--backend", "cpu", "--json", "--progress", "never")
                .assertSuccess().out());
        assertEquals("alternating", solved.get("updates").asText(), "the model's update mode is npcfr+'s default");
        JsonNode overridden = MAPPER.readTree(NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--model",
                model.toString(), "--updates", "simultaneous", "--iterations", "16", "--backend", "cpu", "--json",
                "--progress", "never").assertSuccess().out());
        assertEquals("simultaneous", overridden.get("updates").asText());
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--updates", "sometimes", "--out",
                dir.resolve("bad.npcfr").toString(), "--progress", "never").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("sometimes"), error);
    }

    @Test
    void trainWithTheRegretHeadStartRecordsIt() throws IOException {
        Path model = dir.resolve("regret.npcfr");
        NashRun run = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "0",
                "--eval-size", "2", "--hidden", "4", "--threads", "1", "--head-start", "regret", "--out",
                model.toString(), "--progress", "never", "--json");
        JsonNode trained = MAPPER.readTree(run.assertSuccess().out());
        assertEquals("regret", trained.get("headStart").asText());
        assertTrue(trained.get("finalLoss").isNull(), "no step, no loss: " + trained.get("finalLoss"));
        assertEquals(dev.nashforge.host.meta.train.HeadStart.REGRET, ModelFile.read(model).training().headStart());
        String text = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "0",
                "--eval-size", "2", "--hidden", "4", "--threads", "1", "--head-start", "regret", "--out",
                dir.resolve("regret2.npcfr").toString(), "--progress", "never").assertSuccess().out();
        assertTrue(text.contains("head start: regret"), text);
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--head-start", "zero", "--out",
                dir.resolve("bad.npcfr").toString(), "--progress", "never").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("zero") && error.contains("random or regret"), error);
    }

    @Test
    void trainInitStartsFromAModelAndRecordsIt() throws IOException {
        Path base = dir.resolve("base.npcfr");
        NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "2", "--batch", "2",
                "--eval-size", "2", "--hidden", "4", "--threads", "1", "--out", base.toString(), "--progress",
                "never").assertSuccess();
        NpcfrModel start = ModelFile.read(base);
        Path tuned = dir.resolve("tuned.npcfr");
        // no --hidden: the network is the model's; a log-scale loss with a warm-up, on another game family
        NashRun run = NashRun.of("train", "--distribution", "kuhn_poker(noise=0.2)", "--init", base.toString(),
                "--horizon", "4", "--warmup", "8", "--loss-scale", "log", "--steps", "2", "--batch", "2", "--eval-size",
                "2", "--threads", "1", "--out", tuned.toString(), "--progress", "never");
        run.assertSuccess();
        assertTrue(run.out().contains("GRU-4") && run.out().contains("started from the weights of"), run.out());
        NpcfrModel m = ModelFile.read(tuned);
        assertEquals(start.architecture(), m.architecture());
        assertEquals(base.toString(), m.training().initialWeights().model());
        assertEquals(dev.nashforge.host.meta.model.JsonFields.crc32(start.parameters()),
                m.training().initialWeights().weightsCrc32());
        assertTrue(m.training().loss().logarithmic());
        assertTrue(!java.util.Arrays.equals(start.parameters(), m.parameters()), "two steps changed the weights");
        // a fine-tuned model is usable everywhere a model is (compare derives its held-out seed from the config)
        NashRun.of("compare", "kuhn_poker(noise=0.2)", "--model", tuned.toString(), "--algos", "npcfr+,pcfr+",
                "--iterations", "16", "--instances", "2", "--backend", "cpu", "--progress", "never").assertSuccess();
        // a conflicting network, or a model that does not exist, is a usage error naming the option
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--init", base.toString(), "--hidden",
                "8", "--out", dir.resolve("x.npcfr").toString(), "--progress", "never")
                .assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("--init") && error.contains("GRU-4"), error);
        error = NashRun.of("train", "--distribution", "biased_shapley", "--init", dir.resolve("none.npcfr").toString(),
                "--out", dir.resolve("y.npcfr").toString(), "--progress", "never").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("--init") && error.contains("none.npcfr"), error);
        error = NashRun.of("train", "--distribution", "biased_shapley", "--loss-scale", "cubic", "--out",
                dir.resolve("z.npcfr").toString(), "--progress", "never").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("--loss-scale"), error);
    }

    @Test
    void trainWithEvolutionStrategiesSaysSoAndRecordsIt() throws IOException {
        Path model = dir.resolve("es.npcfr");
        NashRun run = NashRun.of("train", "--distribution", "biased_shapley", "--hidden", "4", "--horizon", "4",
                "--estimator", "es", "--es-pairs", "2", "--es-sigma", "0.05", "--steps", "2", "--batch", "2",
                "--eval-size", "2", "--threads", "1", "--out", model.toString(), "--progress", "never");
        run.assertSuccess();
        assertTrue(run.out().contains("evolution strategies: 2 antithetic pairs") && !run.out().contains("reverse-mode"),
                run.out());
        assertEquals(2, ModelFile.read(model).training().smoothing().pairs());
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--es-pairs", "2", "--out",
                dir.resolve("x.npcfr").toString(), "--progress", "never").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("--estimator es"), error);
    }

    @Test
    void trainDivergenceIsAOneLineError() {
        Path model = dir.resolve("diverge.npcfr");
        String error = NashRun.of("train", "--distribution", "biased_shapley", "--horizon", "4", "--steps", "3",
                "--batch", "2", "--eval-size", "2", "--eval-every", "1", "--hidden", "4", "--threads", "1",
                "--learning-rate", "1.7e308", "--clip", "0", "--out", model.toString(), "--progress", "never")
                .assertError(CliErrorHandler.FAILURE);
        assertTrue(error.contains("meta-training stopped"), error);
        assertFalse(Files.exists(model), "no model written after divergence");
    }

    @Test
    void compareJsonFollowsTheContract() throws IOException {
        NashRun run = NashRun.of("compare", "biased_shapley", "--algos", "npcfr+,pcfr+", "--iterations", "64",
                "--instances", "3", "--json", "--backend", "cpu", "--progress", "never");
        run.assertSuccess();
        JsonNode root = MAPPER.readTree(run.out());
        for (String key : List.of("game", "distribution", "backend", "device", "precision", "instances", "seed",
                "evaluationSeed", "seedRule", "model", "iterations", "stoppedBy", "notRun", "algorithms")) {
            assertTrue(root.has(key), key + " in " + root);
        }
        assertTrue(root.get("stoppedBy").isNull() && root.get("notRun").isEmpty(), "a completed comparison");
        assertEquals(2, root.get("algorithms").size());
        JsonNode npcfr = root.get("algorithms").get(0);
        assertEquals("npcfr+", npcfr.get("algorithm").asText());
        assertEquals("simultaneous", npcfr.get("updates").asText());
        assertEquals(64, npcfr.get("iterationsCompleted").asInt());
        assertEquals("alternating", root.get("algorithms").get(1).get("updates").asText());
        JsonNode cps = npcfr.get("checkpoints");
        assertEquals(List.of(16, 32, 64), List.of(cps.get(0).get("iteration").asInt(), cps.get(1).get("iteration")
                .asInt(), cps.get(2).get("iteration").asInt()));
        for (JsonNode cp : cps) {
            assertTrue(cp.get("nashGap").has("median") && cp.get("nashGap").has("p90"), cp.toString());
            assertTrue(cp.get("cceGap").has("median") && cp.get("totalCorrelation").has("median"), cp.toString());
            assertTrue(cp.has("fractionBelow1e-3") && cp.has("fractionBelow1e-5"), cp.toString());
            assertTrue(cp.get("nashGap").get("median").asDouble() <= cp.get("nashGap").get("p90").asDouble());
        }
        assertEquals("biased_shapley", root.get("model").get("name").asText());
    }

    @Test
    void compareHelpListsEveryShippedModel() {
        String help = NashRun.of("compare", "--help").assertSuccess().out();
        for (String name : ShippedModels.names()) {
            assertTrue(help.contains("  " + name + " "), name + " missing from the help:\n" + help);
        }
    }

    @Test
    void compareRunsBothUpdateModesOfOneAlgorithm() throws IOException {
        JsonNode root = MAPPER.readTree(NashRun.of("compare", "biased_shapley", "--algos",
                "npcfr+,npcfr+@alternating,pcfr+@simultaneous,pcfr+", "--iterations", "32", "--instances", "2",
                "--json", "--backend", "cpu", "--progress", "never").assertSuccess().out());
        JsonNode algos = root.get("algorithms");
        assertEquals(4, algos.size());
        String[] labels = {"npcfr+@simultaneous", "npcfr+@alternating", "pcfr+@simultaneous", "pcfr+@alternating"};
        for (int k = 0; k < 4; k++) {
            assertEquals(labels[k], algos.get(k).get("label").asText());
            assertEquals(labels[k].substring(labels[k].indexOf('@') + 1), algos.get(k).get("updates").asText());
        }
        // the two modes are different runs: their NashGap differs at T = 32
        for (int k = 0; k < 4; k += 2) {
            double a = algos.get(k).get("checkpoints").get(1).get("nashGap").get("median").asDouble();
            double b = algos.get(k + 1).get("checkpoints").get(1).get("nashGap").get("median").asDouble();
            assertNotEquals(a, b, labels[k] + " vs " + labels[k + 1]);
        }
        String text = NashRun.of("compare", "biased_shapley", "--algos", "pcfr+,pcfr+@simultaneous",
                "--iterations", "16", "--instances", "2", "--backend", "cpu", "--progress", "never").assertSuccess()
                .out();
        assertTrue(text.contains("pcfr+@alternating") && text.contains("pcfr+@simultaneous"), text);
        assertTrue(text.contains(": 2 held-out instances,"), text);
        String one = NashRun.of("compare", "biased_shapley", "--algos", "pcfr+", "--iterations", "16", "--instances",
                "1", "--backend", "cpu", "--progress", "never").assertSuccess().out();
        assertTrue(one.contains(": 1 held-out instance,"), one);
        String error = NashRun.of("compare", "biased_shapley", "--algos", "pcfr+,pcfr+@alternating",
                "--iterations", "16", "--instances", "2").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("listed twice"), error);
        error = NashRun.of("compare", "biased_shapley", "--algos", "pcfr+@sideways", "--iterations", "16",
                "--instances", "2").assertError(CliErrorHandler.USAGE);
        assertTrue(error.contains("sideways"), error);
    }

    @Test
    void compareSamplesHeldOutSeedsDisjointFromTraining() throws IOException {
        JsonNode root = MAPPER.readTree(NashRun.of("compare", "biased_shapley", "--algos", "npcfr+",
                "--iterations", "16", "--instances", "2", "--seed", "7", "--json", "--backend", "cpu",
                "--progress", "never").assertSuccess().out());
        long e = root.get("evaluationSeed").asLong();
        assertEquals(15, e, "E = 2*seed+1");
        assertFalse(CompareSeeds.isTrainingSeed(e), "training minibatch seeds are even");
        long heldOut = root.get("model").get("heldOutSeed").asLong();
        assertNotEquals(heldOut, e, "never the model's held-out games");
        assertEquals(CompareSeeds.heldOutSeed(ShippedModels.resolve("biased_shapley")), heldOut);
        // the one --seed that would hit the held-out set is refused
        long clash = (heldOut - 1) / 2;
        String error = NashRun.of("compare", "biased_shapley", "--algos", "npcfr+", "--iterations", "16",
                "--instances", "2", "--seed", Long.toString(clash), "--backend", "cpu", "--progress", "never")
                .assertError(CliErrorHandler.FAILURE);
        assertTrue(error.contains("held-out"), error);
    }

    @Test
    void missingModelIsAOneLineError() {
        String error = NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--model",
                dir.resolve("absent.npcfr").toString(), "--iterations", "8").assertError(CliErrorHandler.FAILURE);
        assertTrue(error.contains("neither a shipped model"), error);
        String none = NashRun.of("solve", "kuhn_poker", "--algo", "npcfr+", "--iterations", "8")
                .assertError(CliErrorHandler.FAILURE);
        assertTrue(none.contains("none ships for kuhn_poker"), none);
    }

    @Test
    void corruptModelIsAOneLineError() throws IOException {
        Path bad = dir.resolve("bad.npcfr");
        byte[] good = ModelFile.toBytes(ShippedModels.resolve("biased_shapley").model());
        Files.write(bad, new String(good, StandardCharsets.UTF_8).substring(0, good.length / 2)
                .getBytes(StandardCharsets.UTF_8));
        String error = NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--model", bad.toString(),
                "--iterations", "8").assertError(CliErrorHandler.FAILURE);
        assertTrue(error.contains("truncated or corrupt"), error);
    }

    @Test
    void npcfrOnOpenClRunsTheForwardPassOnTheDeviceOrSaysWhyNot() throws IOException {
        NashRun run = NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--iterations", "64", "--json",
                "--backend", "opencl");
        if (!new OpenClBackend().availability().available()) {
            // without an OpenCL platform the backend is unavailable and says so
            assertEquals(CliErrorHandler.FAILURE, run.exitCode(), run.err());
            assertTrue(run.err().contains("opencl"), run.err());
            return;
        }
        // the network's forward pass runs as OpenCL kernels: the same solve as on the CPU backend (double, 1e-12)
        JsonNode device = MAPPER.readTree(run.assertSuccess().out());
        JsonNode cpu = MAPPER.readTree(NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--iterations", "64",
                "--json", "--backend", "cpu").assertSuccess().out());
        assertEquals("opencl", device.get("backend").asText());
        assertEquals("biased_shapley", device.get("model").get("name").asText());
        assertSameNashGaps(cpu, device);
    }

    /** The two solves' NashGaps agree to 1e-12 at every checkpoint. */
    private static void assertSameNashGaps(JsonNode cpu, JsonNode device) {
        JsonNode a = cpu.get("checkpoints");
        JsonNode b = device.get("checkpoints");
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).get("nashGap").asDouble(), b.get(k).get("nashGap").asDouble(), 1e-12,
                    "checkpoint " + a.get(k).get("iteration"));
        }
    }

    @Test
    void alternatingUpdatesRunOnEveryBackend() throws IOException {
        NashRun run = NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--updates", "alternating",
                "--iterations", "32", "--backend", "cpu", "--json", "--progress", "never");
        run.assertSuccess();
        JsonNode cpu = MAPPER.readTree(run.out());
        assertEquals("alternating", cpu.get("updates").asText(), run.out());
        if (new OpenClBackend().availability().available()) {
            // the per-player network pass runs as an OpenCL launch on that player's rows: the same solve (1e-12)
            JsonNode device = MAPPER.readTree(NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--updates",
                    "alternating", "--iterations", "32", "--backend", "opencl", "--json", "--progress", "never")
                    .assertSuccess().out());
            assertEquals("opencl", device.get("backend").asText());
            assertEquals("alternating", device.get("updates").asText());
            assertSameNashGaps(cpu, device);
        }
        // CUDA runs it too (the network kernel on one player's rows); without a driver it says it is unavailable
        NashRun cuda = NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--updates", "alternating",
                "--iterations", "8", "--backend", "cuda", "--progress", "never");
        if (cuda.exitCode() != 0) {
            assertTrue(cuda.err().contains("unavailable"), cuda.err());
        }
    }

    @Test
    void solveNpcfrPlusJsonRecordsTheModel() throws IOException {
        JsonNode root = MAPPER.readTree(NashRun.of("solve", "biased_shapley", "--algo", "npcfr+", "--model",
                "biased_shapley", "--iterations", "64", "--json", "--backend", "cpu").assertSuccess().out());
        assertEquals("npcfr+", root.get("algorithm").asText());
        assertEquals("learned", root.get("prediction").asText());
        assertEquals("simultaneous", root.get("updates").asText());
        assertEquals("biased_shapley", root.get("model").get("name").asText());
        assertEquals(ShippedModels.resolve("biased_shapley").weightsCrc32(),
                root.get("model").get("weightsCrc32").asText());
        assertEquals("cpu", root.get("backend").asText());
    }

    @Test
    void modelsListsTheShippedModel() {
        String out = NashRun.of("models").assertSuccess().out();
        assertTrue(out.contains("biased_shapley") && out.contains("npcfr+"), out);
    }
}

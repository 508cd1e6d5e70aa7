package dev.nashforge.host.meta;

import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.ModelFormatException;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.model.JsonFields;
import dev.nashforge.host.meta.nn.NetworkTape;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.train.HeadStart;
import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.meta.train.TrainingConfig;
import dev.nashforge.host.meta.train.TrainingProgress;
import dev.nashforge.host.meta.train.WarmStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nash train --head-start regret}: the head's weights on the hidden state start at zero, so the untrained
 * network predicts {@code m = B_I tanh(r/B_I)} for any recurrent state and inputs; every other weight is the one the
 * seed (or {@code --init}) gives; the model file records the choice, and older files read as {@code random}.
 */
class HeadStartTest {

    @TempDir
    Path dir;

    private static TrainingConfig config(PredictorArchitecture architecture, HeadStart start) {
        return new TrainingConfig("kuhn_poker(noise=0.3)", architecture, SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, 4, new MetaLoss(1, 1, 0, LossSchedule.UNIFORM), 0, 2, 1e-3, 1.0, 2, 1, 0,
                17).withHeadStart(start);
    }

    private static double[] untrained(TrainingConfig c) {
        return new MetaTrainer(c, 1).train(null, TrainingProgress.none()).model().parameters();
    }

    @Test
    void theUntrainedNetworkPredictsTheDampedRegretWhateverItsState() {
        for (PredictorArchitecture a : new PredictorArchitecture[] {PredictorArchitecture.gru(6),
                PredictorArchitecture.mlp(5)}) {
            double[] regret = untrained(config(a, HeadStart.REGRET));
            double[] random = untrained(config(a, HeadStart.RANDOM));
            PredictorNetwork network = new PredictorNetwork(a);
            int head = regret.length - network.headParameterCount();
            for (int k = 0; k < regret.length; k++) {
                double expected = k >= head && k < head + a.hiddenSize() ? 0.0 : random[k];
                assertEquals(expected, regret[k], 0.0, a + ": weight " + k + " (only w_h is zeroed)");
            }
            assertTrue(maxDeviation(network, regret) < 1e-15, a + ": m = B tanh(r/B) exactly");
            assertTrue(maxDeviation(network, random) > 1e-3,
                    a + ": with the random head the prediction is not B tanh(r/B) (the check can fail)");
        }
    }

    /**
     * The untrained head-start network of bench/RESULTS.md (GRU-8 without iteration feature, seed 1; measured there
     * on three-player Leduc) has CRC-32 5be4ecf8: the seed's draw depends on the network and the seed only, so any
     * distribution reproduces it.
     */
    @Test
    void theDocumentedUntrainedNetworkReproduces() {
        TrainingConfig c = new TrainingConfig("kuhn_poker(noise=0.3)", new PredictorArchitecture(
                dev.nashforge.host.meta.nn.CellKind.GRU, 8, dev.nashforge.host.meta.nn.IterationFeature.NONE),
                SolverVariant.NPCFR_PLUS, AveragingWeights.QUADRATIC, 4, new MetaLoss(1, 1, 0, LossSchedule.UNIFORM),
                0, 2, 1e-3, 1.0, 1, 1, 0, 1).withHeadStart(HeadStart.REGRET);
        assertEquals("5be4ecf8", JsonFields.crc32(untrained(c)));
    }

    /** Largest |m − B_I tanh(r/B_I)| / B_I over the rows of Kuhn poker, for random inputs and recurrent state. */
    private static double maxDeviation(PredictorNetwork network, double[] params) {
        MetaTestGames g = MetaTestGames.kuhn();
        MetaLayout l = g.layout;
        SplittableRandom rnd = new SplittableRandom(3);
        int n = l.numSequences();
        double[] bound = new double[l.numInfosets()];
        for (int k = 0; k < bound.length; k++) {
            bound[k] = 0.5 + 2 * rnd.nextDouble();
        }
        double[] regret = new double[n];
        double[] cumulative = new double[n];
        double[] prediction = new double[n];
        double[] strategy = new double[n];
        for (int s = 0; s < n; s++) {
            regret[s] = 2 * rnd.nextDouble() - 1;
            cumulative[s] = 3 * rnd.nextDouble();
            prediction[s] = rnd.nextDouble() - 0.5;
            strategy[s] = rnd.nextDouble();
        }
        double[] stateIn = new double[n * network.stateSize()];
        for (int k = 0; k < stateIn.length; k++) {
            stateIn[k] = 2 * rnd.nextDouble() - 1;
        }
        double[] stateOut = new double[stateIn.length];
        double[] next = new double[n];
        NetworkTape tape = network.newTape(l);
        network.forward(params, l, bound, 7, regret, cumulative, prediction, strategy, stateIn, stateOut, next, tape,
                null);
        double worst = 0;
        for (int s = 0; s < n; s++) {
            int infoset = l.sequenceInfoset()[s];
            if (infoset >= 0) {
                double b = bound[infoset];
                worst = Math.max(worst, Math.abs(next[s] - b * Math.tanh(regret[s] / b)) / b);
            }
        }
        return worst;
    }

    @Test
    void withInitTheModelsOtherWeightsAreKept() {
        TrainingConfig base = config(PredictorArchitecture.gru(6), HeadStart.RANDOM);
        double[] start = untrained(base);
        for (int k = 0; k < start.length; k++) {
            start[k] += 0.01 * k; // weights no seed draws
        }
        TrainingConfig fine = new TrainingConfig(base.distribution(), base.architecture(), base.variant(),
                base.averaging(), base.horizon(), base.loss(), 0, base.batchSize(), base.learningRate(),
                base.gradientClip(), base.evaluationSize(), base.evaluationEvery(), base.checkpointInterval(),
                base.seed(), 0, new WarmStart("start", JsonFields.crc32(start)), null)
                .withHeadStart(HeadStart.REGRET);
        double[] p = new MetaTrainer(fine, 1, start).train(null, TrainingProgress.none()).model().parameters();
        int head = p.length - new PredictorNetwork(base.architecture()).headParameterCount();
        for (int k = 0; k < p.length; k++) {
            assertEquals(k >= head && k < head + 6 ? 0.0 : start[k], p[k], 0.0, "weight " + k);
        }
    }

    @Test
    void theModelFileRecordsTheHeadStartAndOlderFilesReadAsRandom() throws Exception {
        TrainingConfig c = config(PredictorArchitecture.gru(6), HeadStart.REGRET);
        NpcfrModel m = new NpcfrModel(c.architecture(), c.variant(), c.averaging(), c, 0, untrained(c));
        Path p = dir.resolve("regret.npcfr");
        ModelFile.write(p, m);
        String text = Files.readString(p);
        assertTrue(text.contains("\"headStart\" : \"regret\""), text);
        assertEquals(HeadStart.REGRET, ModelFile.read(p).training().headStart());

        TrainingConfig r = config(PredictorArchitecture.gru(6), HeadStart.RANDOM);
        Path q = dir.resolve("random.npcfr");
        ModelFile.write(q, new NpcfrModel(r.architecture(), r.variant(), r.averaging(), r, 0, untrained(r)));
        assertFalse(Files.readString(q).contains("headStart"), "the default writes the format as before");
        assertEquals(HeadStart.RANDOM, ModelFile.read(q).training().headStart());

        Files.writeString(p, text.replace("\"headStart\" : \"regret\"", "\"headStart\" : \"zero\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(p));
        assertTrue(e.getMessage().contains("zero") && e.getMessage().contains("regret"), e.getMessage());
    }
}

package dev.nashforge.host.meta;

import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The network's forward pass on one player's rows (alternating NPCFR on the CPU backend) gives exactly the rows of
 * the full pass, for the GRU and the MLP, and leaves every other row of its outputs untouched.
 */
class NetworkRowRangeTest {

    @Test
    void onePlayersRowsEqualTheFullPassAndNothingElseIsWritten() {
        MetaTestGames g = MetaTestGames.kuhn();
        MetaLayout l = g.layout;
        int s = l.numSequences();
        for (PredictorArchitecture arch : new PredictorArchitecture[] {PredictorArchitecture.gru(5),
                PredictorArchitecture.mlp(5)}) {
            PredictorNetwork net = new PredictorNetwork(arch);
            SplittableRandom r = new SplittableRandom(3);
            double[] p = net.initialParameters(r);
            for (int k = 0; k < p.length; k++) {
                p[k] += 0.3 * (2 * r.nextDouble() - 1);
            }
            int hs = s * net.stateSize();
            double[] reg = random(r, s, -0.3, 0.3);
            double[] cum = random(r, s, 0, 0.6);
            double[] pred = random(r, s, -0.3, 0.3);
            double[] sigma = random(r, s, 0, 1);
            double[] h = random(r, hs, -0.5, 0.5);
            double[] fullState = new double[hs];
            double[] fullNext = new double[s];
            net.forward(p, l, g.instance.bound(), 7, reg, cum, pred, sigma, h, fullState, fullNext, net.newTape(l),
                    null);
            for (int player = 0; player < l.numPlayers(); player++) {
                int from = l.sequenceOffset()[player];
                int to = l.sequenceOffset()[player + 1];
                double[] state = new double[hs];
                double[] next = new double[s];
                java.util.Arrays.fill(state, -7.0);
                java.util.Arrays.fill(next, -7.0);
                net.forward(p, l, g.instance.bound(), 7, reg, cum, pred, sigma, h, state, next, net.newTape(l),
                        null, from, to);
                for (int q = 0; q < s; q++) {
                    boolean in = q >= from && q < to;
                    assertEquals(in ? fullNext[q] : -7.0, next[q], 0.0, arch.cell() + " player " + player + " row " + q);
                    for (int k = 0; k < net.stateSize(); k++) {
                        int i = q * net.stateSize() + k;
                        assertEquals(in ? fullState[i] : -7.0, state[i], 0.0, arch.cell() + " state row " + q);
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> net.forward(p, l, g.instance.bound(), 7, reg, cum,
                    pred, sigma, h, new double[hs], new double[s], net.newTape(l), null, 0, s + 1));
        }
    }

    private static double[] random(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }
}

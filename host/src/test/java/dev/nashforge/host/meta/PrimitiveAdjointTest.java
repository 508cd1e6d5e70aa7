package dev.nashforge.host.meta;

import dev.nashforge.host.meta.nn.GruCell;
import dev.nashforge.host.meta.nn.MlpCell;
import dev.nashforge.host.meta.nn.NetworkTape;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorCell;
import dev.nashforge.host.meta.nn.PredictorFeatures;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.ops.CceGapOp;
import dev.nashforge.host.meta.ops.CounterfactualValueOp;
import dev.nashforge.host.meta.ops.InstantaneousRegretOp;
import dev.nashforge.host.meta.ops.JointAverageOp;
import dev.nashforge.host.meta.ops.KinkMonitor;
import dev.nashforge.host.meta.ops.NashGapOp;
import dev.nashforge.host.meta.ops.RealizationPlanOp;
import dev.nashforge.host.meta.ops.RegretMatchingOp;
import dev.nashforge.host.meta.ops.RegretUpdateOp;
import dev.nashforge.host.meta.ops.TotalCorrelationOp;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hand-written adjoint of the meta-gradient, one primitive at a time, against central finite differences
 * (relative error ≤ 1e-6) on random inputs away from kinks, on a random bimatrix game, a random three-player
 * game, and two- and three-player Kuhn poker with payoff noise.
 */
class PrimitiveAdjointTest {

    private static double[] random(SplittableRandom r, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Random positive behaviour-like values (normalized per infoset) on the layout. */
    private static double[] behaviour(MetaLayout l, SplittableRandom r) {
        double[] s = random(r, l.numSequences(), 0.2, 1);
        for (int g = 0; g < l.numInfosets(); g++) {
            double sum = 0;
            for (int a = 0; a < l.infosetActions()[g]; a++) {
                sum += s[l.infosetFirst()[g] + a];
            }
            for (int a = 0; a < l.infosetActions()[g]; a++) {
                s[l.infosetFirst()[g] + a] /= sum;
            }
        }
        return s;
    }

    private static double[] plans(MetaLayout l, double[] sigma) {
        double[] x = new double[l.numSequences()];
        RealizationPlanOp.forward(l, sigma, x);
        return x;
    }

    @Test
    void regretMatching() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(1);
            double[] regret = random(r, l.numSequences(), -1, 1);
            double[] pred = random(r, l.numSequences(), -1, 1);
            // one infoset on the uniform fallback, the rest away from the kink of [.]+
            for (int s = 0; s < regret.length; s++) {
                if (Math.abs(regret[s] + pred[s]) < 0.05) {
                    pred[s] += 0.1;
                }
            }
            int f = l.infosetFirst()[0];
            for (int a = 0; a < l.infosetActions()[0]; a++) {
                regret[f + a] = -1;
                pred[f + a] = -0.5;
            }
            double[] w = random(r, l.numSequences(), -1, 1);
            double[] sigma = new double[l.numSequences()];
            RegretMatchingOp.forward(l, regret, pred, sigma, null);
            double[] rBar = new double[regret.length];
            double[] mBar = new double[regret.length];
            RegretMatchingOp.backward(l, regret, pred, sigma, w, rBar, mBar);
            double[] out = new double[l.numSequences()];
            FiniteDifferences.check(g + " regret matching d/dR", regret, () -> {
                RegretMatchingOp.forward(l, regret, pred, out, null);
                return dot(w, out);
            }, rBar);
            FiniteDifferences.check(g + " regret matching d/dm", pred, () -> {
                RegretMatchingOp.forward(l, regret, pred, out, null);
                return dot(w, out);
            }, mBar);
        }
    }

    @Test
    void realizationPlans() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(2);
            double[] sigma = behaviour(l, r);
            double[] w = random(r, l.numSequences(), -1, 1);
            double[] x = plans(l, sigma);
            double[] xBar = w.clone();
            double[] sBar = new double[sigma.length];
            RealizationPlanOp.backward(l, sigma, x, xBar, sBar);
            double[] out = new double[x.length];
            FiniteDifferences.check(g + " plans", sigma, () -> {
                RealizationPlanOp.forward(l, sigma, out);
                return dot(w, out);
            }, sBar);
        }
    }

    @Test
    void counterfactualValues() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(3);
            double[] x = plans(l, behaviour(l, r));
            double[] w = random(r, l.numSequences(), -1, 1);
            double[] xBar = new double[x.length];
            CounterfactualValueOp.backward(l, g.instance.chanceReach(), g.instance.utility(), x, w, xBar);
            double[] v = new double[x.length];
            FiniteDifferences.check(g + " counterfactual values", x, () -> {
                CounterfactualValueOp.forward(l, g.instance.chanceReach(), g.instance.utility(), x, v);
                return dot(w, v);
            }, xBar);
        }
    }

    @Test
    void instantaneousRegrets() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(4);
            double[] sigma = behaviour(l, r);
            double[] v = random(r, l.numSequences(), -1, 1);
            double[] w = random(r, l.numSequences(), -1, 1);
            double[] q = new double[v.length];
            double[] reg = new double[v.length];
            InstantaneousRegretOp.forward(l, sigma, v, q, reg);
            double[] vBar = new double[v.length];
            double[] sBar = new double[v.length];
            InstantaneousRegretOp.backward(l, sigma, q, w, vBar, sBar, new double[v.length]);
            FiniteDifferences.check(g + " regrets d/dv", v, () -> {
                InstantaneousRegretOp.forward(l, sigma, v, q, reg);
                return dot(w, reg);
            }, vBar);
            FiniteDifferences.check(g + " regrets d/dsigma", sigma, () -> {
                InstantaneousRegretOp.forward(l, sigma, v, q, reg);
                return dot(w, reg);
            }, sBar);
        }
    }

    @Test
    void regretUpdate() {
        SplittableRandom r = new SplittableRandom(5);
        for (boolean plus : new boolean[] {true, false}) {
            double[] prev = random(r, 20, 0, 1);
            double[] reg = random(r, 20, -1, 1);
            for (int s = 0; s < 20; s++) {
                if (Math.abs(prev[s] + reg[s]) < 0.05) {
                    reg[s] += 0.1;
                }
            }
            double[] w = random(r, 20, -1, 1);
            double[] pBar = new double[20];
            double[] rBar = new double[20];
            RegretUpdateOp.backward(plus, prev, reg, w, pBar, rBar);
            double[] next = new double[20];
            FiniteDifferences.check("regret update plus=" + plus + " d/dR", prev, () -> {
                RegretUpdateOp.forward(plus, prev, reg, next, null);
                return dot(w, next);
            }, pBar);
            FiniteDifferences.check("regret update plus=" + plus + " d/dr", reg, () -> {
                RegretUpdateOp.forward(plus, prev, reg, next, null);
                return dot(w, next);
            }, rBar);
        }
    }

    @Test
    void jointAverages() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(6);
            int s = l.numSequences();
            int z = l.numTerminals();
            int nz = l.numPlayers() * z;
            double[] x = plans(l, behaviour(l, r));
            double[] avg = random(r, s, 0, 1);
            double[] joint = random(r, z, 0, 1);
            double[] opp = random(r, nz, 0, 1);
            double[] wa = random(r, s, -1, 1);
            double[] wj = random(r, z, -1, 1);
            double[] wo = random(r, nz, -1, 1);
            double f = 0.3;
            double[] xBar = new double[s];
            double[] aBar = new double[s];
            double[] jBar = new double[z];
            double[] oBar = new double[nz];
            JointAverageOp.backward(l, f, x, wa, wj, wo, aBar, jBar, oBar, xBar);
            double[] an = new double[s];
            double[] jn = new double[z];
            double[] on = new double[nz];
            java.util.function.DoubleSupplier loss = () -> {
                JointAverageOp.forward(l, f, x, avg, an, joint, jn, opp, on);
                return dot(wa, an) + dot(wj, jn) + dot(wo, on);
            };
            FiniteDifferences.check(g + " averages d/dx", x, loss, xBar);
            FiniteDifferences.check(g + " averages d/dxbar", avg, loss, aBar);
            FiniteDifferences.check(g + " averages d/dJ", joint, loss, jBar);
            FiniteDifferences.check(g + " averages d/dy", opp, loss, oBar);
        }
    }

    @Test
    void totalCorrelation() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(7);
            double[] avg = plans(l, behaviour(l, r));
            double[] joint = new double[l.numTerminals()];
            for (int z = 0; z < joint.length; z++) {
                double p = 1;
                for (int i = 0; i < l.numPlayers(); i++) {
                    p *= avg[l.terminalSequence()[i * l.numTerminals() + z]];
                }
                joint[z] = p * (0.5 + r.nextDouble());
            }
            double[] aBar = new double[avg.length];
            double[] jBar = new double[joint.length];
            TotalCorrelationOp.backward(l, 1.0, g.instance.chanceReach(), avg, joint, aBar, jBar);
            FiniteDifferences.check(g + " TC d/dxbar", avg,
                    () -> TotalCorrelationOp.forward(l, g.instance.chanceReach(), avg, joint), aBar);
            FiniteDifferences.check(g + " TC d/dJ", joint,
                    () -> TotalCorrelationOp.forward(l, g.instance.chanceReach(), avg, joint), jBar);
        }
    }

    @Test
    void nashGapAndCceGap() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(8);
            NashGapOp nash = new NashGapOp(l);
            CceGapOp cce = new CceGapOp(l);
            double[] c = g.instance.chanceReach();
            double[] u = g.instance.utility();
            double[] avg = plans(l, behaviour(l, r));
            KinkMonitor kinks = new KinkMonitor();
            nash.forward(c, u, avg, kinks);
            assertTrue(kinks.margin() > 1e-3, g + ": random point too close to a best-response tie");
            double[] aBar = new double[avg.length];
            nash.backward(1.0, c, u, avg, aBar);
            FiniteDifferences.check(g + " NashGap", avg, () -> nash.forward(c, u, avg, null), aBar);

            double[] opp = random(r, l.numPlayers() * l.numTerminals(), 0, 1);
            double[] joint = random(r, l.numTerminals(), 0, 1);
            double[] oBar = new double[opp.length];
            double[] jBar = new double[joint.length];
            cce.backward(1.0, c, u, opp, oBar, jBar);
            FiniteDifferences.check(g + " CCEGap d/dy", opp, () -> cce.forward(c, u, opp, joint, null), oBar);
            FiniteDifferences.check(g + " CCEGap d/dJ", joint, () -> cce.forward(c, u, opp, joint, null), jBar);
        }
    }

    @Test
    void features() {
        for (MetaTestGames g : MetaTestGames.all()) {
            MetaLayout l = g.layout;
            SplittableRandom r = new SplittableRandom(9);
            int s = l.numSequences();
            double[] reg = random(r, s, -1, 1);
            double[] cum = random(r, s, -3, 3);
            double[] pred = random(r, s, -1, 1);
            double[] sigma = behaviour(l, r);
            double[] w = random(r, s * PredictorFeatures.COUNT, -1, 1);
            double[] bound = g.instance.bound();
            double[] phi = new double[s * PredictorFeatures.COUNT];
            double[] rBar = new double[s];
            double[] cBar = new double[s];
            double[] pBar = new double[s];
            double[] sBar = new double[s];
            PredictorFeatures.backward(l, bound, reg, cum, w, rBar, cBar, pBar, sBar);
            java.util.function.DoubleSupplier loss = () -> {
                PredictorFeatures.forward(l, bound, 0.5, reg, cum, pred, sigma, phi, null);
                return dot(w, phi);
            };
            FiniteDifferences.check(g + " features d/dr", reg, loss, rBar);
            FiniteDifferences.check(g + " features d/dR", cum, loss, cBar);
            FiniteDifferences.check(g + " features d/dm", pred, loss, pBar);
            FiniteDifferences.check(g + " features d/dsigma", sigma, loss, sBar);
        }
    }

    @Test
    void cells() {
        int rows = 5;
        int inputs = PredictorFeatures.COUNT;
        for (PredictorCell cell : new PredictorCell[] {new GruCell(inputs, 6), new MlpCell(inputs, 6)}) {
            SplittableRandom r = new SplittableRandom(10);
            double[] p = random(r, cell.parameterCount(), -0.8, 0.8);
            double[] x = random(r, rows * inputs, -1.5, 1.5);
            double[] h = random(r, rows * cell.stateSize(), -0.9, 0.9);
            double[] wo = random(r, rows, -1, 1);
            double[] wh = random(r, rows * cell.stateSize(), -1, 1);
            double[] h2 = new double[h.length];
            double[] o = new double[rows];
            double[] tape = new double[rows * cell.tapeSize()];
            cell.forward(p, 0, rows, x, h, h2, o, tape);
            double[] xBar = new double[x.length];
            double[] hBar = new double[h.length];
            double[] grad = new double[p.length];
            cell.backward(p, 0, rows, x, h, h2, tape, wo, wh, xBar, hBar, grad);
            java.util.function.DoubleSupplier loss = () -> {
                double[] hh = new double[h.length];
                double[] oo = new double[rows];
                cell.forward(p, 0, rows, x, h, hh, oo, new double[rows * cell.tapeSize()]);
                return dot(wo, oo) + dot(wh, hh);
            };
            String name = cell.getClass().getSimpleName();
            FiniteDifferences.check(name + " d/dparams", p, loss, grad);
            FiniteDifferences.check(name + " d/dinput", x, loss, xBar);
            if (cell.stateSize() > 0) {
                FiniteDifferences.check(name + " d/dstate", h, loss, hBar);
            }
        }
    }

    @Test
    void boundedNetworkOutput() {
        MetaTestGames g = MetaTestGames.kuhn();
        MetaLayout l = g.layout;
        for (PredictorArchitecture arch : new PredictorArchitecture[] {PredictorArchitecture.gru(5),
                PredictorArchitecture.mlp(5)}) {
            PredictorNetwork net = new PredictorNetwork(arch);
            SplittableRandom r = new SplittableRandom(11);
            double[] p = net.initialParameters(r);
            for (int k = 0; k < p.length; k++) {
                p[k] += 0.3 * (2 * r.nextDouble() - 1);
            }
            int s = l.numSequences();
            int hs = s * net.stateSize();
            double[] reg = random(r, s, -0.2, 0.2);
            double[] cum = random(r, s, 0, 0.5);
            double[] pred = random(r, s, -0.2, 0.2);
            double[] sigma = behaviour(l, r);
            double[] h = random(r, hs, -0.5, 0.5);
            double[] wm = random(r, s, -1, 1);
            double[] wh = random(r, hs, -1, 1);
            double[] h2 = new double[hs];
            double[] m2 = new double[s];
            NetworkTape tape = net.newTape(l);
            double[] bound = g.instance.bound();
            net.forward(p, l, bound, 3, reg, cum, pred, sigma, h, h2, m2, tape, null);
            for (int q = 0; q < s; q++) {
                int inf = l.sequenceInfoset()[q];
                assertTrue(Math.abs(m2[q]) <= (inf < 0 ? 0 : bound[inf]), "prediction exceeds its bound");
            }
            double[] grad = new double[p.length];
            double[] rBar = new double[s];
            double[] cBar = new double[s];
            double[] pBar = new double[s];
            double[] sBar = new double[s];
            double[] hBar = new double[hs];
            net.backward(p, l, bound, reg, cum, h, h2, tape, wm, wh, rBar, cBar, pBar, sBar, hBar, grad);
            java.util.function.DoubleSupplier loss = () -> {
                double[] hh = new double[hs];
                double[] mm = new double[s];
                net.forward(p, l, bound, 3, reg, cum, pred, sigma, h, hh, mm, net.newTape(l), null);
                return dot(wm, mm) + dot(wh, hh);
            };
            FiniteDifferences.check(arch.cell() + " network d/dparams", p, loss, grad);
            FiniteDifferences.check(arch.cell() + " network d/dr", reg, loss, rBar);
            FiniteDifferences.check(arch.cell() + " network d/dR", cum, loss, cBar);
            FiniteDifferences.check(arch.cell() + " network d/dm", pred, loss, pBar);
            FiniteDifferences.check(arch.cell() + " network d/dsigma", sigma, loss, sBar);
            if (hs > 0) {
                FiniteDifferences.check(arch.cell() + " network d/dstate", h, loss, hBar);
            }
        }
    }
}

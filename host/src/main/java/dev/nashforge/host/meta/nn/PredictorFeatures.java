package dev.nashforge.host.meta.nn;

import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.ops.KinkMonitor;

/**
 * The network's inputs per (infoset I, action a) at iteration t (method.md §5), normalized by the infoset's
 * payoff scale {@code κ_I = B_I} (the regret bound of {@code PredictionBounds}; 1 where {@code B_I = 0}):
 * <ol start="0">
 *   <li>{@code r/κ} — instantaneous regret of iteration t;</li>
 *   <li>{@code asinh(R/κ)} — cumulative regret after the update of iteration t (asinh keeps the sign and is
 *       linear near 0, logarithmic for the large |R| of NPCFR);</li>
 *   <li>{@code m/κ} — the prediction used at iteration t;</li>
 *   <li>{@code σ(a|I)} — the strategy of iteration t;</li>
 *   <li>{@code mean_b r/κ}, 5. {@code max_b r/κ}, 6. {@code mean_b asinh(R/κ)}, 7. {@code max_b asinh(R/κ)} —
 *       pooled over the infoset's actions;</li>
 *   <li value="8">the {@link IterationFeature} of t;</li>
 *   <li>{@code 1/|A(I)|}.</li>
 * </ol>
 * Rows are global sequences ({@code phi[s * COUNT + k]}); the rows of the empty sequences are 0. Max pooling's
 * subgradient goes to the first maximal action. Stateless and thread-safe.
 */
public final class PredictorFeatures {

    /** Number of features per row. */
    public static final int COUNT = 10;

    private PredictorFeatures() {
    }

    static double scale(double bound) {
        return bound > 0 ? bound : 1.0;
    }

    /** Writes {@code phi} {@code [sequence][COUNT]}; inputs are {@code [sequence]}, bound {@code [infoset]}. */
    public static void forward(MetaLayout layout, double[] bound, double iteration, double[] regret,
                               double[] cumulative, double[] prediction, double[] strategy, double[] phi,
                               KinkMonitor kinks) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        for (int i = 0; i < layout.numPlayers(); i++) {
            java.util.Arrays.fill(phi, layout.sequenceOffset()[i] * COUNT, (layout.sequenceOffset()[i] + 1) * COUNT,
                    0.0);
        }
        for (int g = 0; g < layout.numInfosets(); g++) {
            int f = first[g];
            int n = actions[g];
            double k = scale(bound[g]);
            double meanR = 0;
            double maxR = Double.NEGATIVE_INFINITY;
            double secondR = Double.NEGATIVE_INFINITY;
            double meanA = 0;
            double maxA = Double.NEGATIVE_INFINITY;
            double secondA = Double.NEGATIVE_INFINITY;
            for (int s = f; s < f + n; s++) {
                double rho = regret[s] / k;
                double a = asinh(cumulative[s] / k);
                meanR += rho;
                meanA += a;
                if (rho > maxR) {
                    secondR = maxR;
                    maxR = rho;
                } else if (rho > secondR) {
                    secondR = rho;
                }
                if (a > maxA) {
                    secondA = maxA;
                    maxA = a;
                } else if (a > secondA) {
                    secondA = a;
                }
            }
            if (kinks != null && n > 1) {
                // a tie of exact zeros is structural (regrets at an infoset the opponents do not reach, regrets
                // clipped by RM+), it persists under small perturbations and is no kink
                if (maxR != 0 || secondR != 0) {
                    kinks.observe(maxR - secondR);
                }
                if (maxA != 0 || secondA != 0) {
                    kinks.observe(maxA - secondA);
                }
            }
            meanR /= n;
            meanA /= n;
            for (int s = f; s < f + n; s++) {
                int o = s * COUNT;
                phi[o] = regret[s] / k;
                phi[o + 1] = asinh(cumulative[s] / k);
                phi[o + 2] = prediction[s] / k;
                phi[o + 3] = strategy[s];
                phi[o + 4] = meanR;
                phi[o + 5] = maxR;
                phi[o + 6] = meanA;
                phi[o + 7] = maxA;
                phi[o + 8] = iteration;
                phi[o + 9] = 1.0 / n;
            }
        }
    }

    /** Adds the adjoints of the inputs given {@code phiBar} {@code [sequence][COUNT]} (not modified). */
    public static void backward(MetaLayout layout, double[] bound, double[] regret, double[] cumulative,
                                double[] phiBar, double[] regretBar, double[] cumulativeBar, double[] predictionBar,
                                double[] strategyBar) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        for (int g = 0; g < layout.numInfosets(); g++) {
            int f = first[g];
            int n = actions[g];
            double k = scale(bound[g]);
            int argR = f;
            int argA = f;
            double sumMeanR = 0;
            double sumMaxR = 0;
            double sumMeanA = 0;
            double sumMaxA = 0;
            for (int s = f; s < f + n; s++) {
                if (regret[s] > regret[argR]) {
                    argR = s;
                }
                if (cumulative[s] > cumulative[argA]) {
                    argA = s;
                }
                int o = s * COUNT;
                sumMeanR += phiBar[o + 4];
                sumMaxR += phiBar[o + 5];
                sumMeanA += phiBar[o + 6];
                sumMaxA += phiBar[o + 7];
            }
            for (int s = f; s < f + n; s++) {
                int o = s * COUNT;
                double rhoBar = phiBar[o] + sumMeanR / n + (s == argR ? sumMaxR : 0);
                double aBar = phiBar[o + 1] + sumMeanA / n + (s == argA ? sumMaxA : 0);
                double u = cumulative[s] / k;
                regretBar[s] += rhoBar / k;
                cumulativeBar[s] += aBar / (k * Math.sqrt(1 + u * u));
                predictionBar[s] += phiBar[o + 2] / k;
                strategyBar[s] += phiBar[o + 3];
            }
        }
    }

    /** asinh(x) = sign(x) · log1p(|x| + x²/(1 + √(1+x²))), accurate near 0 and for large |x|. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return x < 0 ? -r : r;
    }
}

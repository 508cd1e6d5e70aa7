package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * Predictive regret matching at every infoset (method.md §3): {@code θ = [R + m]⁺},
 * {@code σ(a|I) = θ_a / Σ_b θ_b}, uniform when every {@code θ_a} is 0.
 *
 * <p>Arrays are {@code [sequence]} in {@link MetaLayout}'s global numbering; entries of the empty sequences are
 * ignored on input, and σ is 1 there on output.
 *
 * <p><b>Subgradient choice.</b> {@code d[u]⁺/du} is taken as 1 for {@code u > 0} and 0 for {@code u ≤ 0}; at
 * the uniform fallback (all {@code θ = 0}) the strategy is treated as locally constant, so no gradient flows to
 * R or m. Both are the one-sided derivatives from the clipped side; away from these kinks the gradient is exact.
 * Stateless and thread-safe.
 */
public final class RegretMatchingOp {

    private RegretMatchingOp() {
    }

    /**
     * @param regret     {@code [sequence]} cumulative regret R (not modified)
     * @param prediction {@code [sequence]} prediction m (not modified)
     * @param strategy   {@code [sequence]} output σ
     * @param kinks      optional monitor of {@code |R + m|} at infosets not on the uniform fallback
     */
    public static void forward(MetaLayout layout, double[] regret, double[] prediction, double[] strategy,
                               KinkMonitor kinks) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        for (int i = 0; i < layout.numPlayers(); i++) {
            strategy[layout.sequenceOffset()[i]] = 1;
        }
        for (int g = 0; g < layout.numInfosets(); g++) {
            int f = first[g];
            int n = actions[g];
            double sum = 0;
            for (int s = f; s < f + n; s++) {
                double u = regret[s] + prediction[s];
                if (u > 0) {
                    sum += u;
                }
            }
            if (sum > 0) {
                for (int s = f; s < f + n; s++) {
                    double u = regret[s] + prediction[s];
                    strategy[s] = u > 0 ? u / sum : 0;
                    if (kinks != null) {
                        kinks.observe(u);
                    }
                }
            } else {
                for (int s = f; s < f + n; s++) {
                    strategy[s] = 1.0 / n;
                }
            }
        }
    }

    /**
     * Adds the adjoints: {@code regretBar += ∂L/∂R}, {@code predictionBar += ∂L/∂m} given
     * {@code strategyBar = ∂L/∂σ} (not modified). Recomputes θ from R and m.
     */
    public static void backward(MetaLayout layout, double[] regret, double[] prediction, double[] strategy,
                                double[] strategyBar, double[] regretBar, double[] predictionBar) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        for (int g = 0; g < layout.numInfosets(); g++) {
            int f = first[g];
            int n = actions[g];
            double sum = 0;
            for (int s = f; s < f + n; s++) {
                double u = regret[s] + prediction[s];
                if (u > 0) {
                    sum += u;
                }
            }
            if (!(sum > 0)) {
                continue;
            }
            double dot = 0;
            for (int s = f; s < f + n; s++) {
                dot += strategy[s] * strategyBar[s];
            }
            for (int s = f; s < f + n; s++) {
                if (regret[s] + prediction[s] > 0) {
                    double thetaBar = (strategyBar[s] - dot) / sum;
                    regretBar[s] += thetaBar;
                    predictionBar[s] += thetaBar;
                }
            }
        }
    }
}

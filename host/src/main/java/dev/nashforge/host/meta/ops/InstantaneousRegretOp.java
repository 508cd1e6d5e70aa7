package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * Counterfactual action values and instantaneous regrets (method.md §2), bottom-up over the global infosets:
 * {@code q(I,a) = v[(I,a)] + Σ_{J child of (I,a)} V(J)}, {@code V(I) = Σ_a σ(a|I) q(I,a)},
 * {@code r(I,a) = q(I,a) − V(I)}. Arrays {@code [sequence]}, global numbering; on output {@code q} at a
 * player's empty sequence is that player's expected utility and {@code r} there is 0. Stateless, thread-safe.
 */
public final class InstantaneousRegretOp {

    private InstantaneousRegretOp() {
    }

    /** Writes {@code actionValue} (q) and {@code regret} (r) from {@code strategy} and {@code values}. */
    public static void forward(MetaLayout layout, double[] strategy, double[] values, double[] actionValue,
                               double[] regret) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        int[] parent = layout.infosetParent();
        System.arraycopy(values, 0, actionValue, 0, layout.numSequences());
        for (int i = 0; i < layout.numPlayers(); i++) {
            regret[layout.sequenceOffset()[i]] = 0;
        }
        for (int g = layout.numInfosets() - 1; g >= 0; g--) {
            int f = first[g];
            int e = f + actions[g];
            double v = 0;
            for (int s = f; s < e; s++) {
                v += strategy[s] * actionValue[s];
            }
            for (int s = f; s < e; s++) {
                regret[s] = actionValue[s] - v;
            }
            actionValue[parent[g]] += v;
        }
    }

    /**
     * Adds {@code valuesBar += ∂L/∂v} and {@code strategyBar += ∂L/∂σ} given {@code regretBar = ∂L/∂r}
     * (not modified); {@code actionValue} is the forward output, {@code scratch} a {@code [sequence]} work array.
     */
    public static void backward(MetaLayout layout, double[] strategy, double[] actionValue, double[] regretBar,
                                double[] valuesBar, double[] strategyBar, double[] scratch) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        int[] parent = layout.infosetParent();
        double[] qBar = scratch;
        java.util.Arrays.fill(qBar, 0, layout.numSequences(), 0.0);
        for (int g = 0; g < layout.numInfosets(); g++) {
            int f = first[g];
            int e = f + actions[g];
            double vBar = qBar[parent[g]];
            for (int s = f; s < e; s++) {
                vBar -= regretBar[s];
            }
            for (int s = f; s < e; s++) {
                qBar[s] += regretBar[s] + strategy[s] * vBar;
                strategyBar[s] += actionValue[s] * vBar;
            }
        }
        for (int s = 0; s < layout.numSequences(); s++) {
            valuesBar[s] += qBar[s];
        }
    }
}

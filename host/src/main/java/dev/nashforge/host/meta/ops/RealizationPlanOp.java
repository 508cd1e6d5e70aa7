package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * Realization plans of a behaviour profile (method.md §2), top-down over the global infosets:
 * {@code x[∅_i] = 1}, {@code x[(I,a)] = x[parent(I)] · σ(a|I)}. Arrays {@code [sequence]}, global numbering.
 * Stateless and thread-safe.
 */
public final class RealizationPlanOp {

    private RealizationPlanOp() {
    }

    /** Writes {@code plan} from {@code strategy} (not modified). */
    public static void forward(MetaLayout layout, double[] strategy, double[] plan) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        int[] parent = layout.infosetParent();
        for (int i = 0; i < layout.numPlayers(); i++) {
            plan[layout.sequenceOffset()[i]] = 1;
        }
        for (int g = 0; g < layout.numInfosets(); g++) {
            double reach = plan[parent[g]];
            for (int s = first[g]; s < first[g] + actions[g]; s++) {
                plan[s] = reach * strategy[s];
            }
        }
    }

    /**
     * Bottom-up adjoint: {@code strategyBar += ∂L/∂σ}. {@code planBar} holds ∂L/∂x on entry and is
     * <b>modified</b>: the parents' entries accumulate the children's contributions (total derivatives).
     */
    public static void backward(MetaLayout layout, double[] strategy, double[] plan, double[] planBar,
                                double[] strategyBar) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        int[] parent = layout.infosetParent();
        for (int g = layout.numInfosets() - 1; g >= 0; g--) {
            int p = parent[g];
            double reach = plan[p];
            double acc = 0;
            for (int s = first[g]; s < first[g] + actions[g]; s++) {
                strategyBar[s] += planBar[s] * reach;
                acc += planBar[s] * strategy[s];
            }
            planBar[p] += acc;
        }
    }
}

package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * Best response of one player to counterfactual sequence values (method.md §2): bottom-up
 * {@code V(I) = max_a [v[(I,a)] + Σ_J V(J)]}, returning the root value and the pure best-response plan, whose
 * entries are the derivative of that value with respect to {@code v} (ties broken toward the lowest action —
 * the subgradient choice at a kink). Stateless and thread-safe.
 */
public final class BestResponseOp {

    private BestResponseOp() {
    }

    /**
     * @param values  {@code [sequence]} global numbering, read only in the player's range (not modified)
     * @param scratch {@code [sequence]} work array
     * @param plan    optional {@code [sequence]} output: the pure best-response plan in the player's range
     * @param kinks   optional monitor of the gap between the best and second-best action values
     * @return the best-response value
     */
    public static double forward(MetaLayout layout, int player, double[] values, double[] scratch, double[] plan,
                                 KinkMonitor kinks) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        int[] parent = layout.infosetParent();
        int so = layout.sequenceOffset()[player];
        int eo = layout.sequenceOffset()[player + 1];
        System.arraycopy(values, so, scratch, so, eo - so);
        int lo = layout.infosetOffset()[player];
        int hi = layout.infosetOffset()[player + 1];
        for (int g = hi - 1; g >= lo; g--) {
            int f = first[g];
            double best = scratch[f];
            double second = Double.NEGATIVE_INFINITY;
            for (int s = f + 1; s < f + actions[g]; s++) {
                if (scratch[s] > best) {
                    second = best;
                    best = scratch[s];
                } else if (scratch[s] > second) {
                    second = scratch[s];
                }
            }
            if (kinks != null && actions[g] > 1) {
                kinks.observe(best - second);
            }
            scratch[parent[g]] += best;
        }
        double value = scratch[so];
        if (plan != null) {
            plan[so] = 1;
            for (int g = lo; g < hi; g++) {
                int f = first[g];
                int arg = f;
                for (int s = f + 1; s < f + actions[g]; s++) {
                    if (scratch[s] > scratch[arg]) {
                        arg = s;
                    }
                }
                double reach = plan[parent[g]];
                for (int s = f; s < f + actions[g]; s++) {
                    plan[s] = s == arg ? reach : 0;
                }
            }
        }
        return value;
    }
}

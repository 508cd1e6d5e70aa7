package dev.nashforge.host.meta.ops;

/**
 * The cumulative-regret update of method.md §3: {@code R ← [R + r]⁺} (RM+, used by NPCFR+) or
 * {@code R ← R + r} (RM, used by NPCFR). Elementwise over {@code [sequence]} arrays. Subgradient of
 * {@code [·]⁺}: 1 for a positive argument, 0 otherwise. Stateless and thread-safe.
 */
public final class RegretUpdateOp {

    private RegretUpdateOp() {
    }

    /** Writes {@code next} from {@code previous} and {@code regret}; {@code kinks} (optional) sees R + r. */
    public static void forward(boolean plus, double[] previous, double[] regret, double[] next, KinkMonitor kinks) {
        forward(plus, previous, regret, next, kinks, 0, next.length);
    }

    /** {@link #forward(boolean, double[], double[], double[], KinkMonitor)} on the entries {@code from..to−1} only. */
    public static void forward(boolean plus, double[] previous, double[] regret, double[] next, KinkMonitor kinks,
                               int from, int to) {
        for (int s = from; s < to; s++) {
            double u = previous[s] + regret[s];
            if (plus) {
                if (kinks != null && (previous[s] != 0 || regret[s] != 0)) {
                    kinks.observe(u);
                }
                next[s] = u > 0 ? u : 0;
            } else {
                next[s] = u;
            }
        }
    }

    /** Adds {@code previousBar} and {@code regretBar} from {@code nextBar} (not modified). */
    public static void backward(boolean plus, double[] previous, double[] regret, double[] nextBar,
                                double[] previousBar, double[] regretBar) {
        for (int s = 0; s < nextBar.length; s++) {
            if (!plus || previous[s] + regret[s] > 0) {
                previousBar[s] += nextBar[s];
                regretBar[s] += nextBar[s];
            }
        }
    }
}

package dev.nashforge.host.meta;

/** How the meta-loss weighs the iterations {@code t = 1..T} (the λ_t of method.md §5). */
public enum LossSchedule {
    /** {@code λ_t = 1/T} for every t (S = all t ≤ T, the default). */
    UNIFORM,
    /** {@code λ_t = t / Σ_s s}: later iterations count more. */
    LINEAR,
    /** {@code λ_T = 1}, all others 0. */
    FINAL;

    /** {@code [t−1]} the weights λ_1..λ_T, summing to 1. */
    public double[] weights(int horizon) {
        double[] w = new double[horizon];
        double total = 0;
        for (int t = 1; t <= horizon; t++) {
            w[t - 1] = switch (this) {
                case UNIFORM -> 1;
                case LINEAR -> t;
                case FINAL -> t == horizon ? 1 : 0;
            };
            total += w[t - 1];
        }
        for (int t = 0; t < horizon; t++) {
            w[t] /= total;
        }
        return w;
    }
}

package dev.nashforge.host.meta;

/**
 * A read-only view of one completed iteration t of {@link UnrolledSolver#run}, valid only during the observer
 * call (the arrays are the solver's buffers; copy what you keep). All arrays are {@code [sequence]} in
 * {@link MetaLayout}'s global numbering.
 *
 * @param t           the iteration (1-based)
 * @param strategy    σ^t
 * @param plan        x^t
 * @param regret      r^t
 * @param prediction  m^t, the prediction σ^t was computed with
 * @param average     x̄_t, the average plans after iteration t
 * @param joint       J_t {@code [terminal]}, the normalized joint terminal weights after iteration t
 * @param totalWeight W_t
 */
public record IterationView(int t, double[] strategy, double[] plan, double[] regret, double[] prediction,
                            double[] average, double[] joint, double totalWeight) {
}

package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * NashGap of the average plans (method.md §4), {@code Σ_i [max_{x'} u_i(x', x̄_{−i}) − u_i(x̄)]}, and its
 * adjoint: the best-response value's derivative with respect to {@code v_i} is the pure best-response plan
 * (differentiable almost everywhere; ties go to the lowest action). Not thread-safe (scratch arrays); one
 * instance per thread.
 */
public final class NashGapOp {

    private final MetaLayout layout;
    private final double[] values;
    private final double[] valuesBar;
    private final double[] scratch;
    private final double[] bestPlan;

    public NashGapOp(MetaLayout layout) {
        this.layout = layout;
        int s = layout.numSequences();
        this.values = new double[s];
        this.valuesBar = new double[s];
        this.scratch = new double[s];
        this.bestPlan = new double[s];
    }

    /** NashGap of {@code average} {@code [sequence]} plans. */
    public double forward(double[] chance, double[] utility, double[] average, KinkMonitor kinks) {
        CounterfactualValueOp.forward(layout, chance, utility, average, values);
        double gap = 0;
        for (int i = 0; i < layout.numPlayers(); i++) {
            double br = BestResponseOp.forward(layout, i, values, scratch, null, kinks);
            double u = 0;
            for (int s = layout.sequenceOffset()[i]; s < layout.sequenceOffset()[i + 1]; s++) {
                u += average[s] * values[s];
            }
            gap += br - u;
        }
        return gap;
    }

    /** Adds {@code weight · ∂NashGap/∂x̄} to {@code averageBar}. */
    public void backward(double weight, double[] chance, double[] utility, double[] average, double[] averageBar) {
        CounterfactualValueOp.forward(layout, chance, utility, average, values);
        for (int i = 0; i < layout.numPlayers(); i++) {
            BestResponseOp.forward(layout, i, values, scratch, bestPlan, null);
            for (int s = layout.sequenceOffset()[i]; s < layout.sequenceOffset()[i + 1]; s++) {
                valuesBar[s] = weight * (bestPlan[s] - average[s]);
                averageBar[s] -= weight * values[s];
            }
        }
        CounterfactualValueOp.backward(layout, chance, utility, average, valuesBar, averageBar);
    }
}

package dev.nashforge.cli;

import java.util.Arrays;

/**
 * Summary statistics of one metric over the B instances of a batch, as {@code nash solve} reports them.
 *
 * <p>Percentiles interpolate linearly between order statistics (the default of NumPy's {@code percentile}):
 * with the values sorted ascending as v_0 ≤ … ≤ v_{B-1} and h = (B−1)·p, the p-percentile is
 * v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋); the median is the 0.5-percentile. The fractions count instances whose
 * value is strictly below the threshold.
 *
 * @param values            the per-instance values, in instance order (owned by the record)
 * @param median            the 0.5-percentile
 * @param p10               the 0.1-percentile
 * @param p90               the 0.9-percentile
 * @param max               the largest value
 * @param fractionBelow1e3  the fraction of instances with a value &lt; 1e-3
 * @param fractionBelow1e5  the fraction of instances with a value &lt; 1e-5
 */
record BatchStatistics(double[] values, double median, double p10, double p90, double max, double fractionBelow1e3,
                       double fractionBelow1e5) {

    /**
     * The statistics of {@code values} (not modified).
     *
     * @throws IllegalArgumentException if {@code values} is empty or contains NaN
     */
    static BatchStatistics of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("statistics of an empty batch");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a batch metric is NaN: " + Arrays.toString(values));
        }
        int below3 = 0;
        int below5 = 0;
        for (double v : values) {
            below3 += v < 1e-3 ? 1 : 0;
            below5 += v < 1e-5 ? 1 : 0;
        }
        return new BatchStatistics(values.clone(), percentile(sorted, 0.5), percentile(sorted, 0.1),
                percentile(sorted, 0.9), sorted[sorted.length - 1], (double) below3 / values.length,
                (double) below5 / values.length);
    }

    /** The p-percentile (0 ≤ p ≤ 1) of ascending {@code sorted}, interpolated as the class documentation says. */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}

package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.UtilityKind;

import java.util.Arrays;

/**
 * The NashGap of one profile x (method.md §4; OpenSpiel's NashConv): {@code nashGap = Σ_i δ_i} with the
 * deviation incentive {@code δ_i = bestResponseValues[i] − expectedValues[i]}, where {@code expectedValues[i]}
 * is u_i(x) and {@code bestResponseValues[i]} is {@code max_{x'_i} u_i(x'_i, x_{-i})}. All arrays are
 * {@code [player]}. Each δ_i is ≥ 0 up to rounding; it is reported as computed, not clamped.
 *
 * <p>The arrays are owned by the report (the evaluator hands over fresh arrays); do not modify them.
 *
 * @param nashGap             Σ_i δ_i
 * @param deviationIncentives {@code [player]} δ_i
 * @param expectedValues      {@code [player]} u_i(x)
 * @param bestResponseValues  {@code [player]} value of player i's best response against x_{-i}
 * @param utilityKind         how the instance's utilities relate (decides whether exploitability is defined)
 */
public record NashGapReport(double nashGap, double[] deviationIncentives, double[] expectedValues,
                            double[] bestResponseValues, UtilityKind utilityKind) {

    public NashGapReport {
        if (deviationIncentives == null || expectedValues == null || bestResponseValues == null
                || utilityKind == null) {
            throw new IllegalArgumentException("a NashGapReport needs all of its fields; got null");
        }
        if (deviationIncentives.length != expectedValues.length
                || bestResponseValues.length != expectedValues.length) {
            throw new IllegalArgumentException("a NashGapReport needs one entry per player in every array; got "
                    + deviationIncentives.length + " deviation incentives, " + expectedValues.length
                    + " expected values, " + bestResponseValues.length + " best-response values");
        }
    }

    /** Number of players. */
    public int numPlayers() {
        return expectedValues.length;
    }

    /**
     * Exploitability {@code NashGap / 2}, defined only for two-player zero-sum games (method.md §4), and so also
     * for two-player constant-sum games, which differ from a zero-sum game by a constant shift of one player's
     * utilities that changes no δ_i. Otherwise {@code null}: for general-sum or N-player games report the
     * NashGap itself.
     */
    public Double exploitability() {
        if (numPlayers() == 2 && utilityKind != UtilityKind.GENERAL_SUM) {
            return nashGap / 2;
        }
        return null;
    }

    @Override
    public String toString() {
        return "NashGapReport[nashGap=" + nashGap + ", deviationIncentives=" + Arrays.toString(deviationIncentives)
                + ", expectedValues=" + Arrays.toString(expectedValues) + ", bestResponseValues="
                + Arrays.toString(bestResponseValues) + ", utilityKind=" + utilityKind.label() + "]";
    }
}

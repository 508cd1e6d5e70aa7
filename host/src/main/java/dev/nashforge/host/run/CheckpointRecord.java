package dev.nashforge.host.run;

/**
 * The metrics of one game instance at one checkpoint (method.md §4), all evaluated exactly in double on the
 * host from the backend's read-back state. Arrays are {@code [player]} and owned by the record.
 *
 * @param iteration           the number of completed iterations T
 * @param instance            the instance b of the batch
 * @param nashGap             NashGap of the average profile x̄ (the headline metric)
 * @param deviationIncentives {@code [player]} δ_i(x̄)
 * @param expectedValues      {@code [player]} u_i(x̄)
 * @param exploitability      NashGap/2 of x̄ for two-player zero-sum (or constant-sum) games, else null
 * @param nashGapLastIterate  NashGap of the current strategy profile (the last iterate)
 * @param cceGap              CCEGap of the weighted joint play μ (NaN when joint play is not tracked)
 * @param totalCorrelation    total correlation KL(p_μ ‖ p_ν) of μ (NaN when joint play is not tracked)
 */
public record CheckpointRecord(int iteration, int instance, double nashGap, double[] deviationIncentives,
                               double[] expectedValues, Double exploitability, double nashGapLastIterate,
                               double cceGap, double totalCorrelation) {

    public CheckpointRecord {
        if (deviationIncentives == null || expectedValues == null
                || deviationIncentives.length != expectedValues.length) {
            throw new IllegalArgumentException("a checkpoint record needs one deviation incentive and one expected"
                    + " value per player");
        }
    }

    /** True if every field is bit-identical to {@code other}'s (records with arrays compare by reference). */
    public boolean sameValues(CheckpointRecord other) {
        return iteration == other.iteration && instance == other.instance
                && Double.compare(nashGap, other.nashGap) == 0
                && java.util.Arrays.equals(deviationIncentives, other.deviationIncentives)
                && java.util.Arrays.equals(expectedValues, other.expectedValues)
                && java.util.Objects.equals(exploitability, other.exploitability)
                && Double.compare(nashGapLastIterate, other.nashGapLastIterate) == 0
                && Double.compare(cceGap, other.cceGap) == 0
                && Double.compare(totalCorrelation, other.totalCorrelation) == 0;
    }
}

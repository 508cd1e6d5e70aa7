package dev.nashforge.games.layout;

/**
 * The payoff part of one game instance over a {@link GameStructure}: chance reach {@code chanceReach[terminal]}
 * and utilities {@code utility[player][terminal]}. General-sum: the utilities of a terminal need not sum to a
 * constant. Arrays are shared, not copied; callers must not modify them.
 */
public record GameInstance(double[] chanceReach, double[][] utility) {

    /** Smallest and largest utility over all players and terminals reached with positive chance. */
    public double[] payoffRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] u : utility) {
            for (int z = 0; z < u.length; z++) {
                if (chanceReach[z] > 0) {
                    lo = Math.min(lo, u[z]);
                    hi = Math.max(hi, u[z]);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Classifies the utilities: {@link UtilityKind#ZERO_SUM} if every terminal's utilities sum to 0,
     * {@link UtilityKind#CONSTANT_SUM} if they sum to one other constant, else {@link UtilityKind#GENERAL_SUM}
     * (absolute tolerance 1e-9 on the sums).
     */
    public UtilityKind utilityKind() {
        int players = utility.length;
        double first = Double.NaN;
        for (int z = 0; z < chanceReach.length; z++) {
            double sum = 0;
            for (int i = 0; i < players; i++) {
                sum += utility[i][z];
            }
            if (Double.isNaN(first)) {
                first = sum;
            } else if (Math.abs(sum - first) > 1e-9) {
                return UtilityKind.GENERAL_SUM;
            }
        }
        return Double.isNaN(first) || Math.abs(first) <= 1e-9 ? UtilityKind.ZERO_SUM : UtilityKind.CONSTANT_SUM;
    }
}

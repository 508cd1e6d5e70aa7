package dev.nashforge.games.batch;

/**
 * The payoff normalization of every normal-form family (method.md §6): each player's payoffs are mapped
 * affinely onto {@code [0, 1]}, {@code u' = (u - min_i) / (max_i - min_i)} with the player's own minimum and
 * maximum over all outcomes. A positive affine map per player keeps the best responses and so the Nash
 * equilibria; it makes NashGap numbers comparable across games (each player's payoff range is 1). A player whose
 * payoffs are all equal gets 0 everywhere.
 */
public final class UnitRangeNormalization {

    private UnitRangeNormalization() {
    }

    /**
     * @param utility {@code [player][outcome]} payoffs; not modified
     * @return a new {@code [player][outcome]} array, every row spanning exactly {@code [0, 1]} (or all 0)
     * @throws IllegalArgumentException if a payoff is not finite
     */
    public static double[][] normalize(double[][] utility) {
        double[][] out = new double[utility.length][];
        for (int i = 0; i < utility.length; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int z = 0; z < utility[i].length; z++) {
                double u = utility[i][z];
                if (!Double.isFinite(u)) {
                    throw new IllegalArgumentException("payoff of player " + i + " at outcome " + z + " is " + u
                            + "; normalization needs finite payoffs");
                }
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
            double range = hi - lo;
            out[i] = new double[utility[i].length];
            if (range > 0) {
                for (int z = 0; z < out[i].length; z++) {
                    out[i][z] = Math.min(1.0, (utility[i][z] - lo) / range);
                }
            }
        }
        return out;
    }
}

package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.GameStructure;

/**
 * The weighted empirical joint play {@code μ = Σ_t w_t (x_1^t ⊗ … ⊗ x_N^t)} of a run (method.md §4), stored as
 * exactly what the metrics need, every quantity normalized by the total weight {@code W = Σ_t w_t}:
 * <ul>
 *   <li>{@link #averagePlans()} {@code [player][sequence]}: {@code x̄_i = Σ_t w_t x_i^t / W};</li>
 *   <li>{@link #opponentWeights()} {@code [player][terminal]}:
 *       {@code y_i(z) = Σ_t w_t Π_{j≠i} x_j^t[s_j(z)] / W} (the empty product is 1);</li>
 *   <li>{@link #jointWeights()} {@code [terminal]}: {@code J(z) = Σ_t w_t Π_j x_j^t[s_j(z)] / W}.</li>
 * </ul>
 * Chance reach is not included: the instance supplies it when a metric is evaluated. Terminal indices are those
 * of the {@link GameStructure}.
 *
 * <p>Two ways to build one: {@link #empty(GameStructure)} gives a mutable accumulator fed with
 * {@link #add(double, double[][])} (O(N²·terminals) per iterate); {@link #of(double, double[][], double[][],
 * double[])} wraps quantities a backend accumulated itself (already normalized). The accumulator keeps
 * normalized running means, updated as {@code m ← m + (w_t / W_t)(value − m)}, so one added iterate is stored
 * exactly and {@code of(totalWeight(), averagePlans(), opponentWeights(), jointWeights())} reproduces the play.
 *
 * <p>Not thread-safe: {@link #add} modifies the play; the accessors return copies.
 */
public final class JointPlay {

    /** Sequence columns {@code [player][terminal]} for {@link #add}; null for a play built by {@link #of}. */
    private final int[][] terminalSequence;
    private final String gameName;
    private double totalWeight;
    private final double[][] averagePlans;
    private final double[][] opponentWeights;
    private final double[] jointWeights;

    private JointPlay(int[][] terminalSequence, String gameName, double totalWeight, double[][] averagePlans,
                      double[][] opponentWeights, double[] jointWeights) {
        this.terminalSequence = terminalSequence;
        this.gameName = gameName;
        this.totalWeight = totalWeight;
        this.averagePlans = averagePlans;
        this.opponentWeights = opponentWeights;
        this.jointWeights = jointWeights;
    }

    /** An empty accumulator (total weight 0) over {@code structure}; feed it with {@link #add}. */
    public static JointPlay empty(GameStructure structure) {
        int n = structure.numPlayers();
        int z = structure.numTerminals();
        int[][] sequences = new int[n][];
        double[][] plans = new double[n][];
        double[][] opponents = new double[n][z];
        for (int i = 0; i < n; i++) {
            sequences[i] = structure.terminalSequence(i);
            plans[i] = new double[structure.treeplex(i).numSequences()];
        }
        return new JointPlay(sequences, structure.name(), 0, plans, opponents, new double[z]);
    }

    /**
     * Wraps already-normalized quantities (for example read back from a backend). The arrays are copied.
     *
     * @param totalWeight     W &gt; 0
     * @param averagePlans    {@code [player][sequence]} x̄_i
     * @param opponentWeights {@code [player][terminal]} y_i(z)
     * @param jointWeights    {@code [terminal]} J(z)
     * @throws IllegalArgumentException if W is not positive and finite or the shapes disagree; the shapes
     *                                  against a game are checked when a metric is evaluated
     */
    public static JointPlay of(double totalWeight, double[][] averagePlans, double[][] opponentWeights,
                               double[] jointWeights) {
        if (!(totalWeight > 0) || totalWeight == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("JointPlay.of: total weight " + totalWeight
                    + " must be positive and finite (at least one iterate with positive weight)");
        }
        if (averagePlans == null || opponentWeights == null || jointWeights == null) {
            throw new IllegalArgumentException("JointPlay.of: averagePlans, opponentWeights and jointWeights are"
                    + " all required");
        }
        int n = averagePlans.length;
        if (opponentWeights.length != n || n == 0) {
            throw new IllegalArgumentException("JointPlay.of: " + n + " average plans but " + opponentWeights.length
                    + " opponent-weight rows; give one of each per player");
        }
        double[][] plans = new double[n][];
        double[][] opponents = new double[n][];
        for (int i = 0; i < n; i++) {
            if (opponentWeights[i] == null || opponentWeights[i].length != jointWeights.length) {
                throw new IllegalArgumentException("JointPlay.of: opponentWeights[" + i + "] has "
                        + (opponentWeights[i] == null ? "no" : opponentWeights[i].length) + " entries but"
                        + " jointWeights has " + jointWeights.length + "; both are indexed by terminal");
            }
            if (averagePlans[i] == null) {
                throw new IllegalArgumentException("JointPlay.of: averagePlans[" + i + "] is null");
            }
            plans[i] = averagePlans[i].clone();
            opponents[i] = opponentWeights[i].clone();
        }
        return new JointPlay(null, null, totalWeight, plans, opponents, jointWeights.clone());
    }

    /**
     * Accumulates one joint iterate {@code x^t} with weight {@code w_t}.
     *
     * @param weight w_t &gt; 0, finite
     * @param plans  {@code [player][sequence]} realization plans of the iterate (not modified)
     * @throws IllegalArgumentException on a bad weight or plan shape
     * @throws IllegalStateException    if this play was built by {@link #of}, which has no terminal table
     */
    public void add(double weight, double[][] plans) {
        if (terminalSequence == null) {
            throw new IllegalStateException("this JointPlay was built by JointPlay.of and has no terminal table;"
                    + " accumulate iterates in JointPlay.empty(structure) instead");
        }
        if (!(weight > 0) || weight == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(gameName + ": iterate weight " + weight
                    + " must be positive and finite");
        }
        int n = terminalSequence.length;
        if (plans == null || plans.length != n) {
            throw new IllegalArgumentException(gameName + ": plans have " + (plans == null ? "no" : plans.length)
                    + " player rows, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            if (plans[i] == null || plans[i].length != averagePlans[i].length) {
                throw new IllegalArgumentException(gameName + ": plans[" + i + "] has "
                        + (plans[i] == null ? "no" : plans[i].length) + " entries, expected "
                        + averagePlans[i].length + " (player " + i + "'s sequences)");
            }
        }
        totalWeight += weight;
        double f = weight / totalWeight;
        for (int i = 0; i < n; i++) {
            double[] mean = averagePlans[i];
            double[] x = plans[i];
            for (int s = 0; s < mean.length; s++) {
                mean[s] += f * (x[s] - mean[s]);
            }
        }
        accumulateTerminals(f, plans);
    }

    /** Running-mean update of y_i(z) and J(z) with factor {@code f = w_t / W_t}; products left to right. */
    private void accumulateTerminals(double f, double[][] plans) {
        int n = terminalSequence.length;
        int numTerminals = jointWeights.length;
        if (n == 2) {
            double[] x0 = plans[0];
            double[] x1 = plans[1];
            int[] s0 = terminalSequence[0];
            int[] s1 = terminalSequence[1];
            double[] y0 = opponentWeights[0];
            double[] y1 = opponentWeights[1];
            for (int z = 0; z < numTerminals; z++) {
                double a = x0[s0[z]];
                double b = x1[s1[z]];
                y0[z] += f * (b - y0[z]);
                y1[z] += f * (a - y1[z]);
                jointWeights[z] += f * (a * b - jointWeights[z]);
            }
            return;
        }
        double[] reach = new double[n];
        double[] suffix = new double[n + 1];
        for (int z = 0; z < numTerminals; z++) {
            for (int j = 0; j < n; j++) {
                reach[j] = plans[j][terminalSequence[j][z]];
            }
            suffix[n] = 1;
            for (int j = n - 1; j >= 0; j--) {
                suffix[j] = suffix[j + 1] * reach[j];
            }
            double prefix = 1;
            for (int i = 0; i < n; i++) {
                double others = i == 0 ? suffix[1] : prefix * suffix[i + 1];
                opponentWeights[i][z] += f * (others - opponentWeights[i][z]);
                prefix = i == 0 ? reach[0] : prefix * reach[i];
            }
            jointWeights[z] += f * (prefix - jointWeights[z]);
        }
    }

    /** Total weight W = Σ_t w_t (0 for an empty accumulator). */
    public double totalWeight() {
        return totalWeight;
    }

    /** Number of players. */
    public int numPlayers() {
        return averagePlans.length;
    }

    /** Copy of {@code [player][sequence]} x̄_i. */
    public double[][] averagePlans() {
        return copy(averagePlans);
    }

    /** Copy of {@code [player][terminal]} y_i(z). */
    public double[][] opponentWeights() {
        return copy(opponentWeights);
    }

    /** Copy of {@code [terminal]} J(z). */
    public double[] jointWeights() {
        return jointWeights.clone();
    }

    /** The stored x̄ without copying, for the evaluator; callers must not modify it. */
    double[][] averagePlansView() {
        return averagePlans;
    }

    /** The stored y without copying, for the evaluator; callers must not modify it. */
    double[][] opponentWeightsView() {
        return opponentWeights;
    }

    /** The stored J without copying, for the evaluator; callers must not modify it. */
    double[] jointWeightsView() {
        return jointWeights;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

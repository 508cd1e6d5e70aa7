package dev.nashforge.host.meta;

import java.util.Arrays;

/**
 * A safe bound {@code B_I ≥ max |r(I,a)|} on the instantaneous counterfactual regret of every infoset, for any
 * strategies of all players (method.md §5: the network's prediction is {@code m = B_I · tanh(o)}).
 *
 * <p><b>Derivation.</b> For player i's infoset I and action a, the counterfactual value is
 * {@code q(I,a) = Σ_{z under (I,a)} c(z) u_i(z) x_{-i}(z) x_i(z | (I,a))}, where the weights
 * {@code c(z) x_{-i}(z) x_i(z|(I,a))} of the terminals below (I,a) sum to the opponents' and chance's reach
 * {@code π_{-i}(I) = Σ_{h∈I} c(h) x_{-i}(h)} — the same for every action a (every history below {@code h·a}
 * ends in a terminal, perfect recall). Hence {@code q(I,a) ∈ π_{-i}(I) · [u_min(I), u_max(I)]} with
 * {@code u_min/max(I)} the extreme utilities of player i over the terminals below I that have positive chance
 * reach, and {@code |r(I,a)| = |q(I,a) − Σ_b σ(b) q(I,b)| ≤ π_{-i}(I) · (u_max(I) − u_min(I))}.
 *
 * <p>{@code π_{-i}(I)} is bounded without knowing the histories: for the first action a₀ of I and player i's
 * uniform continuation U below it, {@code π_{-i}(I) = Σ_{z under (I,a₀)} w_I(z) x_{-i}(z)} with
 * {@code w_I(z) = c(z) · U_i[s_i(z)] / U_i[(I,a₀)]}, for any opponent plans. Because
 * {@code Π_{j≠i} x_j[s_j(z)] ≤ x_k[s_k(z)]} for every single opponent k, {@code π_{-i}(I) ≤ Ĉ_I =
 * min_k max_{x_k} Σ_z w_I(z) x_k[s_k(z)]}, each maximum one best-response pass over opponent k's treeplex. For
 * two players this is the exact maximum over the opponent's plans; with more players it may over-count the other
 * opponents' branching (safe, not tight); with one player {@code Ĉ_I = Σ_z w_I(z) = Σ_{h∈I} c(h)}.
 *
 * <p>So {@code B_I = Ĉ_I · (u_max(I) − u_min(I))}. For a normal-form game {@code Ĉ = 1} and B is the player's
 * payoff range (1 for the unit-normalized matrix families). {@code B_I = 0} means the regret at I is always 0.
 *
 * <p>Cost per instance: one walk up the treeplex from every terminal plus, per infoset and opponent, one
 * best-response pass ({@code O(numInfosets · numSequences)}). The reach part {@code Ĉ} depends only on the chance
 * reach and is cached for the last chance vector seen, so batches without chance noise pay it once. Not
 * thread-safe (the cache); use one instance per thread.
 */
public final class PredictionBounds {

    private final MetaLayout layout;
    private final int[] underFirstAction;
    private final int[] underStart;
    private final int[] ancestorStart;
    private final int[] ancestorInfoset;
    private final double[][] uniformPlan;
    private double[] cachedChance;
    private double[] cachedReach;

    public PredictionBounds(MetaLayout layout) {
        this.layout = layout;
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] first = layout.infosetFirst();
        int[] parent = layout.infosetParent();
        int[] seqInfoset = layout.sequenceInfoset();
        int[] termSeq = layout.terminalSequence();
        // ancestors of every (player, terminal): CSR list of global infosets above the terminal
        int[] counts = new int[n * numZ + 1];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < numZ; z++) {
                int c = 0;
                for (int s = termSeq[i * numZ + z]; seqInfoset[s] >= 0; s = parent[seqInfoset[s]]) {
                    c++;
                }
                counts[i * numZ + z + 1] = c;
            }
        }
        for (int k = 0; k < n * numZ; k++) {
            counts[k + 1] += counts[k];
        }
        this.ancestorStart = counts;
        this.ancestorInfoset = new int[counts[n * numZ]];
        int[] perInfoset = new int[layout.numInfosets() + 1];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < numZ; z++) {
                int k = ancestorStart[i * numZ + z];
                for (int s = termSeq[i * numZ + z]; seqInfoset[s] >= 0; s = parent[seqInfoset[s]]) {
                    int g = seqInfoset[s];
                    ancestorInfoset[k++] = g;
                    if (s == first[g]) {
                        perInfoset[g + 1]++;
                    }
                }
            }
        }
        for (int g = 0; g < layout.numInfosets(); g++) {
            perInfoset[g + 1] += perInfoset[g];
        }
        this.underStart = perInfoset;
        int[] fill = perInfoset.clone();
        int[] list = new int[perInfoset[layout.numInfosets()]];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < numZ; z++) {
                for (int s = termSeq[i * numZ + z]; seqInfoset[s] >= 0; s = parent[seqInfoset[s]]) {
                    int g = seqInfoset[s];
                    if (s == first[g]) {
                        list[fill[g]++] = z;
                    }
                }
            }
        }
        this.underFirstAction = list;
        this.uniformPlan = new double[n][];
        int[] actions = layout.infosetActions();
        for (int i = 0; i < n; i++) {
            double[] u = new double[layout.numSequences()];
            int so = layout.sequenceOffset()[i];
            u[so] = 1;
            for (int g = layout.infosetOffset()[i]; g < layout.infosetOffset()[i + 1]; g++) {
                for (int a = 0; a < actions[g]; a++) {
                    u[first[g] + a] = u[parent[g]] / actions[g];
                }
            }
            uniformPlan[i] = u;
        }
    }

    /**
     * The bounds {@code B_I} of one instance.
     *
     * @param chanceReach {@code [terminal]} c(z) ≥ 0
     * @param utility     {@code [player * numTerminals + terminal]} u_i(z), finite
     * @return fresh {@code [infoset]} (global infosets of {@link MetaLayout}), every entry ≥ 0; +∞ only when the
     *         payoff range itself overflows a double (then the predictions are NaN and meta-training stops)
     * @throws IllegalArgumentException on wrong lengths or non-finite values
     */
    public double[] bounds(double[] chanceReach, double[] utility) {
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        if (chanceReach.length != numZ || utility.length != n * numZ) {
            throw new IllegalArgumentException(layout.structure().name() + ": prediction bounds need "
                    + numZ + " chance reaches and " + n * numZ + " utilities; got " + chanceReach.length + " and "
                    + utility.length);
        }
        double[] reach = reachBound(chanceReach);
        int numI = layout.numInfosets();
        double[] lo = new double[numI];
        double[] hi = new double[numI];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < numZ; z++) {
                double u = utility[i * numZ + z];
                if (!Double.isFinite(u)) {
                    throw new IllegalArgumentException(layout.structure().name() + ": utility of player " + i
                            + " at terminal " + z + " is " + u);
                }
                if (!(chanceReach[z] > 0)) {
                    continue;
                }
                for (int k = ancestorStart[i * numZ + z]; k < ancestorStart[i * numZ + z + 1]; k++) {
                    int g = ancestorInfoset[k];
                    lo[g] = Math.min(lo[g], u);
                    hi[g] = Math.max(hi[g], u);
                }
            }
        }
        double[] bound = new double[numI];
        for (int g = 0; g < numI; g++) {
            bound[g] = hi[g] >= lo[g] ? reach[g] * (hi[g] - lo[g]) : 0;
        }
        return bound;
    }

    /** Ĉ_I for every infoset (see class doc), cached for the last chance vector. */
    private double[] reachBound(double[] chanceReach) {
        if (cachedChance != null && Arrays.equals(cachedChance, chanceReach)) {
            return cachedReach;
        }
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        for (int z = 0; z < numZ; z++) {
            if (!(chanceReach[z] >= 0) || !Double.isFinite(chanceReach[z])) {
                throw new IllegalArgumentException(layout.structure().name() + ": chance reach of terminal " + z
                        + " is " + chanceReach[z] + "; it must be finite and non-negative");
            }
        }
        int[] termSeq = layout.terminalSequence();
        int[] first = layout.infosetFirst();
        int[] list = underFirstAction;
        double[] reach = new double[layout.numInfosets()];
        double[] values = new double[layout.numSequences()];
        for (int i = 0; i < n; i++) {
            double[] plan = uniformPlan[i];
            for (int g = layout.infosetOffset()[i]; g < layout.infosetOffset()[i + 1]; g++) {
                double base = plan[first[g]];
                double best = Double.POSITIVE_INFINITY;
                if (n == 1) {
                    double sum = 0;
                    for (int k = underStart[g]; k < underStart[g + 1]; k++) {
                        int z = list[k];
                        sum += chanceReach[z] * plan[termSeq[i * numZ + z]] / base;
                    }
                    best = sum;
                }
                for (int o = 0; o < n; o++) {
                    if (o == i) {
                        continue;
                    }
                    int so = layout.sequenceOffset()[o];
                    int eo = layout.sequenceOffset()[o + 1];
                    Arrays.fill(values, so, eo, 0.0);
                    for (int k = underStart[g]; k < underStart[g + 1]; k++) {
                        int z = list[k];
                        values[termSeq[o * numZ + z]] += chanceReach[z] * plan[termSeq[i * numZ + z]] / base;
                    }
                    best = Math.min(best, bestResponse(o, values));
                }
                reach[g] = best;
            }
        }
        cachedChance = chanceReach.clone();
        cachedReach = reach;
        return reach;
    }

    /** Best-response value over player o's treeplex; {@code values} (global sequences of o) is overwritten. */
    private double bestResponse(int o, double[] values) {
        int[] first = layout.infosetFirst();
        int[] actions = layout.infosetActions();
        int[] parent = layout.infosetParent();
        for (int g = layout.infosetOffset()[o + 1] - 1; g >= layout.infosetOffset()[o]; g--) {
            double best = values[first[g]];
            for (int a = 1; a < actions[g]; a++) {
                best = Math.max(best, values[first[g] + a]);
            }
            values[parent[g]] += best;
        }
        return values[layout.sequenceOffset()[o]];
    }
}

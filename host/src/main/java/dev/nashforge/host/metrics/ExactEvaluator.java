package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * Exact double-precision evaluator of the metrics of method.md §4 on the flat sequence-form layout (§2).
 *
 * <p><b>Index spaces.</b> Profiles are {@code [player][sequence]} in each player's {@link Treeplex} numbering:
 * a behaviour profile holds σ_i(a|I) at the sequence of (I,a) (entry 0, the empty sequence, is ignored on input
 * and 1 on output); a realization plan holds x_i[s] with x_i[0] = 1. Terminal-indexed arrays follow the
 * {@link GameStructure}'s terminal numbering.
 *
 * <p><b>Algorithm.</b> Counterfactual values of player i's sequences,
 * {@code v_i[s] = Σ_{z: s_i(z)=s} c(z) u_i(z) Π_{j≠i} x_j[s_j(z)]}, are segmented sums over the structure's
 * per-player sorted terminal view (one pass over the terminals per player, deterministic order). Then
 * {@code u_i(x) = Σ_s x_i[s] v_i[s]}, and a best response is the bottom-up pass over i's infosets in decreasing
 * index: {@code V(I) = max_a [v_i[(I,a)] + Σ_{J child of (I,a)} V(J)]}, the root value being the best-response
 * value. No per-node objects are created; work per metric is O(N · numTerminals · N + numSequences).
 *
 * <p>Immutable and thread-safe: every call allocates its own scratch arrays and modifies none of its
 * arguments.
 */
public final class ExactEvaluator {

    private final GameStructure structure;
    private final int numPlayers;
    private final int numTerminals;
    private final int[][] terminalSequence;
    private final int[][] terminalsBySequence;
    private final int[][] sequenceTerminalStart;

    /** An evaluator for every instance over {@code structure}. */
    public ExactEvaluator(GameStructure structure) {
        if (structure == null) {
            throw new IllegalArgumentException("ExactEvaluator needs a game structure; got null");
        }
        this.structure = structure;
        this.numPlayers = structure.numPlayers();
        this.numTerminals = structure.numTerminals();
        this.terminalSequence = new int[numPlayers][];
        this.terminalsBySequence = new int[numPlayers][];
        this.sequenceTerminalStart = new int[numPlayers][];
        for (int i = 0; i < numPlayers; i++) {
            terminalSequence[i] = structure.terminalSequence(i);
            terminalsBySequence[i] = structure.terminalsBySequence(i);
            sequenceTerminalStart[i] = structure.sequenceTerminalStart(i);
        }
    }

    /** The structure this evaluator was built for. */
    public GameStructure structure() {
        return structure;
    }

    /** The uniform behaviour profile {@code [player][sequence]}: 1/numActions(I) at every infoset, entry 0 = 1. */
    public double[][] uniformBehaviour() {
        double[][] behaviour = new double[numPlayers][];
        for (int i = 0; i < numPlayers; i++) {
            Treeplex t = structure.treeplex(i);
            double[] sigma = new double[t.numSequences()];
            sigma[0] = 1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int f = t.firstSequence()[infoset];
                int k = t.numActions()[infoset];
                for (int s = f; s < f + k; s++) {
                    sigma[s] = 1.0 / k;
                }
            }
            behaviour[i] = sigma;
        }
        return behaviour;
    }

    /**
     * Realization plans of a behaviour profile (method.md §2): {@code x_i[∅] = 1},
     * {@code x_i[(I,a)] = x_i[parent(I)] · σ_i(a|I)}, top-down over the infosets.
     *
     * @param behaviour {@code [player][sequence]}; every infoset's entries a probability distribution (sum 1
     *                  within {@value LayoutChecks#BEHAVIOUR_SUM_TOLERANCE})
     * @return fresh {@code [player][sequence]} plans
     */
    public double[][] realizationPlans(double[][] behaviour) {
        LayoutChecks.checkBehaviour(structure, behaviour);
        double[][] plans = new double[numPlayers][];
        for (int i = 0; i < numPlayers; i++) {
            Treeplex t = structure.treeplex(i);
            int[] first = t.firstSequence();
            int[] actions = t.numActions();
            int[] parent = t.parentSequence();
            double[] sigma = behaviour[i];
            double[] x = new double[t.numSequences()];
            x[0] = 1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                double reach = x[parent[infoset]];
                int f = first[infoset];
                for (int s = f; s < f + actions[infoset]; s++) {
                    x[s] = reach * sigma[s];
                }
            }
            plans[i] = x;
        }
        return plans;
    }

    /**
     * Behaviour strategies of realization plans: {@code σ_i(a|I) = x_i[(I,a)] / Σ_b x_i[(I,b)]}; an infoset
     * whose actions carry no weight (it is not reached by the plan) plays uniform. For consistent plans the
     * denominator equals {@code x_i[parent(I)]}; normalizing by the sum keeps the output a distribution even for
     * plans with rounding drift.
     *
     * @param plans {@code [player][sequence]}, finite and non-negative
     * @return fresh {@code [player][sequence]} behaviour (entry 0 = 1)
     */
    public double[][] behaviourFromPlans(double[][] plans) {
        LayoutChecks.checkSequenceArray(structure, plans, "plans");
        double[][] behaviour = new double[numPlayers][];
        for (int i = 0; i < numPlayers; i++) {
            Treeplex t = structure.treeplex(i);
            int[] first = t.firstSequence();
            int[] actions = t.numActions();
            double[] x = plans[i];
            double[] sigma = new double[t.numSequences()];
            sigma[0] = 1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int f = first[infoset];
                int k = actions[infoset];
                double sum = 0;
                for (int s = f; s < f + k; s++) {
                    sum += x[s];
                }
                for (int s = f; s < f + k; s++) {
                    sigma[s] = sum > 0 ? x[s] / sum : 1.0 / k;
                }
            }
            behaviour[i] = sigma;
        }
        return behaviour;
    }

    /**
     * Expected utilities {@code u_i(x) = Σ_z c(z) u_i(z) Π_j x_j[s_j(z)]}, one pass over the terminals.
     *
     * @return fresh {@code [player]}
     */
    public double[] expectedValues(GameInstance game, double[][] plans) {
        LayoutChecks.checkInstance(structure, game);
        LayoutChecks.checkPlans(structure, plans);
        double[] chance = game.chanceReach();
        double[][] utility = game.utility();
        double[] values = new double[numPlayers];
        for (int z = 0; z < numTerminals; z++) {
            double p = chance[z];
            for (int j = 0; j < numPlayers; j++) {
                p *= plans[j][terminalSequence[j][z]];
            }
            for (int i = 0; i < numPlayers; i++) {
                values[i] += p * utility[i][z];
            }
        }
        return values;
    }

    /**
     * Counterfactual values of player i's sequences against the others' plans (method.md §2):
     * {@code v_i[s] = Σ_{z: s_i(z)=s} c(z) u_i(z) Π_{j≠i} x_j[s_j(z)]}. Entry 0 collects the terminals reached
     * without any action of player i. {@code plans[player]} is not used (but is checked like the others).
     *
     * @return fresh {@code [sequence]} of the player's treeplex
     */
    public double[] sequenceValues(GameInstance game, double[][] plans, int player) {
        LayoutChecks.checkInstance(structure, game);
        LayoutChecks.checkPlayer(structure, player);
        LayoutChecks.checkPlans(structure, plans);
        return sequenceValuesUnchecked(game, plans, player);
    }

    /** Value of player's best response against the others' plans ({@code plans[player]} is not used). */
    public double bestResponseValue(GameInstance game, double[][] plans, int player) {
        LayoutChecks.checkPlayer(structure, player);
        return bestResponseFromSequenceValues(structure.treeplex(player), sequenceValues(game, plans, player));
    }

    /**
     * NashGap of a behaviour profile: per player one counterfactual-value pass, then u_i(x) and a best-response
     * pass (method.md §4). The utility kind of the instance decides whether exploitability is reported.
     *
     * @param behaviour {@code [player][sequence]} behaviour profile
     */
    public NashGapReport nashGap(GameInstance game, double[][] behaviour) {
        LayoutChecks.checkInstance(structure, game);
        return nashGapOfPlans(game, realizationPlans(behaviour));
    }

    /** {@link #nashGap} for a profile given as realization plans {@code [player][sequence]}. */
    public NashGapReport nashGapOfPlans(GameInstance game, double[][] plans) {
        LayoutChecks.checkInstance(structure, game);
        LayoutChecks.checkPlans(structure, plans);
        double[] expected = new double[numPlayers];
        double[] bestResponse = new double[numPlayers];
        double[] delta = new double[numPlayers];
        double gap = 0;
        for (int i = 0; i < numPlayers; i++) {
            double[] v = sequenceValuesUnchecked(game, plans, i);
            double u = 0;
            for (int s = 0; s < v.length; s++) {
                u += plans[i][s] * v[s];
            }
            expected[i] = u;
            bestResponse[i] = bestResponseFromSequenceValues(structure.treeplex(i), v);
            delta[i] = bestResponse[i] - u;
            gap += delta[i];
        }
        return new NashGapReport(gap, delta, expected, bestResponse, game.utilityKind());
    }

    /**
     * CCEGap of the weighted empirical joint play μ (method.md §4), normalized by the total weight:
     * {@code Σ_i [max_{x'_i} Σ_z c(z) u_i(z) x'_i[s_i(z)] y_i(z) − Σ_z c(z) u_i(z) J(z)]}, one best-response
     * pass per player on the opponent terminal weights y_i (never a normal form).
     *
     * <p>Sign: for a single iterate, and for any two-player zero-sum (or constant-sum) game, the CCEGap equals
     * the NashGap of x̄ or of the iterate and is ≥ 0 up to rounding. In general-sum games it can be negative: the
     * correlated play can give a player more than any fixed deviation does (two iterates (A,A) and (B,B) of a
     * coordination game give CCEGap −1; see the tests). It is reported as computed, never clamped, so that the
     * two-player identity {@code NashGap(x̄) = CCEGap(μ) + Σ_i [u_i(μ) − u_i(x̄)]} holds exactly.
     */
    public double cceGap(GameInstance game, JointPlay play) {
        double gap = 0;
        for (double d : cceDeviationIncentives(game, play)) {
            gap += d;
        }
        return gap;
    }

    /**
     * Per-player CCE deviation incentives {@code [player]}: player i's best fixed deviation against μ's
     * opponent terminal weights y_i, minus u_i(μ) (see {@link #jointExpectedValues}). An entry is negative when
     * μ gives the player more than every fixed deviation (see {@link #cceGap} on the sign).
     */
    public double[] cceDeviationIncentives(GameInstance game, JointPlay play) {
        checkPlay(game, play);
        double[] chance = game.chanceReach();
        double[] joint = jointExpectedValues(game, play);
        double[] delta = new double[numPlayers];
        for (int i = 0; i < numPlayers; i++) {
            double[] y = play.opponentWeightsView()[i];
            double[] u = game.utility()[i];
            int[] order = terminalsBySequence[i];
            int[] start = sequenceTerminalStart[i];
            double[] v = new double[start.length - 1];
            for (int s = 0; s < v.length; s++) {
                double sum = 0;
                for (int k = start[s]; k < start[s + 1]; k++) {
                    int z = order[k];
                    sum += chance[z] * u[z] * y[z];
                }
                v[s] = sum;
            }
            delta[i] = bestResponseFromSequenceValues(structure.treeplex(i), v) - joint[i];
        }
        return delta;
    }

    /** Expected utilities of the joint play, {@code u_i(μ) = Σ_z c(z) J(z) u_i(z)}, fresh {@code [player]}. */
    public double[] jointExpectedValues(GameInstance game, JointPlay play) {
        checkPlay(game, play);
        double[] chance = game.chanceReach();
        double[] joint = play.jointWeightsView();
        double[] values = new double[numPlayers];
        for (int i = 0; i < numPlayers; i++) {
            double[] u = game.utility()[i];
            double sum = 0;
            for (int z = 0; z < numTerminals; z++) {
                sum += chance[z] * joint[z] * u[z];
            }
            values[i] = sum;
        }
        return values;
    }

    /**
     * Total correlation of the joint play over terminals (method.md §4): {@code TC = KL(p_μ ‖ p_ν)} with
     * {@code p_μ(z) = c(z) J(z)} and {@code p_ν(z) = c(z) Π_i x̄_i[s_i(z)]}. Because both are distributions over
     * the terminals (Σ_z p_μ = Σ_z p_ν = 1), it is evaluated as {@code Σ_z [p_μ(z) ln(p_μ(z)/p_ν(z)) + p_ν(z) −
     * p_μ(z)] = Σ_z p_μ(z) · φ(p_ν(z)/p_μ(z) − 1)} with {@code φ(d) = d − ln(1+d) ≥ 0} (series for small |d|;
     * the term is p_ν(z) where p_μ(z) = 0; {@link KlTerm}): every term is non-negative, small correlations keep
     * their relative accuracy, and the result is exactly 0 for a single iterate (then p_μ = p_ν bit for bit).
     *
     * @throws IllegalArgumentException if some terminal has p_μ &gt; 0 but p_ν = 0, which no consistent joint play
     *                                  has (J and x̄ from different runs?)
     */
    public double totalCorrelation(GameInstance game, JointPlay play) {
        checkPlay(game, play);
        double[] chance = game.chanceReach();
        double[] joint = play.jointWeightsView();
        double[][] average = play.averagePlansView();
        double tc = 0;
        for (int z = 0; z < numTerminals; z++) {
            double product = average[0][terminalSequence[0][z]];
            for (int j = 1; j < numPlayers; j++) {
                product *= average[j][terminalSequence[j][z]];
            }
            double pNu = chance[z] * product;
            double pMu = chance[z] * joint[z];
            double logNu = Double.NaN;
            if (pMu > 0 && pNu <= 0) {
                // p_ν underflowed, or the play is inconsistent: its logarithm from the factors tells which
                logNu = Math.log(chance[z]);
                for (int j = 0; j < numPlayers; j++) {
                    logNu += Math.log(average[j][terminalSequence[j][z]]);
                }
                if (logNu == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException(structure.name() + ": terminal " + z + " has joint weight "
                            + joint[z] + " but the average plans give it probability 0; the joint weights and"
                            + " average plans of the JointPlay do not come from the same iterates");
                }
            }
            tc += KlTerm.of(pMu, pNu, logNu);
        }
        return tc;
    }

    private double[] sequenceValuesUnchecked(GameInstance game, double[][] plans, int player) {
        double[] chance = game.chanceReach();
        double[] u = game.utility()[player];
        int[] order = terminalsBySequence[player];
        int[] start = sequenceTerminalStart[player];
        double[] v = new double[start.length - 1];
        if (numPlayers == 2) {
            int other = 1 - player;
            double[] x = plans[other];
            int[] seq = terminalSequence[other];
            for (int s = 0; s < v.length; s++) {
                double sum = 0;
                for (int k = start[s]; k < start[s + 1]; k++) {
                    int z = order[k];
                    sum += chance[z] * u[z] * x[seq[z]];
                }
                v[s] = sum;
            }
            return v;
        }
        for (int s = 0; s < v.length; s++) {
            double sum = 0;
            for (int k = start[s]; k < start[s + 1]; k++) {
                int z = order[k];
                double w = chance[z] * u[z];
                for (int j = 0; j < numPlayers; j++) {
                    if (j != player) {
                        w *= plans[j][terminalSequence[j][z]];
                    }
                }
                sum += w;
            }
            v[s] = sum;
        }
        return v;
    }

    /**
     * Best-response value from counterfactual sequence values: bottom-up over the infosets in decreasing index,
     * {@code value[parent(I)] += max_a value[(I,a)]}; returns the empty sequence's total. {@code values} is not
     * modified.
     *
     * @param treeplex the player's treeplex
     * @param values   {@code [sequence]} counterfactual values v_i
     */
    public static double bestResponseFromSequenceValues(Treeplex treeplex, double[] values) {
        if (values.length != treeplex.numSequences()) {
            throw new IllegalArgumentException("player " + treeplex.player() + ": " + values.length
                    + " sequence values for " + treeplex.numSequences() + " sequences");
        }
        double[] q = values.clone();
        int[] first = treeplex.firstSequence();
        int[] actions = treeplex.numActions();
        int[] parent = treeplex.parentSequence();
        for (int infoset = treeplex.numInfosets() - 1; infoset >= 0; infoset--) {
            int f = first[infoset];
            double best = q[f];
            for (int s = f + 1; s < f + actions[infoset]; s++) {
                best = Math.max(best, q[s]);
            }
            q[parent[infoset]] += best;
        }
        return q[0];
    }

    private void checkPlay(GameInstance game, JointPlay play) {
        LayoutChecks.checkInstance(structure, game);
        if (play == null) {
            throw new IllegalArgumentException(structure.name() + ": the joint play is null");
        }
        if (!(play.totalWeight() > 0)) {
            throw new IllegalArgumentException(structure.name() + ": the joint play has total weight "
                    + play.totalWeight() + "; add at least one iterate before evaluating it");
        }
        if (play.numPlayers() != numPlayers) {
            throw new IllegalArgumentException(structure.name() + ": the joint play has " + play.numPlayers()
                    + " players, the game " + numPlayers);
        }
        LayoutChecks.checkSequenceArray(structure, play.averagePlansView(), "averagePlans");
        if (play.jointWeightsView().length != numTerminals) {
            throw new IllegalArgumentException(structure.name() + ": the joint play has "
                    + play.jointWeightsView().length + " joint weights for " + numTerminals + " terminals");
        }
        for (int i = 0; i < numPlayers; i++) {
            if (play.opponentWeightsView()[i].length != numTerminals) {
                throw new IllegalArgumentException(structure.name() + ": the joint play has "
                        + play.opponentWeightsView()[i].length + " opponent weights of player " + i + " for "
                        + numTerminals + " terminals");
            }
        }
    }
}

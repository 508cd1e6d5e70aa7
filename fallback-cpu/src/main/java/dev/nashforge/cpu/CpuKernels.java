package dev.nashforge.cpu;

import dev.nashforge.host.backend.Precision;

/**
 * The CPU backend's kernels: one method per batched primitive, each acting on one game instance (or one range
 * of sequences / terminals of one instance) of the flat {@code [batch][sequence]} / {@code [batch][terminal]}
 * buffers, addressed by the instance's offset. They are the reference every other backend's kernels are
 * checked against, so they follow method.md §2–§3 line by line.
 *
 * <p><b>Precision.</b> One kernel set serves both precisions. Buffers are {@code double[]}; in
 * {@link Precision#FLOAT} every arithmetic result is rounded to binary32 by {@link #round(double)} before it is
 * used or stored. Since binary64 carries more than twice binary32's 24 significand bits plus two, rounding
 * the exact double result of a +, −, × or ÷ of two binary32 values gives the correctly rounded binary32
 * result, so a FLOAT session performs exactly IEEE single-precision arithmetic (without fused multiply-add),
 * in the summation order documented here. In {@link Precision#DOUBLE} the rounding is the identity.
 *
 * <p>Stateless apart from the precision; thread-safe as long as concurrent calls write disjoint ranges.
 */
final class CpuKernels {

    private final Precision precision;
    private final boolean single;

    CpuKernels(Precision precision) {
        this.precision = precision;
        this.single = precision == Precision.FLOAT;
    }

    /** The session precision. */
    Precision precision() {
        return precision;
    }

    /** v rounded to the session precision. */
    double round(double v) {
        return single ? (double) (float) v : v;
    }

    /**
     * Regret matching at every infoset of one instance: σ(a|I) = [R + m]⁺ / Σ [R + m]⁺, uniform when the sum
     * is 0; σ at the empty sequence is 1.
     *
     * @param base offset of the instance in the {@code [batch][sequence]} buffers
     */
    void strategy(int[] firstSequence, int[] numActions, double[] regret, double[] prediction, double[] strategy,
                  int base) {
        strategy[base] = 1.0;
        for (int infoset = 0; infoset < numActions.length; infoset++) {
            int first = base + firstSequence[infoset];
            int end = first + numActions[infoset];
            double positiveSum = 0;
            for (int s = first; s < end; s++) {
                double v = round(regret[s] + prediction[s]);
                if (v > 0) {
                    positiveSum = round(positiveSum + v);
                }
            }
            if (positiveSum > 0) {
                for (int s = first; s < end; s++) {
                    double v = round(regret[s] + prediction[s]);
                    strategy[s] = v > 0 ? round(v / positiveSum) : 0.0;
                }
            } else {
                double uniform = round(1.0 / numActions[infoset]);
                for (int s = first; s < end; s++) {
                    strategy[s] = uniform;
                }
            }
        }
    }

    /** Realization plan top-down: x[∅] = 1, x[(I,a)] = x[parent(I)]·σ(a|I). */
    void realizationPlan(int[] firstSequence, int[] numActions, int[] parentSequence, double[] strategy,
                         double[] plan, int base) {
        plan[base] = 1.0;
        for (int infoset = 0; infoset < numActions.length; infoset++) {
            double parentReach = plan[base + parentSequence[infoset]];
            int first = base + firstSequence[infoset];
            int end = first + numActions[infoset];
            for (int s = first; s < end; s++) {
                plan[s] = round(parentReach * strategy[s]);
            }
        }
    }

    /**
     * Leaf values of sequences {@code [fromSequence, toSequence)} of one player in instance {@code instance},
     * from the player's sorted terminal segments: v[s] = Σ_k c(z_k)u(z_k) · Π_{j≠i} x_j[s_j(z_k)], summed in
     * segment order, the product taken in increasing player order.
     *
     * @param segmentStart    {@code [sequence+1]} CSR offsets of the player's sorted terminal segments
     * @param weightedUtility {@code [batch][k]} c(z_k)·u_i(z_k) in the player's sorted order
     * @param otherSequence   {@code [other][k]} s_j(z_k) of the other players j (increasing j), flat
     * @param otherPlans      {@code [other]} the {@code [batch][sequence]} realization plans of those players
     * @param otherSequences  {@code [other]} their sequence counts S_j (the row lengths of {@code otherPlans})
     * @param value           output {@code [batch][sequence]} of the player, row length {@code numSequences}
     */
    void leafValues(int[] segmentStart, double[] weightedUtility, int[] otherSequence, double[][] otherPlans,
                    int[] otherSequences, double[] value, int numSequences, int instance, int fromSequence,
                    int toSequence) {
        int numTerminals = segmentStart[segmentStart.length - 1];
        int utilityBase = instance * numTerminals;
        int base = instance * numSequences;
        int others = otherPlans.length;
        if (others == 1) {
            double[] x = otherPlans[0];
            int xBase = instance * otherSequences[0];
            for (int s = fromSequence; s < toSequence; s++) {
                double sum = 0;
                for (int k = segmentStart[s]; k < segmentStart[s + 1]; k++) {
                    sum = round(sum + round(weightedUtility[utilityBase + k] * x[xBase + otherSequence[k]]));
                }
                value[base + s] = sum;
            }
            return;
        }
        for (int s = fromSequence; s < toSequence; s++) {
            double sum = 0;
            for (int k = segmentStart[s]; k < segmentStart[s + 1]; k++) {
                double term = weightedUtility[utilityBase + k];
                for (int o = 0; o < others; o++) {
                    term = round(term * otherPlans[o][instance * otherSequences[o]
                            + otherSequence[o * numTerminals + k]]);
                }
                sum = round(sum + term);
            }
            value[base + s] = sum;
        }
    }

    /**
     * Bottom-up pass of one player in one instance, over infosets in decreasing index: q(I,a) = v[(I,a)] +
     * Σ_{J child of (I,a)} V(J) (overwriting the leaf value), V(I) = Σ_a σ(a|I) q(I,a), r(I,a) = q(I,a) − V(I);
     * finally q[∅] = v[∅] + Σ_{root J} V(J) = u_i(x) and r[∅] = 0.
     *
     * @param infosetValue {@code [batch][infoset]} scratch for V(I)
     * @param infosetBase  offset of the instance in {@code infosetValue}
     */
    void counterfactualRegret(int[] firstSequence, int[] numActions, int[] childInfosetStart, double[] strategy,
                              double[] value, double[] instantaneousRegret, double[] infosetValue, int base,
                              int infosetBase) {
        for (int infoset = numActions.length - 1; infoset >= 0; infoset--) {
            int firstSeq = firstSequence[infoset];
            int endSeq = firstSeq + numActions[infoset];
            double infosetV = 0;
            for (int s = firstSeq; s < endSeq; s++) {
                double q = value[base + s];
                for (int child = childInfosetStart[s]; child < childInfosetStart[s + 1]; child++) {
                    q = round(q + infosetValue[infosetBase + child]);
                }
                value[base + s] = q;
                infosetV = round(infosetV + round(strategy[base + s] * q));
            }
            infosetValue[infosetBase + infoset] = infosetV;
            for (int s = firstSeq; s < endSeq; s++) {
                instantaneousRegret[base + s] = round(value[base + s] - infosetV);
            }
        }
        double root = value[base];
        for (int child = childInfosetStart[0]; child < childInfosetStart[1]; child++) {
            root = round(root + infosetValue[infosetBase + child]);
        }
        value[base] = root;
        instantaneousRegret[base] = 0.0;
    }

    /** R ← R + w·r on sequences {@code 1..numSequences-1} (CFR with w = 1, LCFR with w = t). */
    void addRegret(double[] regret, double[] instantaneousRegret, double weight, int base, int numSequences) {
        double w = round(weight);
        for (int s = base + 1; s < base + numSequences; s++) {
            regret[s] = round(regret[s] + round(w * instantaneousRegret[s]));
        }
    }

    /** R ← [R + r]⁺ (CFR+, PCFR+). */
    void addRegretClipped(double[] regret, double[] instantaneousRegret, int base, int numSequences) {
        for (int s = base + 1; s < base + numSequences; s++) {
            regret[s] = Math.max(round(regret[s] + instantaneousRegret[s]), 0.0);
        }
    }

    /** R ← R + r, then R ≥ 0 scaled by {@code positiveDiscount}, R &lt; 0 by {@code negativeDiscount} (DCFR). */
    void addRegretDiscounted(double[] regret, double[] instantaneousRegret, double positiveDiscount,
                             double negativeDiscount, int base, int numSequences) {
        double pos = round(positiveDiscount);
        double neg = round(negativeDiscount);
        for (int s = base + 1; s < base + numSequences; s++) {
            double r = round(regret[s] + instantaneousRegret[s]);
            regret[s] = round(r * (r >= 0 ? pos : neg));
        }
    }

    /** m ← r on sequences {@code 1..numSequences-1} (prediction of PCFR+). */
    void predictLastRegret(double[] prediction, double[] instantaneousRegret, int base, int numSequences) {
        System.arraycopy(instantaneousRegret, base + 1, prediction, base + 1, numSequences - 1);
    }

    /** Running mean x̄ ← x̄ + step·(x − x̄) over all sequences of one instance. */
    void average(double[] average, double[] plan, double step, int base, int numSequences) {
        double st = round(step);
        for (int s = base; s < base + numSequences; s++) {
            double a = average[s];
            average[s] = round(a + round(st * round(plan[s] - a)));
        }
    }

    /**
     * Running means of the joint-play weights on terminals {@code [fromTerminal, toTerminal)} of instance
     * {@code instance}: J(z) ← J + step·(Π_j x_j[s_j(z)] − J) and y_i(z) ← y_i + step·(Π_{j≠i} x_j[s_j(z)] − y_i),
     * products in increasing player order.
     *
     * @param terminalSequence {@code [player][terminal]} s_j(z)
     * @param plans            {@code [player]} the {@code [batch][sequence]} realization plans
     * @param numSequences     {@code [player]} S_j, the row lengths of {@code plans}
     * @param opponentWeights  {@code [batch][player][terminal]} y, flat
     * @param jointWeights     {@code [batch][terminal]} J, flat
     * @param reach            scratch of length N for x_j[s_j(z)], owned by the calling task
     */
    void jointPlay(int[][] terminalSequence, double[][] plans, int[] numSequences, double[] opponentWeights,
                   double[] jointWeights, int instance, double step, int fromTerminal, int toTerminal,
                   double[] reach) {
        int players = plans.length;
        int numTerminals = terminalSequence[0].length;
        double st = round(step);
        int jointBase = instance * numTerminals;
        if (players == 2) {
            double[] x0 = plans[0];
            double[] x1 = plans[1];
            int[] s0 = terminalSequence[0];
            int[] s1 = terminalSequence[1];
            int base0 = instance * numSequences[0];
            int base1 = instance * numSequences[1];
            int y0 = 2 * instance * numTerminals;
            int y1 = y0 + numTerminals;
            for (int z = fromTerminal; z < toTerminal; z++) {
                double a = x0[base0 + s0[z]];
                double b = x1[base1 + s1[z]];
                double oldJ = jointWeights[jointBase + z];
                jointWeights[jointBase + z] = round(oldJ + round(st * round(round(a * b) - oldJ)));
                double oldY0 = opponentWeights[y0 + z];
                opponentWeights[y0 + z] = round(oldY0 + round(st * round(b - oldY0)));
                double oldY1 = opponentWeights[y1 + z];
                opponentWeights[y1 + z] = round(oldY1 + round(st * round(a - oldY1)));
            }
            return;
        }
        for (int z = fromTerminal; z < toTerminal; z++) {
            double all = 1.0;
            for (int j = 0; j < players; j++) {
                reach[j] = plans[j][instance * numSequences[j] + terminalSequence[j][z]];
                all = round(all * reach[j]);
            }
            double oldJ = jointWeights[jointBase + z];
            jointWeights[jointBase + z] = round(oldJ + round(st * round(all - oldJ)));
            for (int i = 0; i < players; i++) {
                double others = 1.0;
                for (int j = 0; j < players; j++) {
                    if (j != i) {
                        others = round(others * reach[j]);
                    }
                }
                int at = (instance * players + i) * numTerminals + z;
                double oldY = opponentWeights[at];
                opponentWeights[at] = round(oldY + round(st * round(others - oldY)));
            }
        }
    }
}

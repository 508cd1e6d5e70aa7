package dev.nashforge.opencl;

/**
 * The solver kernel in double precision (needs {@code cl_khr_fp64}): one OpenCL kernel whose {@link #op}
 * selects the primitive (see {@link OpenClKernel}). Every work item computes its outputs alone, with the sums in
 * the CPU reference's order (dev.nashforge.cpu.CpuKernels): the sorted terminal segment of a sequence, the
 * actions of an infoset in order, products in increasing player order, the realization plan top-down along
 * the ancestor path. No atomics, so a rerun gives the same bits. Every product that is then added is stored
 * in its own local first: OpenCL C contracts a·b + c within one expression into a fused multiply-add (the
 * FP_CONTRACT default), which Java never does, so separate statements keep the CPU reference's roundings.
 *
 * <p>Arrays and their index spaces are those of {@link OpenClLayout}; {@code [player][batch][sequence]} value
 * buffers, {@code [player][batch][infoset]} infoset scratch, {@code [player][batch][k]} weighted utilities,
 * {@code [batch][player][terminal]} / {@code [batch][terminal]} joint play.
 *
 * <p>Kernel code (what {@link #run()} reaches) uses only primitive fields, locals and loops, as Aparapi requires;
 * the non-private methods below are host code.
 */
class OpenClDoubleKernel extends OpenClKernel {

    double[] cumulativeRegret;
    double[] prediction;
    double[] currentStrategy;
    double[] realizationPlan;
    double[] averagePlan;
    double[] counterfactualValue;
    double[] instantaneousRegret;
    double[] infosetValue;
    double[] weightedUtility;
    double[] opponentWeights;
    double[] jointWeights;
    double regretWeight;
    double positiveDiscount;
    double negativeDiscount;
    double averageStep;

    @Override
    public void run() {
        int gid = getGlobalId();
        if (gid < workItems) {
            if (op == OP_STRATEGY) {
                strategy(gid);
            } else if (op == OP_PLAN) {
                plan(gid);
            } else if (op == OP_LEAF) {
                leafValue(gid);
            } else if (op == OP_INFOSET) {
                infosetValues(gid);
            } else if (op == OP_ROOT) {
                rootValue(gid);
            } else if (op == OP_REGRET) {
                regretUpdate(gid);
            } else if (op == OP_AVERAGE) {
                average(gid);
            } else if (op == OP_OPPONENT_WEIGHT) {
                opponentWeight(gid);
            } else if (op == OP_JOINT_WEIGHT) {
                jointWeight(gid);
            }
        }
    }

    /**
     * Runs primitive {@link #op} as work item {@code gid < workItems}: the network kernel's dispatch. {@link #run}
     * repeats it inline: PoCL vectorizes this kernel several times worse when run() only calls this method.
     */
    final void solverOp(int gid) {
        if (op == OP_STRATEGY) {
            strategy(gid);
        } else if (op == OP_PLAN) {
            plan(gid);
        } else if (op == OP_LEAF) {
            leafValue(gid);
        } else if (op == OP_INFOSET) {
            infosetValues(gid);
        } else if (op == OP_ROOT) {
            rootValue(gid);
        } else if (op == OP_REGRET) {
            regretUpdate(gid);
        } else if (op == OP_AVERAGE) {
            average(gid);
        } else if (op == OP_OPPONENT_WEIGHT) {
            opponentWeight(gid);
        } else if (op == OP_JOINT_WEIGHT) {
            jointWeight(gid);
        }
    }

    /**
     * Regret matching at one infoset (items: max(I_p, 1) per instance). Every item of an instance also stores
     * σ[∅] = 1: the same value from every item, so the order of those stores does not matter, and an
     * unconditional store keeps the kernel easy to vectorize for CPU OpenCL drivers (PoCL runs every primitive
     * several times slower once one branch of the kernel holds a store under a per-item condition like
     * {@code infoset == 0}).
     */
    private void strategy(int gid) {
        int b = gid / itemsPerInstance;
        int infoset = gid - b * itemsPerInstance;
        int base = playerSequenceBase + b * playerSequences;
        currentStrategy[base] = 1.0;
        if (infoset < playerInfosets) {
            int first = base + firstSequence[playerInfosetBase + infoset];
            int end = first + numActions[playerInfosetBase + infoset];
            double positiveSum = 0.0;
            for (int s = first; s < end; s++) {
                double v = cumulativeRegret[s] + prediction[s];
                if (v > 0.0) {
                    positiveSum = positiveSum + v;
                }
            }
            if (positiveSum > 0.0) {
                for (int s = first; s < end; s++) {
                    double v = cumulativeRegret[s] + prediction[s];
                    currentStrategy[s] = v > 0.0 ? v / positiveSum : 0.0;
                }
            } else {
                double uniform = 1.0 / (end - first);
                for (int s = first; s < end; s++) {
                    currentStrategy[s] = uniform;
                }
            }
        }
    }

    /** x[s] along the ancestor path of s (items: S_p per instance). */
    private void plan(int gid) {
        int b = gid / itemsPerInstance;
        int s = gid - b * itemsPerInstance;
        int base = playerSequenceBase + b * playerSequences;
        double reach = 1.0;
        int end = pathStart[playerCsrBase + s + 1];
        for (int k = pathStart[playerCsrBase + s]; k < end; k++) {
            reach = reach * currentStrategy[base + pathSequence[k]];
        }
        realizationPlan[base + s] = reach;
    }

    /** v[s] = Σ_k c(z_k)u(z_k) Π_{j≠p} x_j[s_j(z_k)] over the sorted segment of s (items: S_p per instance). */
    private void leafValue(int gid) {
        int b = gid / itemsPerInstance;
        int s = gid - b * itemsPerInstance;
        int z = numTerminals;
        int others = numPlayers - 1;
        int utilityBase = (player * batchSize + b) * z;
        int otherBase = player * others * z;
        double sum = 0.0;
        int end = segmentStart[playerCsrBase + s + 1];
        for (int k = segmentStart[playerCsrBase + s]; k < end; k++) {
            double term = weightedUtility[utilityBase + k];
            for (int o = 0; o < others; o++) {
                int j = o < player ? o : o + 1;
                term = term * realizationPlan[sequenceBaseOfPlayer[j] + b * sequencesOfPlayer[j]
                        + otherSequence[otherBase + o * z + k]];
            }
            sum = sum + term;
        }
        counterfactualValue[playerSequenceBase + b * playerSequences + s] = sum;
    }

    /**
     * One infoset of the current depth, bottom-up (items: the depth's infosets per instance, starting at
     * {@link #depthFirstInfoset}): q(I,a) = v + Σ_{J child of (I,a)} V(J), V(I) = Σ_a σ q, r = q − V.
     */
    private void infosetValues(int gid) {
        int b = gid / itemsPerInstance;
        int infoset = depthFirstInfoset + gid - b * itemsPerInstance;
        int base = playerSequenceBase + b * playerSequences;
        int valueBase = playerInfosetValueBase + b * playerInfosets;
        int firstSeq = firstSequence[playerInfosetBase + infoset];
        int endSeq = firstSeq + numActions[playerInfosetBase + infoset];
        double value = 0.0;
        for (int s = firstSeq; s < endSeq; s++) {
            double q = counterfactualValue[base + s];
            int childEnd = childInfosetStart[playerCsrBase + s + 1];
            for (int child = childInfosetStart[playerCsrBase + s]; child < childEnd; child++) {
                q = q + infosetValue[valueBase + child];
            }
            counterfactualValue[base + s] = q;
            double weighted = currentStrategy[base + s] * q;
            value = value + weighted;
        }
        infosetValue[valueBase + infoset] = value;
        for (int s = firstSeq; s < endSeq; s++) {
            instantaneousRegret[base + s] = counterfactualValue[base + s] - value;
        }
    }

    /** q[∅] = v[∅] + Σ_{root J} V(J) = u_p(x), r[∅] = 0 (items: 1 per instance). */
    private void rootValue(int gid) {
        int b = gid / itemsPerInstance;
        int base = playerSequenceBase + b * playerSequences;
        int valueBase = playerInfosetValueBase + b * playerInfosets;
        double root = counterfactualValue[base];
        int childEnd = childInfosetStart[playerCsrBase + 1];
        for (int child = childInfosetStart[playerCsrBase]; child < childEnd; child++) {
            root = root + infosetValue[valueBase + child];
        }
        counterfactualValue[base] = root;
        instantaneousRegret[base] = 0.0;
    }

    /** The configured regret update on one sequence s ≥ 1, and m = r when predicting (items: S_p per instance). */
    private void regretUpdate(int gid) {
        int b = gid / itemsPerInstance;
        int s = gid - b * itemsPerInstance;
        if (s > 0) {
            int at = playerSequenceBase + b * playerSequences + s;
            double r = instantaneousRegret[at];
            if (regretRule == RULE_ADD) {
                double weighted = regretWeight * r;
                cumulativeRegret[at] = cumulativeRegret[at] + weighted;
            } else if (regretRule == RULE_PLUS) {
                double sum = cumulativeRegret[at] + r;
                cumulativeRegret[at] = sum > 0.0 ? sum : 0.0;
            } else {
                double sum = cumulativeRegret[at] + r;
                cumulativeRegret[at] = sum * (sum >= 0.0 ? positiveDiscount : negativeDiscount);
            }
            if (predictLastRegret == 1) {
                prediction[at] = r;
            }
        }
    }

    /** x̄ ← x̄ + step·(x − x̄) on one sequence (items: S_p per instance; the player's block is contiguous). */
    private void average(int gid) {
        int at = playerSequenceBase + gid;
        double old = averagePlan[at];
        double change = averageStep * (realizationPlan[at] - old);
        averagePlan[at] = old + change;
    }

    /**
     * The running mean of one opponent weight y_i(z) with Π_{j≠i} x_j[s_j(z)] (items: N·Z per instance, item
     * i·Z + z), the product in increasing j (the skipped player multiplies by exactly 1). A flat loop and an
     * unconditional store: PoCL vectorizes the whole kernel far worse with a loop over i around the loop over j
     * or with a store that picks its array per item.
     */
    private void opponentWeight(int gid) {
        int b = gid / itemsPerInstance;
        int rest = gid - b * itemsPerInstance;
        int i = rest / numTerminals;
        int z = rest - i * numTerminals;
        double product = 1.0;
        for (int j = 0; j < numPlayers; j++) {
            double reach = realizationPlan[sequenceBaseOfPlayer[j] + b * sequencesOfPlayer[j]
                    + terminalSequence[j * numTerminals + z]];
            product = product * (j != i ? reach : 1.0);
        }
        int at = (b * numPlayers + i) * numTerminals + z;
        double old = opponentWeights[at];
        double change = averageStep * (product - old);
        opponentWeights[at] = old + change;
    }

    /** The running mean of the joint weight J(z) with Π_j x_j[s_j(z)] (items: Z per instance). */
    private void jointWeight(int gid) {
        int b = gid / itemsPerInstance;
        int z = gid - b * itemsPerInstance;
        double product = 1.0;
        for (int j = 0; j < numPlayers; j++) {
            product = product * realizationPlan[sequenceBaseOfPlayer[j] + b * sequencesOfPlayer[j]
                    + terminalSequence[j * numTerminals + z]];
        }
        int at = b * numTerminals + z;
        double old = jointWeights[at];
        double change = averageStep * (product - old);
        jointWeights[at] = old + change;
    }

    // ------------------------------------------------------------------ host side

    /** Allocates the value arrays for {@code layout} (zero; σ and x get their empty-sequence 1 from the kernels). */
    void allocate(OpenClLayout layout) {
        int sequences = Math.max(1, layout.totalSequenceSlots);
        cumulativeRegret = new double[sequences];
        prediction = new double[sequences];
        currentStrategy = new double[sequences];
        realizationPlan = new double[sequences];
        averagePlan = new double[sequences];
        counterfactualValue = new double[sequences];
        instantaneousRegret = new double[sequences];
        infosetValue = new double[Math.max(1, layout.totalInfosetSlots)];
        weightedUtility = layout.weightedUtility.clone();
        opponentWeights = new double[Math.max(1, layout.batchSize * layout.players * layout.numTerminals)];
        jointWeights = new double[Math.max(1, layout.batchSize * layout.numTerminals)];
    }

    @Override
    void putValueArrays() {
        put(cumulativeRegret).put(prediction).put(currentStrategy).put(realizationPlan).put(averagePlan)
                .put(counterfactualValue).put(instantaneousRegret).put(infosetValue).put(weightedUtility)
                .put(opponentWeights).put(jointWeights);
    }

    private double[] sequenceArray(int which) {
        double[][] arrays = {cumulativeRegret, prediction, currentStrategy, realizationPlan, averagePlan,
            counterfactualValue, instantaneousRegret};
        return arrays[which];
    }

    @Override
    void readSequenceBuffer(int which, double[] out) {
        double[] a = sequenceArray(which);
        get(a);
        System.arraycopy(a, 0, out, 0, out.length);
    }

    @Override
    void writeSequenceBuffer(int which, double[] in) {
        double[] a = sequenceArray(which);
        System.arraycopy(in, 0, a, 0, in.length);
        put(a);
    }

    @Override
    void readJointPlay(double[] opponentWeightsOut, double[] jointWeightsOut) {
        get(opponentWeights);
        get(jointWeights);
        System.arraycopy(opponentWeights, 0, opponentWeightsOut, 0, opponentWeightsOut.length);
        System.arraycopy(jointWeights, 0, jointWeightsOut, 0, jointWeightsOut.length);
    }

    @Override
    void writeJointPlay(double[] opponentWeightsIn, double[] jointWeightsIn) {
        System.arraycopy(opponentWeightsIn, 0, opponentWeights, 0, opponentWeightsIn.length);
        System.arraycopy(jointWeightsIn, 0, jointWeights, 0, jointWeightsIn.length);
        put(opponentWeights).put(jointWeights);
    }

    @Override
    void setRegretScalars(double weight, double positive, double negative) {
        regretWeight = weight;
        positiveDiscount = positive;
        negativeDiscount = negative;
    }

    @Override
    void setAverageStep(double step) {
        averageStep = step;
    }
}

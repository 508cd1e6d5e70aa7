package dev.nashforge.opencl;

import dev.nashforge.games.batch.GameBatch;

/**
 * The solver kernel in float precision (binary32 only, runs on devices without {@code cl_khr_fp64}): the same
 * code as {@link OpenClDoubleKernel} with {@code float} for {@code float}. One OpenCL kernel whose {@link #op}
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
final class OpenClFloatKernel extends OpenClKernel {

    float[] cumulativeRegret;
    float[] prediction;
    float[] currentStrategy;
    float[] realizationPlan;
    float[] averagePlan;
    float[] counterfactualValue;
    float[] instantaneousRegret;
    float[] infosetValue;
    float[] weightedUtility;
    float[] opponentWeights;
    float[] jointWeights;
    float regretWeight;
    float positiveDiscount;
    float negativeDiscount;
    float averageStep;
    // ---- the network (OpenClNetwork): weights, bounds [batch][infoset], features [batch][row][10],
    // ---- recurrent state [batch][row][stateSize], scratch [batch][row][hidden], iteration feature
    float[] netParams;
    float[] netBound;
    float[] netFeatures;
    float[] netState;
    float[] netScratch;
    float netIterationFeature;

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
            } else if (op == OP_NETWORK) {
                networkRow(gid);
            }
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
        currentStrategy[base] = 1.0f;
        if (infoset < playerInfosets) {
            int first = base + firstSequence[playerInfosetBase + infoset];
            int end = first + numActions[playerInfosetBase + infoset];
            float positiveSum = 0.0f;
            for (int s = first; s < end; s++) {
                float v = cumulativeRegret[s] + prediction[s];
                if (v > 0.0f) {
                    positiveSum = positiveSum + v;
                }
            }
            if (positiveSum > 0.0f) {
                for (int s = first; s < end; s++) {
                    float v = cumulativeRegret[s] + prediction[s];
                    currentStrategy[s] = v > 0.0f ? v / positiveSum : 0.0f;
                }
            } else {
                float uniform = 1.0f / (end - first);
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
        float reach = 1.0f;
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
        float sum = 0.0f;
        int end = segmentStart[playerCsrBase + s + 1];
        for (int k = segmentStart[playerCsrBase + s]; k < end; k++) {
            float term = weightedUtility[utilityBase + k];
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
        float value = 0.0f;
        for (int s = firstSeq; s < endSeq; s++) {
            float q = counterfactualValue[base + s];
            int childEnd = childInfosetStart[playerCsrBase + s + 1];
            for (int child = childInfosetStart[playerCsrBase + s]; child < childEnd; child++) {
                q = q + infosetValue[valueBase + child];
            }
            counterfactualValue[base + s] = q;
            float weighted = currentStrategy[base + s] * q;
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
        float root = counterfactualValue[base];
        int childEnd = childInfosetStart[playerCsrBase + 1];
        for (int child = childInfosetStart[playerCsrBase]; child < childEnd; child++) {
            root = root + infosetValue[valueBase + child];
        }
        counterfactualValue[base] = root;
        instantaneousRegret[base] = 0.0f;
    }

    /** The configured regret update on one sequence s ≥ 1, and m = r when predicting (items: S_p per instance). */
    private void regretUpdate(int gid) {
        int b = gid / itemsPerInstance;
        int s = gid - b * itemsPerInstance;
        if (s > 0) {
            int at = playerSequenceBase + b * playerSequences + s;
            float r = instantaneousRegret[at];
            if (regretRule == RULE_ADD) {
                float weighted = regretWeight * r;
                cumulativeRegret[at] = cumulativeRegret[at] + weighted;
            } else if (regretRule == RULE_PLUS) {
                float sum = cumulativeRegret[at] + r;
                cumulativeRegret[at] = sum > 0.0f ? sum : 0.0f;
            } else {
                float sum = cumulativeRegret[at] + r;
                cumulativeRegret[at] = sum * (sum >= 0.0f ? positiveDiscount : negativeDiscount);
            }
            if (predictLastRegret == 1) {
                prediction[at] = r;
            }
        }
    }

    /** x̄ ← x̄ + step·(x − x̄) on one sequence (items: S_p per instance; the player's block is contiguous). */
    private void average(int gid) {
        int at = playerSequenceBase + gid;
        float old = averagePlan[at];
        float change = averageStep * (realizationPlan[at] - old);
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
        float product = 1.0f;
        for (int j = 0; j < numPlayers; j++) {
            float reach = realizationPlan[sequenceBaseOfPlayer[j] + b * sequencesOfPlayer[j]
                    + terminalSequence[j * numTerminals + z]];
            product = product * (j != i ? reach : 1.0f);
        }
        int at = (b * numPlayers + i) * numTerminals + z;
        float old = opponentWeights[at];
        float change = averageStep * (product - old);
        opponentWeights[at] = old + change;
    }

    /** The running mean of the joint weight J(z) with Π_j x_j[s_j(z)] (items: Z per instance). */
    private void jointWeight(int gid) {
        int b = gid / itemsPerInstance;
        int z = gid - b * itemsPerInstance;
        float product = 1.0f;
        for (int j = 0; j < numPlayers; j++) {
            product = product * realizationPlan[sequenceBaseOfPlayer[j] + b * sequencesOfPlayer[j]
                    + terminalSequence[j * numTerminals + z]];
        }
        int at = b * numTerminals + z;
        float old = jointWeights[at];
        float change = averageStep * (product - old);
        jointWeights[at] = old + change;
    }

    /**
     * The NPCFR forward pass on one row of one instance (items: the network's rows per instance; row s is global
     * sequence s of {@link OpenClNetwork}), exactly {@code meta.nn.PredictorNetwork#forward} for that row:
     * the features of {@code PredictorFeatures} (the pooled ones recomputed by every action of the infoset, in
     * the same order, so all get the same bits), the GRU or MLP cell with its sums in the CPU's order, and
     * m = B_I·tanh(o) stored into {@link #prediction} at the row's sequence (B = 0 at the empty sequences). The
     * row's new GRU state goes to {@link #netScratch} first, then over {@link #netState}: an item reads and
     * writes only its own row. asinh is sign(x)·log1p(|x| + x²/(1 + √(1+x²))) as in the CPU code.
     */
    private void networkRow(int gid) {
        int b = gid / itemsPerInstance;
        int s = gid - b * itemsPerInstance;
        int row = b * netRows + s;
        int xo = row * 10;
        int g = rowInfoset[s];
        int i = rowPlayer[s];
        int base = sequenceBaseOfPlayer[i] + b * sequencesOfPlayer[i];
        int at = base + rowLocal[s];
        float bound = 0.0f;
        if (g < 0) {
            for (int k = 0; k < 10; k++) {
                netFeatures[xo + k] = 0.0f;
            }
        } else {
            int n = infosetActionCount[g];
            int firstSlot = base + rowLocal[infosetFirstRow[g]];
            bound = netBound[b * netInfosets + g];
            float kappa = bound > 0.0f ? bound : 1.0f;
            float meanR = 0.0f;
            float maxR = instantaneousRegret[firstSlot] / kappa;
            float meanA = 0.0f;
            float maxA = inverseHyperbolicSine(cumulativeRegret[firstSlot] / kappa);
            for (int k = 0; k < n; k++) {
                float rho = instantaneousRegret[firstSlot + k] / kappa;
                float a = inverseHyperbolicSine(cumulativeRegret[firstSlot + k] / kappa);
                meanR = meanR + rho;
                meanA = meanA + a;
                if (rho > maxR) {
                    maxR = rho;
                }
                if (a > maxA) {
                    maxA = a;
                }
            }
            netFeatures[xo] = instantaneousRegret[at] / kappa;
            netFeatures[xo + 1] = inverseHyperbolicSine(cumulativeRegret[at] / kappa);
            netFeatures[xo + 2] = prediction[at] / kappa;
            netFeatures[xo + 3] = currentStrategy[at];
            netFeatures[xo + 4] = meanR / n;
            netFeatures[xo + 5] = maxR;
            netFeatures[xo + 6] = meanA / n;
            netFeatures[xo + 7] = maxA;
            netFeatures[xo + 8] = netIterationFeature;
            netFeatures[xo + 9] = 1.0f / n;
        }
        int h = netHidden;
        int ho = row * h;
        float out = 0.0f;
        if (netCell == 0) {
            int hf = h * 10;
            int gate = hf + h * h + h;
            int nW = 2 * gate;
            int bun = 3 * gate;
            int wh = bun + h;
            int wf = wh + h;
            out = netParams[wf + 10];
            for (int j = 0; j < 10; j++) {
                float term = netParams[wf + j] * netFeatures[xo + j];
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                float az = netParams[hf + h * h + k];
                float ar = netParams[gate + hf + h * h + k];
                float an = netParams[nW + hf + h * h + k];
                int wk = k * 10;
                for (int j = 0; j < 10; j++) {
                    float x = netFeatures[xo + j];
                    float tz = netParams[wk + j] * x;
                    float tr = netParams[gate + wk + j] * x;
                    float tn = netParams[nW + wk + j] * x;
                    az = az + tz;
                    ar = ar + tr;
                    an = an + tn;
                }
                float un = netParams[bun + k];
                int uk = hf + k * h;
                for (int j = 0; j < h; j++) {
                    float hj = netState[ho + j];
                    float tz = netParams[uk + j] * hj;
                    float tr = netParams[gate + uk + j] * hj;
                    float tu = netParams[nW + uk + j] * hj;
                    az = az + tz;
                    ar = ar + tr;
                    un = un + tu;
                }
                float z = logistic(az);
                float reset = logistic(ar);
                float gated = reset * un;
                float candidate = tanh(an + gated);
                float fresh = (1.0f - z) * candidate;
                float kept = z * netState[ho + k];
                float next = fresh + kept;
                netScratch[ho + k] = next;
                float term = netParams[wh + k] * next;
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                netState[ho + k] = netScratch[ho + k];
            }
        } else {
            int b1 = h * 10;
            int w2 = b1 + h;
            int b2 = w2 + h * h;
            int wh = b2 + h;
            int wf = wh + h;
            out = netParams[wf + 10];
            for (int j = 0; j < 10; j++) {
                float term = netParams[wf + j] * netFeatures[xo + j];
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                float a = netParams[b1 + k];
                for (int j = 0; j < 10; j++) {
                    float term = netParams[k * 10 + j] * netFeatures[xo + j];
                    a = a + term;
                }
                netScratch[ho + k] = tanh(a);
            }
            for (int k = 0; k < h; k++) {
                float a = netParams[b2 + k];
                for (int j = 0; j < h; j++) {
                    float term = netParams[w2 + k * h + j] * netScratch[ho + j];
                    a = a + term;
                }
                float second = tanh(a);
                float term = netParams[wh + k] * second;
                out = out + term;
            }
        }
        prediction[at] = bound * tanh(out);
    }

    /** asinh(x) = sign(x) · log1p(|x| + x²/(1 + √(1+x²))), ln|x| + ln 2 beyond 1e8 (meta.nn.PredictorFeatures). */
    private float inverseHyperbolicSine(float x) {
        float a = abs(x);
        float r = 0.0f;
        if (a > 1e8f) {
            r = log(a) + log(2.0f);
        } else {
            float square = a * a;
            float root = sqrt(1.0f + square);
            float ratio = square / (1.0f + root);
            r = log1p(a + ratio);
        }
        return x < 0.0f ? -r : r;
    }

    /** The logistic sigmoid, evaluated as meta.nn.GruCell does (no overflow of exp for either sign). */
    private float logistic(float a) {
        float r = 0.0f;
        if (a >= 0.0f) {
            r = 1.0f / (1.0f + exp(-a));
        } else {
            float e = exp(a);
            r = e / (1.0f + e);
        }
        return r;
    }

    // ------------------------------------------------------------------ host side

    /**
     * Allocates the value arrays for {@code layout} (zero; σ and x get their empty-sequence 1 from the kernels)
     * and the binary32 terminal table of {@code batch}.
     */
    void allocate(OpenClLayout layout, GameBatch batch) {
        int sequences = Math.max(1, layout.totalSequenceSlots);
        cumulativeRegret = new float[sequences];
        prediction = new float[sequences];
        currentStrategy = new float[sequences];
        realizationPlan = new float[sequences];
        averagePlan = new float[sequences];
        counterfactualValue = new float[sequences];
        instantaneousRegret = new float[sequences];
        infosetValue = new float[Math.max(1, layout.totalInfosetSlots)];
        weightedUtility = layout.weightedUtilityBinary32(batch);
        opponentWeights = new float[Math.max(1, layout.batchSize * layout.players * layout.numTerminals)];
        jointWeights = new float[Math.max(1, layout.batchSize * layout.numTerminals)];
    }

    @Override
    void putValueArrays() {
        put(cumulativeRegret).put(prediction).put(currentStrategy).put(realizationPlan).put(averagePlan)
                .put(counterfactualValue).put(instantaneousRegret).put(infosetValue).put(weightedUtility)
                .put(opponentWeights).put(jointWeights).put(netParams).put(netBound).put(netFeatures).put(netState)
                .put(netScratch);
    }

    private float[] sequenceArray(int which) {
        float[][] arrays = {cumulativeRegret, prediction, currentStrategy, realizationPlan, averagePlan,
            counterfactualValue, instantaneousRegret};
        return arrays[which];
    }

    @Override
    void readSequenceBuffer(int which, double[] out) {
        float[] a = sequenceArray(which);
        get(a);
        for (int k = 0; k < out.length; k++) {
            out[k] = a[k];
        }
    }

    @Override
    void writeSequenceBuffer(int which, double[] in) {
        float[] a = sequenceArray(which);
        for (int k = 0; k < in.length; k++) {
            a[k] = (float) in[k];
        }
        put(a);
    }

    @Override
    void readJointPlay(double[] opponentWeightsOut, double[] jointWeightsOut) {
        get(opponentWeights);
        get(jointWeights);
        for (int k = 0; k < opponentWeightsOut.length; k++) {
            opponentWeightsOut[k] = opponentWeights[k];
        }
        for (int k = 0; k < jointWeightsOut.length; k++) {
            jointWeightsOut[k] = jointWeights[k];
        }
    }

    @Override
    void writeJointPlay(double[] opponentWeightsIn, double[] jointWeightsIn) {
        for (int k = 0; k < opponentWeightsIn.length; k++) {
            opponentWeights[k] = (float) opponentWeightsIn[k];
        }
        for (int k = 0; k < jointWeightsIn.length; k++) {
            jointWeights[k] = (float) jointWeightsIn[k];
        }
        put(opponentWeights).put(jointWeights);
    }

    @Override
    void setRegretScalars(double weight, double positive, double negative) {
        regretWeight = (float) weight;
        positiveDiscount = (float) positive;
        negativeDiscount = (float) negative;
    }

    @Override
    void setAverageStep(double step) {
        averageStep = (float) step;
    }

    @Override
    void allocateNetwork(OpenClNetwork network) {
        if (network == null) {
            netParams = new float[1];
            netBound = new float[1];
            netFeatures = new float[1];
            netState = new float[1];
            netScratch = new float[1];
        } else {
            netParams = rounded(network.parameters);
            netBound = rounded(network.bound);
            netFeatures = new float[Math.max(1, network.batchSize * network.rows * OpenClNetwork.INPUTS)];
            netState = new float[Math.max(1, network.batchSize * network.stateLength())];
            netScratch = new float[Math.max(1, network.batchSize * network.scratchLength())];
        }
    }

    private static float[] rounded(double[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    @Override
    void setIterationFeature(double value) {
        netIterationFeature = (float) value;
    }

    @Override
    void readNetworkState(double[] out) {
        get(netState);
        for (int k = 0; k < out.length; k++) {
            out[k] = netState[k];
        }
    }

    @Override
    void writeNetworkState(double[] in) {
        for (int k = 0; k < in.length; k++) {
            netState[k] = (float) in[k];
        }
        put(netState);
    }
}

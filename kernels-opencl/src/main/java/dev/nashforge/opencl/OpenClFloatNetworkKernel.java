package dev.nashforge.opencl;

/**
 * The solver kernel of {@link OpenClFloatKernel} plus the NPCFR network forward pass ({@link #OP_NETWORK}) in
 * float precision, for the OpenCL sessions of learned configurations (NPCFR / NPCFR+). The network runs in
 * binary32 throughout (weights, bounds, features, state; no double, so no {@code cl_khr_fp64} is needed), where
 * the CPU backend runs it in binary64 and rounds only the stored predictions: the two agree within the float
 * tolerances, not bit for bit. A separate class because PoCL vectorizes one Aparapi kernel as a whole: with the
 * network's loops inside, every other primitive ran about 2× slower, so other sessions keep the plain kernel.
 *
 * <p>Network arrays ({@link OpenClNetwork}'s layout): the row maps {@code [row]}, the infosets' first rows and
 * action counts {@code [infoset]}, the weights (the cell's flat layout), the bounds {@code [batch][infoset]},
 * features {@code [batch][row][10]}, the recurrent state {@code [batch][row][stateSize]} (resident on the
 * device; moved only by {@link #readNetworkState} / {@link #writeNetworkState}) and per-row scratch
 * {@code [batch][row][hidden]}. Kernel code uses only primitive fields, locals and loops (Aparapi); the
 * non-private methods below the kernel code are host code. Not thread-safe.
 */
final class OpenClFloatNetworkKernel extends OpenClFloatKernel implements OpenClNetworkKernel {

    // ---- the network's shape (scalars) and row layout (int arrays, transferred once at open)
    int netRows;
    int netInfosets;
    int netHidden;
    int netCell;
    /** The first row of the launch: 0 for every player's rows, a player's first row for alternating updates. */
    int netRowOffset;
    int[] rowPlayer;
    int[] rowLocal;
    int[] rowInfoset;
    int[] infosetFirstRow;
    int[] infosetActionCount;
    // ---- weights, bounds, features, recurrent state, scratch, the iteration feature of the launch
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
            if (op == OP_NETWORK) {
                networkRow(gid);
            } else {
                solverOp(gid);
            }
        }
    }

    /**
     * The NPCFR forward pass on one row of one instance (items: the launch's rows per instance, the first being
     * {@link #netRowOffset}; row s is global sequence s of {@link OpenClNetwork}), exactly
     * {@code meta.nn.PredictorNetwork#forward} for that row: the features of {@code PredictorFeatures} (the pooled
     * ones recomputed by every action of the infoset, in the same order, so all get the same bits), the GRU or MLP
     * cell with its sums in the CPU's order, and
     * m = B_I·tanh(o) stored into {@link #prediction} at the row's sequence (B = 0 at the empty sequences). The
     * row's new GRU state goes to {@link #netScratch} first, then over {@link #netState}: an item reads and
     * writes only its own row. asinh is sign(x)·log1p(|x| + x²/(1 + √(1+x²))) as in the CPU code.
     */
    private void networkRow(int gid) {
        int b = gid / itemsPerInstance;
        int s = netRowOffset + gid - b * itemsPerInstance;
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

    @Override
    public void setNetwork(OpenClNetwork network) {
        netRows = network.rows;
        netInfosets = network.infosets;
        netHidden = network.hidden;
        netCell = network.cell;
        rowPlayer = network.rowPlayer;
        rowLocal = network.rowLocal;
        rowInfoset = network.rowInfoset;
        infosetFirstRow = network.infosetFirstRow.length == 0 ? new int[1] : network.infosetFirstRow;
        infosetActionCount = network.infosetActions.length == 0 ? new int[1] : network.infosetActions;
        netParams = rounded(network.parameters);
        netBound = rounded(network.bound);
        netFeatures = new float[Math.max(1, network.batchSize * network.rows * OpenClNetwork.INPUTS)];
        netState = new float[Math.max(1, network.batchSize * network.stateLength())];
        netScratch = new float[Math.max(1, network.batchSize * network.scratchLength())];
    }

    @Override
    void putValueArrays() {
        super.putValueArrays();
        put(rowPlayer).put(rowLocal).put(rowInfoset).put(infosetFirstRow).put(infosetActionCount).put(netParams)
                .put(netBound).put(netFeatures).put(netState).put(netScratch);
    }

    private static float[] rounded(double[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    @Override
    public void setRowOffset(int firstRow) {
        netRowOffset = firstRow;
    }

    @Override
    public void setIterationFeature(double value) {
        netIterationFeature = (float) value;
    }

    @Override
    public void readNetworkState(double[] out) {
        get(netState);
        for (int k = 0; k < out.length; k++) {
            out[k] = netState[k];
        }
    }

    @Override
    public void writeNetworkState(double[] in) {
        for (int k = 0; k < in.length; k++) {
            netState[k] = (float) in[k];
        }
        put(netState);
    }
}

package dev.nashforge.opencl;

/**
 * The solver kernel of {@link OpenClDoubleKernel} plus the NPCFR network forward pass ({@link #OP_NETWORK}) in
 * double precision, for the OpenCL sessions of learned configurations (NPCFR / NPCFR+). A separate class because
 * PoCL vectorizes one Aparapi kernel as a whole: with the network's loops inside, every other primitive ran
 * about 2× slower, so sessions without a learned prediction keep the plain kernel.
 *
 * <p>Network arrays ({@link OpenClNetwork}'s layout): the row maps {@code [row]}, the infosets' first rows and
 * action counts {@code [infoset]}, the weights (the cell's flat layout), the bounds {@code [batch][infoset]},
 * features {@code [batch][row][10]}, the recurrent state {@code [batch][row][stateSize]} (resident on the
 * device; moved only by {@link #readNetworkState} / {@link #writeNetworkState}) and per-row scratch
 * {@code [batch][row][hidden]}. Kernel code uses only primitive fields, locals and loops (Aparapi); the
 * non-private methods below the kernel code are host code. Not thread-safe.
 */
final class OpenClDoubleNetworkKernel extends OpenClDoubleKernel implements OpenClNetworkKernel {

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
    double[] netParams;
    double[] netBound;
    double[] netFeatures;
    double[] netState;
    double[] netScratch;
    double netIterationFeature;

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
        double bound = 0.0;
        if (g < 0) {
            for (int k = 0; k < 10; k++) {
                netFeatures[xo + k] = 0.0;
            }
        } else {
            int n = infosetActionCount[g];
            int firstSlot = base + rowLocal[infosetFirstRow[g]];
            bound = netBound[b * netInfosets + g];
            double kappa = bound > 0.0 ? bound : 1.0;
            double meanR = 0.0;
            double maxR = instantaneousRegret[firstSlot] / kappa;
            double meanA = 0.0;
            double maxA = inverseHyperbolicSine(cumulativeRegret[firstSlot] / kappa);
            for (int k = 0; k < n; k++) {
                double rho = instantaneousRegret[firstSlot + k] / kappa;
                double a = inverseHyperbolicSine(cumulativeRegret[firstSlot + k] / kappa);
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
            netFeatures[xo + 9] = 1.0 / n;
        }
        int h = netHidden;
        int ho = row * h;
        double out = 0.0;
        if (netCell == 0) {
            int hf = h * 10;
            int gate = hf + h * h + h;
            int nW = 2 * gate;
            int bun = 3 * gate;
            int wh = bun + h;
            int wf = wh + h;
            out = netParams[wf + 10];
            for (int j = 0; j < 10; j++) {
                double term = netParams[wf + j] * netFeatures[xo + j];
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                double az = netParams[hf + h * h + k];
                double ar = netParams[gate + hf + h * h + k];
                double an = netParams[nW + hf + h * h + k];
                int wk = k * 10;
                for (int j = 0; j < 10; j++) {
                    double x = netFeatures[xo + j];
                    double tz = netParams[wk + j] * x;
                    double tr = netParams[gate + wk + j] * x;
                    double tn = netParams[nW + wk + j] * x;
                    az = az + tz;
                    ar = ar + tr;
                    an = an + tn;
                }
                double un = netParams[bun + k];
                int uk = hf + k * h;
                for (int j = 0; j < h; j++) {
                    double hj = netState[ho + j];
                    double tz = netParams[uk + j] * hj;
                    double tr = netParams[gate + uk + j] * hj;
                    double tu = netParams[nW + uk + j] * hj;
                    az = az + tz;
                    ar = ar + tr;
                    un = un + tu;
                }
                double z = logistic(az);
                double reset = logistic(ar);
                double gated = reset * un;
                double candidate = tanh(an + gated);
                double fresh = (1.0 - z) * candidate;
                double kept = z * netState[ho + k];
                double next = fresh + kept;
                netScratch[ho + k] = next;
                double term = netParams[wh + k] * next;
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
                double term = netParams[wf + j] * netFeatures[xo + j];
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                double a = netParams[b1 + k];
                for (int j = 0; j < 10; j++) {
                    double term = netParams[k * 10 + j] * netFeatures[xo + j];
                    a = a + term;
                }
                netScratch[ho + k] = tanh(a);
            }
            for (int k = 0; k < h; k++) {
                double a = netParams[b2 + k];
                for (int j = 0; j < h; j++) {
                    double term = netParams[w2 + k * h + j] * netScratch[ho + j];
                    a = a + term;
                }
                double second = tanh(a);
                double term = netParams[wh + k] * second;
                out = out + term;
            }
        }
        prediction[at] = bound * tanh(out);
    }

    /** asinh(x) = sign(x) · log1p(|x| + x²/(1 + √(1+x²))), ln|x| + ln 2 beyond 1e8 (meta.nn.PredictorFeatures). */
    private double inverseHyperbolicSine(double x) {
        double a = abs(x);
        double r = 0.0;
        if (a > 1e8) {
            r = log(a) + log(2.0);
        } else {
            double square = a * a;
            double root = sqrt(1.0 + square);
            double ratio = square / (1.0 + root);
            r = log1p(a + ratio);
        }
        return x < 0.0 ? -r : r;
    }

    /** The logistic sigmoid, evaluated as meta.nn.GruCell does (no overflow of exp for either sign). */
    private double logistic(double a) {
        double r = 0.0;
        if (a >= 0.0) {
            r = 1.0 / (1.0 + exp(-a));
        } else {
            double e = exp(a);
            r = e / (1.0 + e);
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
        netParams = network.parameters.clone();
        netBound = network.bound.clone();
        netFeatures = new double[Math.max(1, network.batchSize * network.rows * OpenClNetwork.INPUTS)];
        netState = new double[Math.max(1, network.batchSize * network.stateLength())];
        netScratch = new double[Math.max(1, network.batchSize * network.scratchLength())];
    }

    @Override
    void putValueArrays() {
        super.putValueArrays();
        put(rowPlayer).put(rowLocal).put(rowInfoset).put(infosetFirstRow).put(infosetActionCount).put(netParams)
                .put(netBound).put(netFeatures).put(netState).put(netScratch);
    }

    @Override
    public void setRowOffset(int firstRow) {
        netRowOffset = firstRow;
    }

    @Override
    public void setIterationFeature(double value) {
        netIterationFeature = value;
    }

    @Override
    public void readNetworkState(double[] out) {
        get(netState);
        System.arraycopy(netState, 0, out, 0, out.length);
    }

    @Override
    public void writeNetworkState(double[] in) {
        System.arraycopy(in, 0, netState, 0, in.length);
        put(netState);
    }
}

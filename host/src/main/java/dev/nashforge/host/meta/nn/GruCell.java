package dev.nashforge.host.meta.nn;

import java.util.SplittableRandom;

/**
 * A gated recurrent unit (Cho et al. 2014, in PyTorch's convention) with a linear head, per row:
 * <pre>
 *   z  = sigmoid(W_z φ + U_z h + b_z)            update gate
 *   g  = sigmoid(W_r φ + U_r h + b_r)            reset gate
 *   n  = tanh(W_n φ + b_n + g ⊙ (U_n h + b_un))  candidate
 *   h' = (1 − z) ⊙ n + z ⊙ h                     new state
 *   o  = w_h · h' + w_φ · φ + b_o                output pre-activation
 * </pre>
 * Parameter layout from {@code offset}: three gate blocks (z, r, n), each {@code W [H][F]}, {@code U [H][H]},
 * {@code b [H]}; then {@code b_un [H]}, {@code w_h [H]}, {@code w_φ [F]}, {@code b_o}. Tape per row:
 * {@code z, g, U_n h + b_un, n} (4H). Stateless and thread-safe.
 */
public final class GruCell implements PredictorCell {

    private final int inputs;
    private final int hidden;
    private final int gateBlock;

    public GruCell(int inputs, int hidden) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.gateBlock = hidden * inputs + hidden * hidden + hidden;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int stateSize() {
        return hidden;
    }

    @Override
    public int tapeSize() {
        return 4 * hidden;
    }

    @Override
    public int headParameterCount() {
        return hidden + inputs + 1;
    }

    @Override
    public int parameterCount() {
        return 3 * gateBlock + 2 * hidden + inputs + 1;
    }

    private int headHidden(int offset) {
        return offset + 3 * gateBlock + hidden;
    }

    @Override
    public void initialize(double[] params, int offset, SplittableRandom random) {
        double scale = 1.0 / Math.sqrt(hidden);
        for (int k = 0; k < 3 * gateBlock + hidden; k++) {
            params[offset + k] = scale * (2 * random.nextDouble() - 1);
        }
        int wh = headHidden(offset);
        for (int k = 0; k < hidden; k++) {
            params[wh + k] = 0.1 * scale * (2 * random.nextDouble() - 1);
        }
        int wf = wh + hidden;
        for (int j = 0; j < inputs; j++) {
            params[wf + j] = j == 0 ? 1.0 : 0.0;
        }
        params[wf + inputs] = 0;
    }

    @Override
    public void forward(double[] p, int offset, int fromRow, int toRow, double[] input, double[] stateIn,
                        double[] stateOut, double[] output, double[] tape) {
        int hf = hidden * inputs;
        int hh = hidden * hidden;
        int zW = offset;
        int rW = offset + gateBlock;
        int nW = offset + 2 * gateBlock;
        int bun = offset + 3 * gateBlock;
        int wh = headHidden(offset);
        int wf = wh + hidden;
        int bo = wf + inputs;
        int tw = 4 * hidden;
        for (int row = fromRow; row < toRow; row++) {
            int xo = row * inputs;
            int ho = row * hidden;
            int to = row * tw;
            double out = p[bo];
            for (int j = 0; j < inputs; j++) {
                out += p[wf + j] * input[xo + j];
            }
            for (int k = 0; k < hidden; k++) {
                double az = p[zW + hf + hh + k];
                double ar = p[rW + hf + hh + k];
                double an = p[nW + hf + hh + k];
                int wk = k * inputs;
                for (int j = 0; j < inputs; j++) {
                    double x = input[xo + j];
                    az += p[zW + wk + j] * x;
                    ar += p[rW + wk + j] * x;
                    an += p[nW + wk + j] * x;
                }
                double un = p[bun + k];
                int uk = hf + k * hidden;
                for (int j = 0; j < hidden; j++) {
                    double h = stateIn[ho + j];
                    az += p[zW + uk + j] * h;
                    ar += p[rW + uk + j] * h;
                    un += p[nW + uk + j] * h;
                }
                double z = sigmoid(az);
                double g = sigmoid(ar);
                double n = StrictMath.tanh(an + g * un);
                double h2 = (1 - z) * n + z * stateIn[ho + k];
                stateOut[ho + k] = h2;
                tape[to + k] = z;
                tape[to + hidden + k] = g;
                tape[to + 2 * hidden + k] = un;
                tape[to + 3 * hidden + k] = n;
                out += p[wh + k] * h2;
            }
            output[row] = out;
        }
    }

    @Override
    public void backward(double[] p, int offset, int rows, double[] input, double[] stateIn, double[] stateOut,
                         double[] tape, double[] outputBar, double[] stateOutBar, double[] inputBar,
                         double[] stateInBar, double[] grad) {
        int hf = hidden * inputs;
        int hh = hidden * hidden;
        int zW = offset;
        int rW = offset + gateBlock;
        int nW = offset + 2 * gateBlock;
        int bun = offset + 3 * gateBlock;
        int wh = headHidden(offset);
        int wf = wh + hidden;
        int bo = wf + inputs;
        int tw = 4 * hidden;
        for (int row = 0; row < rows; row++) {
            int xo = row * inputs;
            int ho = row * hidden;
            int to = row * tw;
            double ob = outputBar[row];
            grad[bo] += ob;
            for (int j = 0; j < inputs; j++) {
                grad[wf + j] += ob * input[xo + j];
                inputBar[xo + j] += ob * p[wf + j];
            }
            for (int k = 0; k < hidden; k++) {
                double z = tape[to + k];
                double g = tape[to + hidden + k];
                double un = tape[to + 2 * hidden + k];
                double n = tape[to + 3 * hidden + k];
                double h = stateIn[ho + k];
                grad[wh + k] += ob * stateOut[ho + k];
                double hb = stateOutBar[ho + k] + ob * p[wh + k];
                double dn = hb * (1 - z);
                double dz = hb * (h - n);
                stateInBar[ho + k] += hb * z;
                double dan = dn * (1 - n * n);
                double dg = dan * un;
                double dun = dan * g;
                double daz = dz * z * (1 - z);
                double dar = dg * g * (1 - g);
                grad[zW + hf + hh + k] += daz;
                grad[rW + hf + hh + k] += dar;
                grad[nW + hf + hh + k] += dan;
                grad[bun + k] += dun;
                int wk = k * inputs;
                for (int j = 0; j < inputs; j++) {
                    double x = input[xo + j];
                    grad[zW + wk + j] += daz * x;
                    grad[rW + wk + j] += dar * x;
                    grad[nW + wk + j] += dan * x;
                    inputBar[xo + j] += daz * p[zW + wk + j] + dar * p[rW + wk + j] + dan * p[nW + wk + j];
                }
                int uk = hf + k * hidden;
                for (int j = 0; j < hidden; j++) {
                    double hj = stateIn[ho + j];
                    grad[zW + uk + j] += daz * hj;
                    grad[rW + uk + j] += dar * hj;
                    grad[nW + uk + j] += dun * hj;
                    stateInBar[ho + j] += daz * p[zW + uk + j] + dar * p[rW + uk + j] + dun * p[nW + uk + j];
                }
            }
        }
    }

    static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }
}

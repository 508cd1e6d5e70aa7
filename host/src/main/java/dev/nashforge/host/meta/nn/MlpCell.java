package dev.nashforge.host.meta.nn;

import java.util.SplittableRandom;

/**
 * A stateless two-layer tanh perceptron with a linear head, per row:
 * {@code h1 = tanh(W_1 φ + b_1)}, {@code h2 = tanh(W_2 h1 + b_2)}, {@code o = w_h · h2 + w_φ · φ + b_o}.
 * Parameter layout from {@code offset}: {@code W_1 [H][F], b_1 [H], W_2 [H][H], b_2 [H], w_h [H], w_φ [F], b_o}.
 * Tape per row: {@code h1, h2} (2H). No recurrent state. Stateless and thread-safe.
 */
public final class MlpCell implements PredictorCell {

    private final int inputs;
    private final int hidden;

    public MlpCell(int inputs, int hidden) {
        this.inputs = inputs;
        this.hidden = hidden;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int stateSize() {
        return 0;
    }

    @Override
    public int tapeSize() {
        return 2 * hidden;
    }

    @Override
    public int headParameterCount() {
        return hidden + inputs + 1;
    }

    @Override
    public int parameterCount() {
        return hidden * inputs + hidden + hidden * hidden + hidden + hidden + inputs + 1;
    }

    @Override
    public void initialize(double[] params, int offset, SplittableRandom random) {
        double s1 = 1.0 / Math.sqrt(inputs);
        double s2 = 1.0 / Math.sqrt(hidden);
        int k = offset;
        for (int i = 0; i < hidden * inputs + hidden; i++) {
            params[k++] = s1 * (2 * random.nextDouble() - 1);
        }
        for (int i = 0; i < hidden * hidden + hidden; i++) {
            params[k++] = s2 * (2 * random.nextDouble() - 1);
        }
        for (int i = 0; i < hidden; i++) {
            params[k++] = 0.1 * s2 * (2 * random.nextDouble() - 1);
        }
        for (int j = 0; j < inputs; j++) {
            params[k++] = j == 0 ? 1.0 : 0.0;
        }
        params[k] = 0;
    }

    @Override
    public void forward(double[] p, int offset, int fromRow, int toRow, double[] input, double[] stateIn,
                        double[] stateOut, double[] output, double[] tape) {
        int w1 = offset;
        int b1 = w1 + hidden * inputs;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden * hidden;
        int wh = b2 + hidden;
        int wf = wh + hidden;
        int bo = wf + inputs;
        for (int row = fromRow; row < toRow; row++) {
            int xo = row * inputs;
            int to = row * 2 * hidden;
            double out = p[bo];
            for (int j = 0; j < inputs; j++) {
                out += p[wf + j] * input[xo + j];
            }
            for (int k = 0; k < hidden; k++) {
                double a = p[b1 + k];
                for (int j = 0; j < inputs; j++) {
                    a += p[w1 + k * inputs + j] * input[xo + j];
                }
                tape[to + k] = StrictMath.tanh(a);
            }
            for (int k = 0; k < hidden; k++) {
                double a = p[b2 + k];
                for (int j = 0; j < hidden; j++) {
                    a += p[w2 + k * hidden + j] * tape[to + j];
                }
                double h2 = StrictMath.tanh(a);
                tape[to + hidden + k] = h2;
                out += p[wh + k] * h2;
            }
            output[row] = out;
        }
    }

    @Override
    public void backward(double[] p, int offset, int rows, double[] input, double[] stateIn, double[] stateOut,
                         double[] tape, double[] outputBar, double[] stateOutBar, double[] inputBar,
                         double[] stateInBar, double[] grad) {
        int w1 = offset;
        int b1 = w1 + hidden * inputs;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden * hidden;
        int wh = b2 + hidden;
        int wf = wh + hidden;
        int bo = wf + inputs;
        double[] h1Bar = new double[hidden];
        for (int row = 0; row < rows; row++) {
            int xo = row * inputs;
            int to = row * 2 * hidden;
            double ob = outputBar[row];
            if (ob == 0) {
                continue;
            }
            grad[bo] += ob;
            for (int j = 0; j < inputs; j++) {
                grad[wf + j] += ob * input[xo + j];
                inputBar[xo + j] += ob * p[wf + j];
            }
            java.util.Arrays.fill(h1Bar, 0.0);
            for (int k = 0; k < hidden; k++) {
                double h2 = tape[to + hidden + k];
                grad[wh + k] += ob * h2;
                double da = ob * p[wh + k] * (1 - h2 * h2);
                grad[b2 + k] += da;
                for (int j = 0; j < hidden; j++) {
                    grad[w2 + k * hidden + j] += da * tape[to + j];
                    h1Bar[j] += da * p[w2 + k * hidden + j];
                }
            }
            for (int k = 0; k < hidden; k++) {
                double h1 = tape[to + k];
                double da = h1Bar[k] * (1 - h1 * h1);
                grad[b1 + k] += da;
                for (int j = 0; j < inputs; j++) {
                    grad[w1 + k * inputs + j] += da * input[xo + j];
                    inputBar[xo + j] += da * p[w1 + k * inputs + j];
                }
            }
        }
    }
}

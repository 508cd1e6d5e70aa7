package dev.nashforge.host.meta.nn;

import java.util.SplittableRandom;

/**
 * A network cell applied independently to {@code rows} rows (one per (infoset, action) of every instance), with
 * weights shared by all rows. Row k reads {@code input[k*inputSize() ..]}, {@code stateIn[k*stateSize() ..]},
 * writes {@code stateOut[k*stateSize() ..]}, the scalar pre-activation {@code output[k]} and what its backward
 * pass needs in {@code tape[k*tapeSize() ..]}. Parameters are a flat {@code double[]} starting at
 * {@code offset}. Implementations are stateless and thread-safe.
 */
public interface PredictorCell {

    int inputSize();

    /** Recurrent state per row (0 for a stateless cell). */
    int stateSize();

    /** Doubles per row the forward pass records for the backward pass. */
    int tapeSize();

    int parameterCount();

    /**
     * Size of the output head {@code w_h [H], w_φ [F], b_o}: the last parameters of the cell's layout (the weights
     * that map the state and the features to the output pre-activation).
     */
    int headParameterCount();

    /**
     * Writes initial parameters; the head starts as {@code o = φ_0 + w_h · h} (the normalized regret plus small random
     * weights on the hidden state, see the network).
     */
    void initialize(double[] params, int offset, SplittableRandom random);

    /** {@link #forward(double[], int, int, int, double[], double[], double[], double[], double[])} on rows 0..rows−1. */
    default void forward(double[] params, int offset, int rows, double[] input, double[] stateIn, double[] stateOut,
                         double[] output, double[] tape) {
        forward(params, offset, 0, rows, input, stateIn, stateOut, output, tape);
    }

    /**
     * The forward pass of rows {@code fromRow..toRow−1} only (arrays are indexed by the global row as above); the
     * other rows' outputs, states and tape are not touched. Each row's arithmetic is independent of the range.
     */
    void forward(double[] params, int offset, int fromRow, int toRow, double[] input, double[] stateIn,
                 double[] stateOut, double[] output, double[] tape);

    /**
     * Reverse mode: given {@code outputBar} {@code [rows]} and {@code stateOutBar} {@code [rows*stateSize]} (not
     * modified), <b>adds</b> to {@code inputBar}, {@code stateInBar} and {@code grad} (same layout as params).
     */
    void backward(double[] params, int offset, int rows, double[] input, double[] stateIn, double[] stateOut,
                  double[] tape, double[] outputBar, double[] stateOutBar, double[] inputBar, double[] stateInBar,
                  double[] grad);
}

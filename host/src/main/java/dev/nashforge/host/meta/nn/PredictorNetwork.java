package dev.nashforge.host.meta.nn;

import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.ops.KinkMonitor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The NPCFR predictor (method.md §5): one network whose weights are shared by every infoset of every player,
 * applied per (infoset, action) — one row per global sequence of {@link MetaLayout} — to the features of
 * {@link PredictorFeatures}, through a {@link PredictorCell}, and squashed into the bounded prediction
 * <pre>  m(I,a) = B_I · tanh(o(I,a))  </pre>
 * with {@code B_I} the regret bound of {@code PredictionBounds}, so {@code |m| ≤ B_I} for any weights.
 * The initial head reads the normalized regret ({@code w_φ} = 1 on {@code r/B_I}, bias 0) plus small random
 * weights {@code w_h} on the hidden state. Those add a term of about 0.05 to {@code o}, which dominates once
 * regrets are small (on three-player Leduc the untrained network is far from PCFR+); with {@link #zeroHiddenHead}
 * ({@code nash train --head-start regret}) the untrained network predicts exactly {@code m = B_I tanh(r/B_I)},
 * PCFR+'s prediction damped near the bound.
 *
 * <p>Parameters are a flat {@code double[parameterCount()]} (the cell's layout). The recurrent state of an
 * instance is {@code [sequence][stateSize()]}. Forward and hand-written backward; stateless and thread-safe
 * (all mutable data lives in the caller's arrays and {@link NetworkTape}).
 */
public final class PredictorNetwork {

    private final PredictorArchitecture architecture;
    private final PredictorCell cell;

    public PredictorNetwork(PredictorArchitecture architecture) {
        this.architecture = architecture;
        this.cell = architecture.newCell();
    }

    public PredictorArchitecture architecture() {
        return architecture;
    }

    public int parameterCount() {
        return cell.parameterCount();
    }

    /** The output head's size: the last {@code headParameterCount()} parameters are {@code w_h, w_φ, b_o}. */
    public int headParameterCount() {
        return cell.headParameterCount();
    }

    /**
     * Sets the head's weights on the hidden state ({@code w_h}, the first {@code H} of the head) to zero in
     * {@code params}, so that {@code o = w_φ · φ + b}: with the initial {@code w_φ} and {@code b}, {@code o = r/B_I}
     * and {@code m = B_I · tanh(r/B_I)} whatever the recurrent state.
     */
    public void zeroHiddenHead(double[] params) {
        if (params.length != parameterCount()) {
            throw new IllegalArgumentException("zeroHiddenHead: " + params.length + " parameters, the network has "
                    + parameterCount());
        }
        int from = params.length - headParameterCount();
        Arrays.fill(params, from, from + architecture.hiddenSize(), 0.0);
    }

    /** Recurrent state per row (0 for the MLP). */
    public int stateSize() {
        return cell.stateSize();
    }

    /** Fresh initial parameters drawn from {@code random}. */
    public double[] initialParameters(SplittableRandom random) {
        double[] p = new double[cell.parameterCount()];
        cell.initialize(p, 0, random);
        return p;
    }

    /** A tape for one instance of {@code layout}. */
    public NetworkTape newTape(MetaLayout layout) {
        return new NetworkTape(layout.numSequences(), cell.tapeSize());
    }

    /**
     * Computes the prediction for iteration t+1 from the quantities of iteration t.
     *
     * @param bound          {@code [infoset]} B_I
     * @param t              the iteration just completed (≥ 1)
     * @param regret         {@code [sequence]} r^t
     * @param cumulative     {@code [sequence]} R^t (after the update)
     * @param prediction     {@code [sequence]} m^t, the prediction used at iteration t
     * @param strategy       {@code [sequence]} σ^t
     * @param stateIn        {@code [sequence][stateSize]} h^{t−1}
     * @param stateOut       {@code [sequence][stateSize]} h^t (written)
     * @param nextPrediction {@code [sequence]} m^{t+1} (written; 0 at the empty sequences)
     * @param tape           records the pass for {@link #backward}
     */
    public void forward(double[] params, MetaLayout layout, double[] bound, int t, double[] regret,
                        double[] cumulative, double[] prediction, double[] strategy, double[] stateIn,
                        double[] stateOut, double[] nextPrediction, NetworkTape tape, KinkMonitor kinks) {
        forward(params, layout, bound, t, regret, cumulative, prediction, strategy, stateIn, stateOut,
                nextPrediction, tape, kinks, 0, layout.numSequences());
    }

    /**
     * {@link #forward(double[], MetaLayout, double[], int, double[], double[], double[], double[], double[],
     * double[], double[], NetworkTape, KinkMonitor) forward} restricted to the rows {@code fromRow..toRow−1}, e.g.
     * one player's sequences for alternating updates: the features are computed for every row (pooling reads
     * whole infosets; they are cheap), the cell and the squashing only for the range, whose outputs are
     * bit-identical to the full pass's; {@code stateOut}, {@code nextPrediction} and the tape's cell entries of the
     * other rows are not written. Not for {@link #backward}, which needs the full pass.
     */
    public void forward(double[] params, MetaLayout layout, double[] bound, int t, double[] regret,
                        double[] cumulative, double[] prediction, double[] strategy, double[] stateIn,
                        double[] stateOut, double[] nextPrediction, NetworkTape tape, KinkMonitor kinks,
                        int fromRow, int toRow) {
        if (fromRow < 0 || toRow > layout.numSequences() || fromRow > toRow) {
            throw new IllegalArgumentException("PredictorNetwork: rows " + fromRow + ".." + toRow + " are not within"
                    + " the layout's " + layout.numSequences() + " sequences");
        }
        PredictorFeatures.forward(layout, bound, architecture.iterationFeature().value(t), regret, cumulative,
                prediction, strategy, tape.features, kinks);
        cell.forward(params, 0, fromRow, toRow, tape.features, stateIn, stateOut, tape.output, tape.cellTape);
        int[] seqInfoset = layout.sequenceInfoset();
        for (int s = fromRow; s < toRow; s++) {
            int g = seqInfoset[s];
            double b = g < 0 ? 0 : bound[g];
            double th = StrictMath.tanh(tape.output[s]);
            tape.squashed[s] = th;
            nextPrediction[s] = b * th;
        }
    }

    /**
     * Reverse mode of {@link #forward}: given {@code nextPredictionBar} and {@code stateOutBar} (not modified),
     * <b>adds</b> to {@code regretBar}, {@code cumulativeBar}, {@code predictionBar}, {@code strategyBar},
     * {@code stateInBar} and {@code grad}. The tape must hold this pass's forward record.
     */
    public void backward(double[] params, MetaLayout layout, double[] bound, double[] regret, double[] cumulative,
                         double[] stateIn, double[] stateOut, NetworkTape tape, double[] nextPredictionBar,
                         double[] stateOutBar, double[] regretBar, double[] cumulativeBar, double[] predictionBar,
                         double[] strategyBar, double[] stateInBar, double[] grad) {
        int rows = layout.numSequences();
        int[] seqInfoset = layout.sequenceInfoset();
        for (int s = 0; s < rows; s++) {
            int g = seqInfoset[s];
            double b = g < 0 ? 0 : bound[g];
            double th = tape.squashed[s];
            tape.outputBar[s] = nextPredictionBar[s] * b * (1 - th * th);
        }
        Arrays.fill(tape.featuresBar, 0.0);
        cell.backward(params, 0, rows, tape.features, stateIn, stateOut, tape.cellTape, tape.outputBar, stateOutBar,
                tape.featuresBar, stateInBar, grad);
        PredictorFeatures.backward(layout, bound, regret, cumulative, tape.featuresBar, regretBar, cumulativeBar,
                predictionBar, strategyBar);
    }
}

package dev.nashforge.host.meta;

import dev.nashforge.host.meta.nn.NetworkTape;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.ops.CounterfactualValueOp;
import dev.nashforge.host.meta.ops.InstantaneousRegretOp;
import dev.nashforge.host.meta.ops.KinkMonitor;
import dev.nashforge.host.meta.ops.RealizationPlanOp;
import dev.nashforge.host.meta.ops.RegretMatchingOp;
import dev.nashforge.host.meta.ops.RegretUpdateOp;

import java.util.Arrays;

/**
 * The player sub-steps of one alternating iteration of {@link UnrolledSolver} (method.md §3: players in order, as
 * in OpenSpiel and the CPU backend), and their reverse mode. The iteration starts as the simultaneous one does
 * (σ⁰ = RM(R + m), x⁰ = plan(σ⁰), the averages and the loss on x⁰); then for p = 0, …, N−1, from (σ, x, R, m, h):
 * <ol>
 *   <li>v = CFV(x) and r = q − σ·q, against the current plans (the players before p have moved);</li>
 *   <li>R_p ← [R_p + r_p]⁺ (NPCFR+) or R_p + r_p, on p's rows;</li>
 *   <li>m_p, h_p ← net(r, R, m, σ, t; h) on p's rows (a {@link BaselinePrediction} without a network);</li>
 *   <li>σ_p ← RM(R_p + m_p) on p's rows, and x ← plan(σ).</li>
 * </ol>
 * Each step is a whole-vector op whose result is kept on p's rows, the other rows passing through, so the reverse
 * mode is the ops' own adjoints under a player mask. The next iteration's σ⁰ = RM(R + m) equals the σ the
 * sub-steps leave, so the carry holds no strategy.
 *
 * <p>A {@link Record} keeps what the reverse pass needs: σ, x, R, m and h before every sub-step and after the
 * last, each sub-step's action values and instantaneous regrets, and the network's full output state and tape (the
 * network runs on every row when recording, so its tape is complete; without a record, on p's rows only, which
 * gives the same bits there). Not thread-safe.
 */
final class AlternatingStep {

    private final MetaLayout layout;
    private final PredictorNetwork network;
    private final BaselinePrediction baseline;
    private final boolean plus;
    private final int players;
    private final int sequences;
    private final int stateSize;
    private final int[] offset;
    private final Record scratchRecord;
    private final double[] values;
    private final double[] work;
    private final double[] predictionWork;
    private final double[] sigmaBar;
    private final double[] planBar;
    private final double[] regretBar;
    private final double[] valuesBar;
    private final double[] scratch;
    private final double[] maskedBar;
    private final double[] maskedStateBar;

    /** What the reverse pass needs from the sub-steps of one iteration. */
    static final class Record {
        /** Index p: before sub-step p; index N: after the last. */
        final double[][] strategy;
        final double[][] plan;
        final double[][] cumulative;
        final double[][] prediction;
        final double[][] state;
        /** Index p: of sub-step p. */
        final double[][] actionValue;
        final double[][] regret;
        final double[][] networkState;
        final NetworkTape[] tape;

        Record(MetaLayout layout, PredictorNetwork network, boolean withTapes) {
            int n = layout.numPlayers();
            int s = layout.numSequences();
            int h = network == null ? 0 : network.stateSize();
            strategy = new double[n + 1][s];
            plan = new double[n + 1][s];
            cumulative = new double[n + 1][s];
            prediction = new double[n + 1][s];
            state = new double[n + 1][s * h];
            actionValue = new double[n][s];
            regret = new double[n][s];
            networkState = new double[withTapes ? n : 0][s * h];
            tape = new NetworkTape[withTapes ? n : 1];
            for (int p = 0; p < tape.length; p++) {
                tape[p] = network == null ? null : network.newTape(layout);
            }
        }
    }

    AlternatingStep(MetaLayout layout, PredictorNetwork network, BaselinePrediction baseline, boolean plus) {
        this.layout = layout;
        this.network = network;
        this.baseline = baseline;
        this.plus = plus;
        this.players = layout.numPlayers();
        this.sequences = layout.numSequences();
        this.stateSize = network == null ? 0 : network.stateSize();
        this.offset = new int[players + 1];
        for (int p = 0; p < players; p++) {
            offset[p] = layout.sequenceOffset()[p];
        }
        offset[players] = sequences;
        this.scratchRecord = new Record(layout, network, false);
        this.values = new double[sequences];
        this.work = new double[sequences];
        this.predictionWork = new double[sequences];
        this.sigmaBar = new double[sequences];
        this.planBar = new double[sequences];
        this.regretBar = new double[sequences];
        this.valuesBar = new double[sequences];
        this.scratch = new double[sequences];
        this.maskedBar = new double[sequences];
        this.maskedStateBar = new double[sequences * stateSize];
    }

    /** A record for the reverse pass (tapes included). */
    Record newRecord() {
        return new Record(layout, network, true);
    }

    /**
     * The sub-steps of iteration {@code t}: from σ⁰, x⁰ and the carry {@code in}'s R, m, h to {@code out}'s R, m, h;
     * {@code regretView} receives each player's instantaneous regret (on its rows). {@code rec} null: a
     * forward-only pass (the network on p's rows only).
     */
    void forward(double[] params, MetaInstance inst, int t, double[] strategy0, double[] plan0, SolverCarry in,
                 SolverCarry out, Record rec, double[] regretView, KinkMonitor kinks) {
        Record r = rec != null ? rec : scratchRecord;
        System.arraycopy(strategy0, 0, r.strategy[0], 0, sequences);
        System.arraycopy(plan0, 0, r.plan[0], 0, sequences);
        System.arraycopy(in.regret, 0, r.cumulative[0], 0, sequences);
        System.arraycopy(in.prediction, 0, r.prediction[0], 0, sequences);
        System.arraycopy(in.state, 0, r.state[0], 0, in.state.length);
        for (int p = 0; p < players; p++) {
            int from = offset[p];
            int to = offset[p + 1];
            double[] sigma = r.strategy[p];
            double[] cumulative = r.cumulative[p];
            double[] prediction = r.prediction[p];
            double[] state = r.state[p];
            double[] regret = r.regret[p];
            CounterfactualValueOp.forward(layout, inst.chanceReach(), inst.utility(), r.plan[p], values);
            InstantaneousRegretOp.forward(layout, sigma, values, r.actionValue[p], regret);
            System.arraycopy(regret, from, regretView, from, to - from);
            double[] nextCumulative = r.cumulative[p + 1];
            System.arraycopy(cumulative, 0, nextCumulative, 0, sequences);
            RegretUpdateOp.forward(plus, cumulative, regret, nextCumulative, kinks, from, to);
            double[] nextPrediction = r.prediction[p + 1];
            double[] nextState = r.state[p + 1];
            System.arraycopy(prediction, 0, nextPrediction, 0, sequences);
            System.arraycopy(state, 0, nextState, 0, state.length);
            if (network != null) {
                if (rec != null) {
                    network.forward(params, layout, inst.bound(), t, regret, nextCumulative, prediction, sigma,
                            state, r.networkState[p], predictionWork, r.tape[p], kinks);
                    System.arraycopy(predictionWork, from, nextPrediction, from, to - from);
                    System.arraycopy(r.networkState[p], from * stateSize, nextState, from * stateSize,
                            (to - from) * stateSize);
                } else {
                    network.forward(params, layout, inst.bound(), t, regret, nextCumulative, prediction, sigma,
                            state, nextState, nextPrediction, r.tape[0], kinks, from, to);
                }
            } else if (baseline == BaselinePrediction.LAST_REGRET) {
                System.arraycopy(regret, from, nextPrediction, from, to - from);
            } else {
                Arrays.fill(nextPrediction, from, to, 0.0);
            }
            double[] nextSigma = r.strategy[p + 1];
            System.arraycopy(sigma, 0, nextSigma, 0, sequences);
            RegretMatchingOp.forward(layout, nextCumulative, nextPrediction, work, null);
            System.arraycopy(work, from, nextSigma, from, to - from);
            RealizationPlanOp.forward(layout, nextSigma, r.plan[p + 1]);
        }
        System.arraycopy(r.cumulative[players], 0, out.regret, 0, sequences);
        System.arraycopy(r.prediction[players], 0, out.prediction, 0, sequences);
        System.arraycopy(r.state[players], 0, out.state, 0, out.state.length);
    }

    /**
     * Reverse of {@link #forward} with a record: given the adjoints of {@code out}'s R, m, h ({@code outBar}, not
     * modified), <b>adds</b> those of σ⁰ and x⁰ to {@code strategy0Bar} and {@code plan0Bar}, <b>writes</b> those of
     * {@code in}'s R, m, h into {@code inBar}, and adds the parameters' gradient to {@code grad}.
     */
    void backward(double[] params, MetaInstance inst, Record rec, SolverCarry outBar, SolverCarry inBar,
                  double[] strategy0Bar, double[] plan0Bar, double[] grad) {
        double[] cumulativeBar = inBar.regret;
        double[] predictionBar = inBar.prediction;
        double[] stateBar = inBar.state;
        System.arraycopy(outBar.regret, 0, cumulativeBar, 0, sequences);
        System.arraycopy(outBar.prediction, 0, predictionBar, 0, sequences);
        System.arraycopy(outBar.state, 0, stateBar, 0, stateBar.length);
        Arrays.fill(sigmaBar, 0.0);
        Arrays.fill(planBar, 0.0);
        for (int p = players - 1; p >= 0; p--) {
            int from = offset[p];
            int to = offset[p + 1];
            // x_{p+1} = plan(σ_{p+1}): planBar holds ∂/∂x_{p+1}; adds ∂/∂σ_{p+1} into sigmaBar
            RealizationPlanOp.backward(layout, rec.strategy[p + 1], rec.plan[p + 1], planBar, sigmaBar);
            Arrays.fill(planBar, 0.0);
            // σ_{p+1} = σ_p off p's rows, RM(R_{p+1}, m_{p+1}) on them
            Arrays.fill(maskedBar, 0.0);
            System.arraycopy(sigmaBar, from, maskedBar, from, to - from);
            Arrays.fill(sigmaBar, from, to, 0.0);
            RegretMatchingOp.backward(layout, rec.cumulative[p + 1], rec.prediction[p + 1], rec.strategy[p + 1],
                    maskedBar, cumulativeBar, predictionBar);
            // m_{p+1}, h_{p+1} = net(…) on p's rows, m_p, h_p elsewhere
            Arrays.fill(regretBar, 0.0);
            if (network != null) {
                Arrays.fill(maskedBar, 0.0);
                System.arraycopy(predictionBar, from, maskedBar, from, to - from);
                Arrays.fill(predictionBar, from, to, 0.0);
                Arrays.fill(maskedStateBar, 0.0);
                System.arraycopy(stateBar, from * stateSize, maskedStateBar, from * stateSize,
                        (to - from) * stateSize);
                Arrays.fill(stateBar, from * stateSize, to * stateSize, 0.0);
                network.backward(params, layout, inst.bound(), rec.regret[p], rec.cumulative[p + 1], rec.state[p],
                        rec.networkState[p], rec.tape[p], maskedBar, maskedStateBar, regretBar, cumulativeBar,
                        predictionBar, sigmaBar, stateBar, grad);
            } else if (baseline == BaselinePrediction.LAST_REGRET) {
                for (int s = from; s < to; s++) {
                    regretBar[s] += predictionBar[s];
                    predictionBar[s] = 0;
                }
            } else {
                Arrays.fill(predictionBar, from, to, 0.0);
            }
            // R_{p+1} = update(R_p, r) on p's rows, R_p elsewhere
            Arrays.fill(maskedBar, 0.0);
            System.arraycopy(cumulativeBar, from, maskedBar, from, to - from);
            Arrays.fill(cumulativeBar, from, to, 0.0);
            RegretUpdateOp.backward(plus, rec.cumulative[p], rec.regret[p], maskedBar, cumulativeBar, regretBar);
            // r only matters on p's rows (the network's other rows were discarded, their adjoints are zero)
            Arrays.fill(valuesBar, 0.0);
            InstantaneousRegretOp.backward(layout, rec.strategy[p], rec.actionValue[p], regretBar, valuesBar, sigmaBar,
                    scratch);
            CounterfactualValueOp.backward(layout, inst.chanceReach(), inst.utility(), rec.plan[p], valuesBar,
                    planBar);
        }
        for (int s = 0; s < sequences; s++) {
            strategy0Bar[s] += sigmaBar[s];
            plan0Bar[s] += planBar[s];
        }
    }

    /** Bytes of one {@link #newRecord()}. */
    long recordBytes() {
        long s = sequences;
        long h = (long) sequences * stateSize;
        long bytes = 8L * ((players + 1L) * (4 * s + h) + players * (2 * s + h));
        NetworkTape tape = scratchRecord.tape[0];
        return bytes + (tape == null ? 0 : players * tape.bytes());
    }
}

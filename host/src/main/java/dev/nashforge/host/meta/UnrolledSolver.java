package dev.nashforge.host.meta;

import dev.nashforge.host.meta.nn.NetworkTape;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.ops.CceGapOp;
import dev.nashforge.host.meta.ops.CounterfactualValueOp;
import dev.nashforge.host.meta.ops.InstantaneousRegretOp;
import dev.nashforge.host.meta.ops.JointAverageOp;
import dev.nashforge.host.meta.ops.KinkMonitor;
import dev.nashforge.host.meta.ops.NashGapOp;
import dev.nashforge.host.meta.ops.RealizationPlanOp;
import dev.nashforge.host.meta.ops.RegretMatchingOp;
import dev.nashforge.host.meta.ops.RegretUpdateOp;
import dev.nashforge.host.meta.ops.TotalCorrelationOp;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The differentiable unrolled NPCFR / NPCFR+ solver (method.md §3, §5) on one instance of the flat layout, with
 * its hand-written reverse mode (the meta-gradient).
 *
 * <p><b>Iteration t</b> (1-based, simultaneous updates; {@code R^0 = 0}, {@code m^1 = 0}, so iteration 1 plays
 * uniform):
 * <ol>
 *   <li>{@code σ^t = RM(R^{t−1} + m^t)}: {@code σ ∝ [R + m]⁺}, uniform when all ≤ 0 ({@link RegretMatchingOp});</li>
 *   <li>plans {@code x^t}, counterfactual values, {@code q^t, r^t} for every player against the same x^t;</li>
 *   <li>{@code R^t = [R^{t−1} + r^t]⁺} (NPCFR+) or {@code R^{t−1} + r^t} (NPCFR);</li>
 *   <li>averages with {@code f = w_t / W_t}: x̄_t, J_t (and y_t for CCEGap) ({@link JointAverageOp});</li>
 *   <li>loss term {@code λ_t (α TC_t + β NashGap_t + γ CCEGap_t + δ NashGap(x^t))} on the averages and the
 *       iterate ({@link MetaLoss});</li>
 *   <li>for t &lt; T: {@code m^{t+1}, h^t = net(r^t, R^t, m^t, σ^t, t; h^{t−1})} — or a {@link BaselinePrediction}.</li>
 * </ol>
 *
 * <p><b>Memory.</b> Reverse mode needs one {@link IterationRecord} per unrolled iteration:
 * {@link #bytesPerIteration()} bytes, about {@code 8 · (S·(14 + 2F + 2H + c) + 2Z (+ 2NZ with the CCEGap term))}
 * for S sequences (all players), Z terminals, N players, F features, a recurrent state of H per row and a cell tape
 * of c per row (GRU: H = c/4 = hidden units; MLP: H = 0, c = 2·hidden): 14,576 bytes for biased Shapley and
 * 4.0 MB for two-player Leduc with a 32-unit GRU. Storing all T of them costs O(T × state). With a checkpoint
 * interval k, {@link #gradient} stores only the carry every k iterations and recomputes each segment of k
 * iterations in the backward pass: memory O(T/k · carry + k · record) for one extra forward pass. Both give
 * bit-identical gradients.
 *
 * <p>Not thread-safe: the solver owns its scratch, records and carries; use one per thread.
 */
public final class UnrolledSolver {

    private final MetaLayout layout;
    private final PredictorNetwork network;
    private final BaselinePrediction baseline;
    private final UnrolledConfig config;
    private final boolean plus;
    private final boolean trackOpponent;
    private final double[] lambda;
    /** d(game loss)/d(Σ_t λ_t …) of the current {@code gradient} call ({@link MetaLoss#finishDerivative}). */
    private double lossSeed = 1.0;
    private final int sequences;
    private final int stateSize;
    private final NashGapOp nashGapOp;
    private final CceGapOp cceGapOp;
    private final IterationRecord scratchRecord;
    private final double[] values;
    private final double[] scratch;
    private final double[] sigmaBar;
    private final double[] planBar;
    private final double[] valuesBar;
    private final double[] regretBar;
    private final double[] cumulativeBar;
    private final double[] averageBar;
    private final double[] jointBar;
    private final double[] opponentBar;
    /** The player sub-steps of alternating updates; null for simultaneous ones. */
    private final AlternatingStep alternating;
    private IterationRecord[] records = new IterationRecord[0];
    private SolverCarry[] snapshots = new SolverCarry[0];

    /** A learned solver driven by {@code network}. */
    public UnrolledSolver(MetaLayout layout, PredictorNetwork network, UnrolledConfig config) {
        this(layout, network, null, config);
        if (network == null) {
            throw new IllegalArgumentException("UnrolledSolver: the network is null; use the baseline constructor"
                    + " for a solver without one");
        }
    }

    /** A solver with a hand-made prediction (no parameters; no gradient). */
    public UnrolledSolver(MetaLayout layout, BaselinePrediction baseline, UnrolledConfig config) {
        this(layout, null, baseline, config);
        if (baseline == null) {
            throw new IllegalArgumentException("UnrolledSolver: the baseline prediction is null");
        }
    }

    private UnrolledSolver(MetaLayout layout, PredictorNetwork network, BaselinePrediction baseline,
                           UnrolledConfig config) {
        if (layout == null || config == null) {
            throw new IllegalArgumentException("UnrolledSolver: layout and config are required");
        }
        this.layout = layout;
        this.network = network;
        this.baseline = baseline;
        this.config = config;
        this.plus = config.variant().plus();
        this.trackOpponent = config.loss().cceGap() > 0;
        this.lambda = config.loss().schedule().weights(config.horizon());
        this.sequences = layout.numSequences();
        this.stateSize = network == null ? 0 : network.stateSize();
        this.nashGapOp = new NashGapOp(layout);
        this.cceGapOp = new CceGapOp(layout);
        this.scratchRecord = newRecord();
        this.values = new double[sequences];
        this.scratch = new double[sequences];
        this.sigmaBar = new double[sequences];
        this.planBar = new double[sequences];
        this.valuesBar = new double[sequences];
        this.regretBar = new double[sequences];
        this.cumulativeBar = new double[sequences];
        this.averageBar = new double[sequences];
        this.jointBar = new double[layout.numTerminals()];
        this.opponentBar = new double[trackOpponent ? layout.numPlayers() * layout.numTerminals() : 0];
        this.alternating = config.alternating() ? new AlternatingStep(layout, network, baseline, plus) : null;
    }

    public UnrolledConfig config() {
        return config;
    }

    public MetaLayout layout() {
        return layout;
    }

    private SolverCarry newCarry() {
        return new SolverCarry(sequences, stateSize, layout.numTerminals(),
                trackOpponent ? layout.numPlayers() * layout.numTerminals() : 0);
    }

    private IterationRecord newRecord() {
        NetworkTape tape = network == null ? null : network.newTape(layout);
        return new IterationRecord(newCarry(), newCarry(), sequences, tape);
    }

    /** A record for the reverse pass: with the sub-steps' record under alternating updates. */
    private IterationRecord newReverseRecord() {
        if (alternating == null) {
            return newRecord();
        }
        return new IterationRecord(newCarry(), newCarry(), sequences, null, alternating.newRecord());
    }

    /**
     * Bytes of one stored unrolled iteration for this game and network (see the class doc); with alternating updates
     * the N sub-steps' record replaces the network tape.
     */
    public long bytesPerIteration() {
        if (alternating == null) {
            return scratchRecord.bytes();
        }
        long tape = scratchRecord.tape == null ? 0 : scratchRecord.tape.bytes();
        return scratchRecord.bytes() - tape + alternating.recordBytes();
    }

    /** Bytes of one checkpointed carry. */
    public long bytesPerCheckpoint() {
        return scratchRecord.in.bytes();
    }

    /** The meta-loss of {@code instance} (forward pass only). */
    public double loss(MetaInstance instance, double[] params) {
        return loss(instance, params, params, 0);
    }

    /**
     * The meta-loss of the T differentiable iterations that follow a forward-only warm-up of {@code warmup}
     * iterations run with {@code prefixParams}: the function whose gradient with respect to {@code params}
     * {@link #gradient(MetaInstance, double[], int, int)} computes (truncated at the warm-up). With
     * {@code warmup = 0} this is {@link #loss(MetaInstance, double[])}.
     */
    public double loss(MetaInstance instance, double[] prefixParams, double[] params, int warmup) {
        checkParams(params);
        checkParams(prefixParams);
        SolverCarry a = warmUp(instance, prefixParams, warmup);
        SolverCarry b = a == scratchRecord.in ? scratchRecord.out : scratchRecord.in;
        double loss = 0;
        int horizon = config.horizon();
        for (int j = 1; j <= horizon; j++) {
            loss += forwardStep(warmup + j, j, j == horizon, instance, params, a, b, null, true, null);
            SolverCarry c = a;
            a = b;
            b = c;
        }
        return config.loss().finish(loss);
    }

    /**
     * Runs iterations 1..warmup forward only (no loss, no record) from the zero state; returns the carry after
     * them, one of the scratch record's two carries.
     */
    private SolverCarry warmUp(MetaInstance instance, double[] params, int warmup) {
        if (warmup < 0) {
            throw new IllegalArgumentException("UnrolledSolver: warm-up must be 0 or positive, got " + warmup);
        }
        SolverCarry a = scratchRecord.in;
        SolverCarry b = scratchRecord.out;
        a.clear();
        for (int t = 1; t <= warmup; t++) {
            forwardStep(t, t, false, instance, params, a, b, null, false, null);
            SolverCarry c = a;
            a = b;
            b = c;
        }
        return a;
    }

    /**
     * Runs {@code iterations} iterations (any number, e.g. far beyond the training horizon) without the loss and
     * without recording, calling {@code observer} after every iteration. The prediction is computed after every
     * iteration but the last.
     */
    public void run(MetaInstance instance, double[] params, int iterations, Consumer<IterationView> observer) {
        if (network != null) {
            checkParams(params);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("UnrolledSolver.run: iterations must be at least 1, got " + iterations);
        }
        SolverCarry a = newCarry();
        SolverCarry b = newCarry();
        NetworkTape tape = network == null ? null : network.newTape(layout);
        IterationRecord forward = new IterationRecord(a, b, sequences, tape);
        IterationRecord backward = new IterationRecord(b, a, sequences, tape);
        for (int t = 1; t <= iterations; t++) {
            IterationRecord work = t % 2 == 1 ? forward : backward;
            forwardStep(t, t, t == iterations, instance, params, a, b, work, false, null);
            if (observer != null) {
                observer.accept(new IterationView(t, work.strategy, work.plan, work.regret, a.prediction, b.average,
                        b.joint, b.totalWeight));
            }
            SolverCarry c = a;
            a = b;
            b = c;
        }
    }

    /**
     * Meta-loss and its gradient with respect to the network parameters, by reverse mode through all T unrolled
     * iterations.
     *
     * @param checkpointInterval 0 stores every iteration's record; k ≥ 1 stores the carry every k iterations and
     *                           recomputes segments in the backward pass (same result bit for bit)
     */
    public MetaGradient gradient(MetaInstance instance, double[] params, int checkpointInterval) {
        return gradient(instance, params, checkpointInterval, 0);
    }

    /**
     * Truncated meta-gradient: iterations 1..warmup run forward only with {@code params} (their carry is a
     * constant of the differentiation), then the T unrolled iterations {@code warmup+1 .. warmup+T} are
     * differentiated as in {@link #gradient(MetaInstance, double[], int)}, with the loss weight λ_j of the j-th
     * unrolled iteration. This trains the predictor on the late phase of long runs (truncated backpropagation
     * through time) at the cost of {@code warmup} forward iterations; the gradient is that of
     * {@link #loss(MetaInstance, double[], double[], int)} with respect to its {@code params}.
     *
     * @param warmup forward-only iterations before the unrolled ones (0: none)
     */
    public MetaGradient gradient(MetaInstance instance, double[] params, int checkpointInterval, int warmup) {
        if (network == null) {
            throw new IllegalStateException("UnrolledSolver: a solver with a baseline prediction has no parameters"
                    + " to differentiate");
        }
        checkParams(params);
        if (checkpointInterval < 0) {
            throw new IllegalArgumentException("checkpoint interval must be 0 (store all) or positive, got "
                    + checkpointInterval);
        }
        int horizon = config.horizon();
        boolean storeAll = checkpointInterval == 0 || checkpointInterval >= horizon;
        int k = storeAll ? horizon : checkpointInterval;
        int segments = (horizon + k - 1) / k;
        ensureRecords(k);
        KinkMonitor kinks = new KinkMonitor();
        double loss = 0;
        SolverCarry a = warmUp(instance, params, warmup);
        SolverCarry b = a == scratchRecord.in ? scratchRecord.out : scratchRecord.in;
        if (storeAll) {
            for (int t = 1; t <= horizon; t++) {
                IterationRecord rec = records[t - 1];
                loss += forwardStep(warmup + t, t, t == horizon, instance, params, a, b, rec, true, kinks);
                SolverCarry c = a;
                a = b;
                b = c;
            }
        } else {
            ensureSnapshots(segments);
            snapshots[0].copyFrom(a);
            for (int t = 1; t <= horizon; t++) {
                loss += forwardStep(warmup + t, t, t == horizon, instance, params, a, b, null, true, kinks);
                SolverCarry c = a;
                a = b;
                b = c;
                if (t % k == 0 && t < horizon) {
                    snapshots[t / k].copyFrom(a);
                }
            }
        }
        lossSeed = config.loss().finishDerivative(loss);
        double[] grad = new double[network.parameterCount()];
        SolverCarry bar = scratchRecord.in;
        SolverCarry barPrev = scratchRecord.out;
        bar.clear();
        for (int seg = segments - 1; seg >= 0; seg--) {
            int start = seg * k;
            int end = Math.min(start + k, horizon);
            if (!storeAll) {
                SolverCarry cur = records[0].in;
                cur.copyFrom(snapshots[seg]);
                for (int t = start + 1; t <= end; t++) {
                    IterationRecord rec = records[t - start - 1];
                    if (t > start + 1) {
                        rec.in.copyFrom(records[t - start - 2].out);
                    }
                    forwardStep(warmup + t, t, t == horizon, instance, params, rec.in, rec.out, rec, false, null);
                }
            }
            for (int t = end; t > start; t--) {
                backwardStep(t, instance, params, records[t - start - 1], bar, barPrev, grad);
                SolverCarry c = bar;
                bar = barPrev;
                barPrev = c;
            }
        }
        return new MetaGradient(config.loss().finish(loss), grad, kinks.margin());
    }

    private void ensureRecords(int count) {
        if (records.length < count) {
            IterationRecord[] grown = Arrays.copyOf(records, count);
            for (int i = records.length; i < count; i++) {
                grown[i] = newReverseRecord();
            }
            records = grown;
        }
    }

    private void ensureSnapshots(int count) {
        if (snapshots.length < count) {
            SolverCarry[] grown = Arrays.copyOf(snapshots, count);
            for (int i = snapshots.length; i < count; i++) {
                grown[i] = newCarry();
            }
            snapshots = grown;
        }
    }

    private void checkParams(double[] params) {
        if (network != null && (params == null || params.length != network.parameterCount())) {
            throw new IllegalArgumentException("UnrolledSolver: the network " + network.architecture() + " has "
                    + network.parameterCount() + " parameters; got " + (params == null ? "none" : params.length));
        }
    }

    /**
     * One iteration from {@code in} to {@code out}. With a record, the intermediates land in it (and, when the
     * record's own carries are not {@code in}/{@code out}, copies of both carries); returns the loss term.
     * {@code t} is the solver's iteration number (averaging weight, iteration feature), {@code j} the index of the
     * iteration among the unrolled ones (its loss weight λ_j); they differ after a warm-up.
     */
    private double forwardStep(int t, int j, boolean last, MetaInstance inst, double[] params, SolverCarry in,
                               SolverCarry out, IterationRecord rec, boolean withLoss, KinkMonitor kinks) {
        IterationRecord r = rec != null ? rec : scratchRecord;
        double[] chance = inst.chanceReach();
        double[] utility = inst.utility();
        RegretMatchingOp.forward(layout, in.regret, in.prediction, r.strategy, kinks);
        RealizationPlanOp.forward(layout, r.strategy, r.plan);
        if (alternating == null) {
            CounterfactualValueOp.forward(layout, chance, utility, r.plan, values);
            InstantaneousRegretOp.forward(layout, r.strategy, values, r.actionValue, r.regret);
            RegretUpdateOp.forward(plus, in.regret, r.regret, out.regret, kinks);
        }
        double w = config.averaging().weight(t);
        out.totalWeight = in.totalWeight + w;
        double f = w / out.totalWeight;
        JointAverageOp.forward(layout, f, r.plan, in.average, out.average, in.joint, out.joint,
                trackOpponent ? in.opponent : null, trackOpponent ? out.opponent : null);
        double loss = 0;
        if (withLoss) {
            loss = lossTerms(j, inst, r.plan, out, kinks);
        }
        if (alternating != null) {
            // the last iteration's sub-steps do not reach the loss: forward only, never differentiated
            AlternatingStep.Record sub = last || rec == null ? null : rec.alternating;
            alternating.forward(params, inst, t, r.strategy, r.plan, in, out, sub, r.regret, sub == null ? null
                    : kinks);
        } else if (last) {
            Arrays.fill(out.prediction, 0.0);
            System.arraycopy(in.state, 0, out.state, 0, in.state.length);
        } else if (network != null) {
            network.forward(params, layout, inst.bound(), t, r.regret, out.regret, in.prediction, r.strategy,
                    in.state, out.state, out.prediction, r.tape, kinks);
        } else if (baseline == BaselinePrediction.LAST_REGRET) {
            System.arraycopy(r.regret, 0, out.prediction, 0, sequences);
        } else {
            Arrays.fill(out.prediction, 0.0);
        }
        if (rec != null) {
            if (rec.in != in) {
                rec.in.copyFrom(in);
            }
            if (rec.out != out) {
                rec.out.copyFrom(out);
            }
            rec.factor = f;
            rec.networkRan = !last;
        }
        return loss;
    }

    private double lossTerms(int j, MetaInstance inst, double[] plan, SolverCarry out, KinkMonitor kinks) {
        double l = lambda[j - 1];
        if (l == 0) {
            return 0;
        }
        MetaLoss loss = config.loss();
        double sum = 0;
        if (loss.correlation() > 0) {
            sum += loss.correlation() * TotalCorrelationOp.forward(layout, inst.chanceReach(), out.average, out.joint);
        }
        if (loss.nashGap() > 0) {
            sum += loss.nashGap() * nashGapOp.forward(inst.chanceReach(), inst.utility(), out.average, kinks);
        }
        if (loss.cceGap() > 0) {
            sum += loss.cceGap() * cceGapOp.forward(inst.chanceReach(), inst.utility(), out.opponent, out.joint,
                    kinks);
        }
        if (loss.lastIterateNashGap() > 0) {
            sum += loss.lastIterateNashGap() * nashGapOp.forward(inst.chanceReach(), inst.utility(), plan, kinks);
        }
        return l * sum;
    }

    /** Adds the adjoints of iteration j's loss terms to averageBar, jointBar, opponentBar and planBar. */
    private void lossBackward(int j, MetaInstance inst, double[] plan, SolverCarry out) {
        double l = lambda[j - 1] * lossSeed;
        if (l == 0) {
            return;
        }
        MetaLoss loss = config.loss();
        if (loss.correlation() > 0) {
            TotalCorrelationOp.backward(layout, l * loss.correlation(), inst.chanceReach(), out.average, out.joint,
                    averageBar, jointBar);
        }
        if (loss.nashGap() > 0) {
            nashGapOp.backward(l * loss.nashGap(), inst.chanceReach(), inst.utility(), out.average, averageBar);
        }
        if (loss.cceGap() > 0) {
            cceGapOp.backward(l * loss.cceGap(), inst.chanceReach(), inst.utility(), out.opponent, opponentBar,
                    jointBar);
        }
        if (loss.lastIterateNashGap() > 0) {
            nashGapOp.backward(l * loss.lastIterateNashGap(), inst.chanceReach(), inst.utility(), plan, planBar);
        }
    }

    /**
     * Reverse of {@link #forwardStep} for the j-th unrolled iteration: from the adjoint of the carry after it
     * ({@code outBar}) to before.
     */
    private void backwardStep(int j, MetaInstance inst, double[] params, IterationRecord rec, SolverCarry outBar,
                              SolverCarry inBar, double[] grad) {
        double[] chance = inst.chanceReach();
        double[] utility = inst.utility();
        Arrays.fill(sigmaBar, 0.0);
        Arrays.fill(planBar, 0.0);
        Arrays.fill(valuesBar, 0.0);
        Arrays.fill(regretBar, 0.0);
        Arrays.fill(inBar.regret, 0.0);
        Arrays.fill(inBar.prediction, 0.0);
        if (alternating != null) {
            averagesBackward(j, inst, rec, outBar, inBar);
            if (rec.networkRan) {
                alternating.backward(params, inst, rec.alternating, outBar, inBar, sigmaBar, planBar, grad);
            } else {
                Arrays.fill(inBar.state, 0.0);
            }
            matchingBackward(rec, inBar);
            return;
        }
        System.arraycopy(outBar.regret, 0, cumulativeBar, 0, sequences);
        if (rec.networkRan) {
            Arrays.fill(inBar.state, 0.0);
            network.backward(params, layout, inst.bound(), rec.regret, rec.out.regret, rec.in.state, rec.out.state,
                    rec.tape, outBar.prediction, outBar.state, regretBar, cumulativeBar, inBar.prediction, sigmaBar,
                    inBar.state, grad);
        } else {
            System.arraycopy(outBar.state, 0, inBar.state, 0, inBar.state.length);
        }
        averagesBackward(j, inst, rec, outBar, inBar);
        RegretUpdateOp.backward(plus, rec.in.regret, rec.regret, cumulativeBar, inBar.regret, regretBar);
        InstantaneousRegretOp.backward(layout, rec.strategy, rec.actionValue, regretBar, valuesBar, sigmaBar, scratch);
        CounterfactualValueOp.backward(layout, chance, utility, rec.plan, valuesBar, planBar);
        matchingBackward(rec, inBar);
    }

    /** The loss terms and the averages of iteration j: adds to {@code planBar}, writes {@code inBar}'s averages. */
    private void averagesBackward(int j, MetaInstance inst, IterationRecord rec, SolverCarry outBar,
                                  SolverCarry inBar) {
        System.arraycopy(outBar.average, 0, averageBar, 0, sequences);
        System.arraycopy(outBar.joint, 0, jointBar, 0, jointBar.length);
        System.arraycopy(outBar.opponent, 0, opponentBar, 0, opponentBar.length);
        lossBackward(j, inst, rec.plan, rec.out);
        JointAverageOp.backward(layout, rec.factor, rec.plan, averageBar, jointBar,
                trackOpponent ? opponentBar : null, inBar.average, inBar.joint,
                trackOpponent ? inBar.opponent : null, planBar);
    }

    /**
     * The iteration's start, x = plan(σ) and σ = RM(R + m), from the adjoints of σ and x gathered in
     * {@code sigmaBar} and {@code planBar}: adds to {@code inBar}'s R and m.
     */
    private void matchingBackward(IterationRecord rec, SolverCarry inBar) {
        RealizationPlanOp.backward(layout, rec.strategy, rec.plan, planBar, sigmaBar);
        RegretMatchingOp.backward(layout, rec.in.regret, rec.in.prediction, rec.strategy, sigmaBar, inBar.regret,
                inBar.prediction);
        inBar.totalWeight = 0;
    }
}

package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.nn.NetworkTape;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.solver.LearnedModel;

/**
 * The CPU backend's NPCFR forward pass ({@code SolverSession#computePrediction}, method.md §5): the trained
 * network of {@code meta.nn} applied to every (infoset, action) of every instance, batched over the instances of
 * the session and cut into instance chunks that run in parallel on the backend's pool.
 *
 * <p>Per instance b it does exactly what {@code meta.LearnedPredictor} / {@code meta.UnrolledSolver} do: gather
 * r^t, R^t, m^t and σ^t from the session's per-player buffers ({@code [batch·S_i]} rows) into
 * {@link MetaLayout}'s global sequence numbering (player i's sequences at {@code sequenceOffset[i]}), run
 * {@link PredictorNetwork#forward} with the instance's bounds B_I ({@link PredictionBounds}) and recurrent state
 * h^{t−1}, scatter m^{t+1} back into the prediction buffer, and keep h^t. In {@code float} precision the
 * predictions are rounded to binary32 when stored (the network and its state run in double).
 *
 * <p>State: {@code [batch][S·H]} recurrent states (S = all players' sequences, H = the cell's state size per
 * row; 0 for an MLP), read and written by checkpoints. Scratch per task, allocated once. Not thread-safe: the
 * session's thread calls {@link #compute}; tasks touch disjoint instances.
 */
final class CpuNetworkPrediction {

    private final MetaLayout layout;
    private final PredictorNetwork network;
    private final double[] params;
    private final double[][] bound;
    private final double[][] state;
    private final int players;
    private final int[] numSequences;
    private final CpuWorkPlan plan;
    private final Scratch[] scratch;

    private double[][] instantaneousRegret;
    private double[][] cumulativeRegret;
    private double[][] prediction;
    private double[][] currentStrategy;
    private CpuKernels kernels;
    private int activeIteration;
    /** The players whose rows the current {@link #compute} writes: {@code firstPlayer..lastPlayer}. */
    private int firstPlayer;
    private int lastPlayer;

    CpuNetworkPrediction(GameBatch batch, LearnedModel model, int threads, int parallelWork) {
        this.layout = new MetaLayout(batch.structure());
        this.network = model.model().network();
        this.params = model.model().parameters();
        PredictionBounds bounds = new PredictionBounds(layout);
        this.bound = new double[batch.size()][];
        for (int b = 0; b < batch.size(); b++) {
            bound[b] = MetaInstance.of(batch, b, bounds).bound();
        }
        int rows = layout.numSequences();
        this.state = new double[batch.size()][rows * network.stateSize()];
        this.players = layout.numPlayers();
        this.numSequences = new int[players];
        for (int i = 0; i < players; i++) {
            numSequences[i] = layout.sequenceOffset()[i + 1] - layout.sequenceOffset()[i];
        }
        long work = (long) rows * Math.max(1, network.architecture().hiddenSize()) * 8;
        this.plan = CpuWorkPlan.overInstances(batch.size(), work, threads, parallelWork);
        this.scratch = new Scratch[plan.tasks()];
        for (int k = 0; k < scratch.length; k++) {
            scratch[k] = new Scratch(rows, network.stateSize(), network.newTape(layout));
        }
    }

    /** The task count of {@link #compute}: the session sizes its workers with it. */
    int tasks() {
        return plan.tasks();
    }

    /** Binds the session's per-player buffers (read: r, R, m, σ; written: m). */
    void bind(double[][] instantaneousRegret, double[][] cumulativeRegret, double[][] prediction,
              double[][] currentStrategy, CpuKernels kernels) {
        this.instantaneousRegret = instantaneousRegret;
        this.cumulativeRegret = cumulativeRegret;
        this.prediction = prediction;
        this.currentStrategy = currentStrategy;
        this.kernels = kernels;
    }

    /**
     * m^{t+1} for every instance, on {@code workers}; advances the recurrent states to h^t. With {@code player ≥ 0}
     * only that player's rows of the prediction and of the state are computed and written (alternating updates;
     * the network is applied per row, so they equal the rows of a full pass).
     */
    void compute(int iteration, int player, CpuWorkers workers) {
        activeIteration = iteration;
        firstPlayer = player < 0 ? 0 : player;
        lastPlayer = player < 0 ? players - 1 : player;
        workers.run(plan.tasks(), this::task);
    }

    private void task(int task) {
        Scratch s = scratch[task];
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            gather(instantaneousRegret, b, s.regret);
            gather(cumulativeRegret, b, s.cumulative);
            gather(prediction, b, s.prediction);
            gather(currentStrategy, b, s.strategy);
            network.forward(params, layout, bound[b], activeIteration, s.regret, s.cumulative, s.prediction,
                    s.strategy, state[b], s.stateNext, s.next, s.tape, null, layout.sequenceOffset()[firstPlayer],
                    layout.sequenceOffset()[lastPlayer + 1]);
            int stateSize = network.stateSize();
            for (int i = firstPlayer; i <= lastPlayer; i++) {
                int from = layout.sequenceOffset()[i];
                System.arraycopy(s.stateNext, from * stateSize, state[b], from * stateSize,
                        numSequences[i] * stateSize);
                int base = b * numSequences[i];
                for (int q = 0; q < numSequences[i]; q++) {
                    prediction[i][base + q] = kernels.round(s.next[from + q]);
                }
            }
        }
    }

    private void gather(double[][] perPlayer, int b, double[] global) {
        for (int i = 0; i < players; i++) {
            System.arraycopy(perPlayer[i], b * numSequences[i], global, layout.sequenceOffset()[i], numSequences[i]);
        }
    }

    /** Copies of the recurrent states, {@code [batch][S·H]}. */
    double[][] readState() {
        double[][] out = new double[state.length][];
        for (int b = 0; b < state.length; b++) {
            out[b] = state[b].clone();
        }
        return out;
    }

    /** Overwrites the recurrent states ({@code [batch][S·H]}, shapes checked). */
    void writeState(double[][] values) {
        if (values.length != state.length) {
            throw new IllegalArgumentException("predictor state: " + values.length + " instances given, the batch has "
                    + state.length);
        }
        for (int b = 0; b < state.length; b++) {
            if (values[b].length != state[b].length) {
                throw new IllegalArgumentException("predictor state, instance " + b + ": " + values[b].length
                        + " values given, the network needs " + state[b].length + " (" + layout.numSequences()
                        + " sequences x " + network.stateSize() + "); was the state written with another model?");
            }
            System.arraycopy(values[b], 0, state[b], 0, state[b].length);
        }
    }

    /** Per-task scratch in the global sequence numbering. */
    private static final class Scratch {
        final double[] regret;
        final double[] cumulative;
        final double[] prediction;
        final double[] strategy;
        final double[] next;
        final double[] stateNext;
        final NetworkTape tape;

        Scratch(int rows, int stateSize, NetworkTape tape) {
            this.regret = new double[rows];
            this.cumulative = new double[rows];
            this.prediction = new double[rows];
            this.strategy = new double[rows];
            this.next = new double[rows];
            this.stateNext = new double[rows * stateSize];
            this.tape = tape;
        }
    }
}

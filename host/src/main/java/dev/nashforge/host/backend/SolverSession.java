package dev.nashforge.host.backend;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.solver.SolverConfig;

import java.util.EnumMap;
import java.util.Map;

/**
 * Device-resident solver state for one {@link GameBatch} and the batched primitives of the regret-minimizer
 * family (method.md §2–§4), opened by {@link Backend#open}. The host sequences the primitives (see
 * {@link dev.nashforge.host.solver.RegretMinimizer}); every primitive acts on all B instances of the batch at
 * once and maps to one kernel (or one per treeplex depth) on a GPU. No primitive returns data: the host reads
 * state back only at checkpoints ({@link #read}, {@link #readJointPlay()}, {@link #readState()}).
 *
 * <p><b>Index spaces.</b> Players {@code 0..N-1}; per player the sequences {@code 0..S_i-1} and infosets of its
 * {@link dev.nashforge.games.layout.Treeplex}; terminals {@code 0..Z-1} of the
 * {@link dev.nashforge.games.layout.GameStructure}; instances {@code 0..B-1}. Read-backs are
 * {@code [batch][player][sequence]} arrays.
 *
 * <p><b>Determinism.</b> Every primitive must give the same bits on a rerun with the same inputs on the same
 * backend: per-sequence sums run over the per-player sorted terminal segments in a fixed order, no atomics.
 *
 * <p>Not thread-safe: one thread drives a session. {@link #close()} frees the device memory.
 */
public interface SolverSession extends AutoCloseable {

    /** The batch this session solves. */
    GameBatch batch();

    /** The configuration the session was opened with (its rules and precision). */
    SolverConfig config();

    /** The device the state lives on, as {@link BackendAvailability#device()} describes it. */
    String device();

    /**
     * σ_i from the cumulative regret and prediction of {@code player}, at every infoset of every instance:
     * σ(a|I) = [R + m]⁺(I,a) / Σ_b [R + m]⁺(I,b), uniform 1/|A(I)| when that sum is 0. Writes
     * {@link SequenceBuffer#CURRENT_STRATEGY}.
     */
    void computeStrategy(int player);

    /**
     * x_i top-down from the current strategy: x[∅] = 1, x[(I,a)] = x[parent(I)]·σ(a|I). Writes
     * {@link SequenceBuffer#REALIZATION_PLAN} of {@code player}.
     */
    void computeRealizationPlan(int player);

    /**
     * The counterfactual values and instantaneous regrets of {@code player} against the other players' current
     * realization plans (method.md §2): leaf values v[s] = Σ_{z: s_i(z)=s} c(z) u_i(z) Π_{j≠i} x_j[s_j(z)] over
     * the sorted terminal segment of s, then bottom-up q(I,a) = v[(I,a)] + Σ_{J child of (I,a)} V(J),
     * V(I) = Σ_a σ(a|I) q(I,a), r(I,a) = q(I,a) − V(I). Writes {@link SequenceBuffer#COUNTERFACTUAL_VALUE}
     * (entry 0: u_i(x)) and {@link SequenceBuffer#INSTANTANEOUS_REGRET} of {@code player}.
     */
    void computeInstantaneousRegret(int player);

    /** {@link #computeInstantaneousRegret(int)} for every player against the same plans (simultaneous updates). */
    default void computeInstantaneousRegrets() {
        for (int p = 0; p < batch().structure().numPlayers(); p++) {
            computeInstantaneousRegret(p);
        }
    }

    /**
     * Applies the configured {@link dev.nashforge.host.solver.RegretUpdate} of iteration {@code iteration}
     * (t ≥ 1) to the cumulative regret of {@code player} with its last instantaneous regret, and, when the
     * configuration predicts the last regret, sets the prediction m = r. Writes
     * {@link SequenceBuffer#CUMULATIVE_REGRET} (and {@link SequenceBuffer#PREDICTION}).
     */
    void updateRegret(int player, int iteration);

    /**
     * The learned prediction of NPCFR / NPCFR+ (method.md §5) for iteration {@code iteration + 1}, at every
     * infoset of every player and instance: m^{t+1}, h^t = net(r^t, R^t, m^t, σ^t, t; h^{t−1}) with the weights of
     * {@code config().model()}, bounded by |m(I,a)| ≤ B_I. Call it once per iteration t = 1, 2, … in order, after
     * every player's {@link #updateRegret} of iteration t and before any {@link #computeStrategy} (it reads
     * {@link SequenceBuffer#INSTANTANEOUS_REGRET}, {@link SequenceBuffer#CUMULATIVE_REGRET},
     * {@link SequenceBuffer#PREDICTION} and {@link SequenceBuffer#CURRENT_STRATEGY} of all players). Writes
     * {@link SequenceBuffer#PREDICTION} and advances the recurrent state ({@link #readPredictorState()}).
     *
     * @throws UnsupportedOperationException on a backend that has no forward pass (its {@link Backend#supports}
     *                                       refuses learned configurations, so {@code open} does too)
     * @throws IllegalStateException         if the configuration has no learned prediction
     */
    default void computePrediction(int iteration) {
        throw new UnsupportedOperationException("this backend (" + device() + ") does not implement the NPCFR network"
                + " forward pass; use --backend cpu");
    }

    /**
     * The learned prediction of {@code player} only, for alternating NPCFR / NPCFR+ (method.md §3: players in turn):
     * m^{t+1} and h^t at {@code player}'s infosets, from {@code player}'s r^t, R^t (after its update of iteration t),
     * m^t and σ^t, before its {@link #computeStrategy}; every other player's prediction and recurrent state is left
     * as it was. The network is applied per infoset, so this is exactly the rows of {@link #computePrediction(int)}
     * that belong to {@code player}. Call it once per player and iteration.
     *
     * @throws UnsupportedOperationException on a backend without alternating learned updates (its
     *                                       {@link Backend#unsupportedReason} says so, so {@code open} refuses)
     */
    default void computePrediction(int player, int iteration) {
        throw new UnsupportedOperationException("this backend (" + device() + ") does not run alternating NPCFR"
                + " updates; use another backend or --updates simultaneous");
    }

    /**
     * The recurrent state of the learned prediction, {@code [batch][stateLength]} in the backend's layout, or
     * {@code [0][]} when the configuration has none. Checkpoints only.
     */
    default double[][] readPredictorState() {
        return new double[0][];
    }

    /** Restores a state read by {@link #readPredictorState()} (shapes checked). */
    default void writePredictorState(double[][] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("this session has no learned prediction, but a recurrent predictor"
                    + " state for " + state.length + " instances was given");
        }
    }

    /**
     * Running-mean update of the average plan of {@code player} with its current realization plan:
     * x̄ ← x̄ + step·(x − x̄), where step = w_t / W_t (1 at the first iteration). Writes
     * {@link SequenceBuffer#AVERAGE_PLAN}.
     */
    void updateAverage(int player, double step);

    /**
     * Running-mean update of the joint-play terminal weights with the current plans of all players:
     * y_i(z) ← y_i(z) + step·(Π_{j≠i} x_j[s_j(z)] − y_i(z)) and J(z) ← J(z) + step·(Π_j x_j[s_j(z)] − J(z)),
     * so that after iteration t they equal the normalized sums of {@link JointPlayWeights}.
     */
    void accumulateJointPlay(double step);

    /** Copies {@code buffer} back to the host: {@code [batch][player][sequence]}. Checkpoints only. */
    double[][][] read(SequenceBuffer buffer);

    /**
     * Overwrites a persistent {@code buffer} from the host ({@code [batch][player][sequence]}, shapes checked).
     *
     * @throws IllegalArgumentException for a scratch buffer or a shape that does not match the batch
     */
    void write(SequenceBuffer buffer, double[][][] values);

    /** Copies the joint-play weights back to the host: {@code [batch]}. Checkpoints only. */
    JointPlayWeights[] readJointPlay();

    /** Overwrites the joint-play weights ({@code [batch]}, shapes checked). */
    void writeJointPlay(JointPlayWeights[] weights);

    /** Reads every persistent buffer and the joint play: the state a resumable checkpoint stores. */
    default SessionState readState() {
        Map<SequenceBuffer, double[][][]> buffers = new EnumMap<>(SequenceBuffer.class);
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (b.persistent()) {
                buffers.put(b, read(b));
            }
        }
        return new SessionState(buffers, readJointPlay(), readPredictorState());
    }

    /** Restores a state read by {@link #readState()}, bit for bit. */
    default void writeState(SessionState state) {
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (b.persistent()) {
                write(b, state.buffer(b));
            }
        }
        writeJointPlay(state.jointPlay());
        writePredictorState(state.predictorState());
    }

    /** Frees the device state. The session must not be used afterwards. */
    @Override
    void close();
}

package dev.nashforge.opencl;

import com.aparapi.device.OpenCLDevice;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionArguments;
import dev.nashforge.host.backend.SessionStateShapes;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;

/**
 * The OpenCL backend's {@link SolverSession}: the batch's state in the buffers of one Aparapi kernel object
 * ({@link OpenClDoubleKernel} or {@link OpenClFloatKernel}) bound to one device, and every primitive as one or
 * more launches of it. Launches per primitive: strategy 1 (an item per instance × infoset), realization plan 1
 * (instance × sequence), instantaneous regret 2 + the player's treeplex depths (leaf values per instance ×
 * sequence, then one bottom-up launch per depth, deepest first, per instance × infoset of that depth, then the
 * root per instance), regret update 1, average 1 (instance × sequence), joint play 2 (instance × player ×
 * terminal for the opponent weights, instance × terminal for the joint weights), learned prediction 1 (instance ×
 * row of {@link OpenClNetwork}: every player's sequences, the network's features, cell and bounded output).
 * The network's weights and bounds B_I are uploaded at open; its recurrent state lives on the device and moves
 * only through {@link #readPredictorState()} / {@link #writePredictorState}. Learned sessions use the network
 * kernels ({@link OpenClDoubleNetworkKernel}, {@link OpenClFloatNetworkKernel}), the others the plain ones.
 * State moves between host and device only at open, {@link #write} / {@link #writeJointPlay} and the
 * read-backs.
 *
 * <p>If any launch does not run on the OpenCL device the primitive throws {@link OpenClFallbackException} and
 * the session refuses further use. Not thread-safe: one thread drives the session. {@link #close()} frees the
 * device buffers.
 */
final class OpenClSolverSession implements SolverSession {

    private final GameBatch batch;
    private final SolverConfig config;
    private final String device;
    private final OpenClLayout layout;
    private final OpenClKernel kernel;
    private final int players;
    private final int batchSize;
    private final int numTerminals;
    private final double[] flat;
    /** The learned prediction's device layout, or null when the configuration has none. */
    private final OpenClNetwork network;
    /** {@link #kernel} as the network kernel it is when {@link #network} is set, else null. */
    private final OpenClNetworkKernel networkKernel;
    private boolean closed;
    private OpenClFallbackException failure;

    OpenClSolverSession(GameBatch batch, SolverConfig config, OpenCLDevice openClDevice, String device) {
        this.batch = batch;
        this.config = config;
        this.device = device;
        this.layout = new OpenClLayout(batch);
        this.players = layout.players;
        this.batchSize = layout.batchSize;
        this.numTerminals = layout.numTerminals;
        this.flat = new double[layout.totalSequenceSlots];
        this.network = config.prediction() == Prediction.LEARNED ? new OpenClNetwork(batch, config.model()) : null;
        if (config.precision() == Precision.DOUBLE) {
            OpenClDoubleKernel k = network == null ? new OpenClDoubleKernel() : new OpenClDoubleNetworkKernel();
            k.allocate(layout);
            this.kernel = k;
        } else {
            OpenClFloatKernel k = network == null ? new OpenClFloatKernel() : new OpenClFloatNetworkKernel();
            k.allocate(layout, batch);
            this.kernel = k;
        }
        this.networkKernel = network == null ? null : (OpenClNetworkKernel) kernel;
        if (networkKernel != null) {
            networkKernel.setNetwork(network);
        }
        try {
            kernel.setLayout(layout);
            kernel.bind(openClDevice, device);
            kernel.putAll();
            for (int p = 0; p < players; p++) {
                computeStrategy(p);
                computeRealizationPlan(p);
            }
        } catch (RuntimeException e) {
            kernel.release();
            throw e;
        }
    }

    @Override
    public GameBatch batch() {
        return batch;
    }

    @Override
    public SolverConfig config() {
        return config;
    }

    @Override
    public String device() {
        return device;
    }

    /** Whether every launch so far ran on the OpenCL device (Aparapi's {@code isRunningCL()}). */
    boolean runningOnDevice() {
        return kernel.isRunningCL();
    }

    // ---------------------------------------------------------------- primitives

    @Override
    public void computeStrategy(int player) {
        begin(player);
        launch(OpenClKernel.OP_STRATEGY, Math.max(1, layout.numInfosets[player]));
    }

    @Override
    public void computeRealizationPlan(int player) {
        begin(player);
        launch(OpenClKernel.OP_PLAN, layout.numSequences[player]);
    }

    @Override
    public void computeInstantaneousRegret(int player) {
        begin(player);
        launch(OpenClKernel.OP_LEAF, layout.numSequences[player]);
        int[] depthStart = layout.depthStart[player];
        for (int d = depthStart.length - 2; d >= 0; d--) {
            int count = depthStart[d + 1] - depthStart[d];
            if (count > 0) {
                kernel.depthFirstInfoset = depthStart[d];
                launch(OpenClKernel.OP_INFOSET, count);
            }
        }
        launch(OpenClKernel.OP_ROOT, 1);
    }

    @Override
    public void updateRegret(int player, int iteration) {
        begin(player);
        SessionArguments.checkIteration(iteration);
        RegretUpdate rule = config.regretUpdate();
        kernel.regretRule = switch (rule.kind()) {
            case SUM, LINEAR -> OpenClKernel.RULE_ADD;
            case PLUS -> OpenClKernel.RULE_PLUS;
            case DISCOUNTED -> OpenClKernel.RULE_DISCOUNTED;
        };
        kernel.setRegretScalars(rule.regretWeight(iteration), rule.positiveDiscount(iteration),
                rule.negativeDiscount(iteration));
        kernel.predictLastRegret = config.prediction() == Prediction.LAST_INSTANTANEOUS_REGRET ? 1 : 0;
        launch(OpenClKernel.OP_REGRET, layout.numSequences[player]);
    }

    @Override
    public void updateAverage(int player, double step) {
        begin(player);
        SessionArguments.checkStep(step);
        kernel.setAverageStep(step);
        launch(OpenClKernel.OP_AVERAGE, layout.numSequences[player]);
    }

    @Override
    public void accumulateJointPlay(double step) {
        checkOpen();
        SessionArguments.checkStep(step);
        kernel.setAverageStep(step);
        launch(OpenClKernel.OP_OPPONENT_WEIGHT, players * numTerminals);
        launch(OpenClKernel.OP_JOINT_WEIGHT, numTerminals);
    }

    /**
     * One launch of the network op: an item per (instance, row), rows being every player's sequences
     * ({@link OpenClNetwork}); reads r, R, m, σ on the device, writes m^{t+1} and advances the device-resident
     * recurrent state.
     */
    @Override
    public void computePrediction(int iteration) {
        beginNetwork(iteration);
        networkKernel.setRowOffset(0);
        launch(OpenClKernel.OP_NETWORK, network.rows);
    }

    /**
     * One launch of the network op on {@code player}'s rows only (alternating updates): an item per (instance,
     * row of the player), the first row at the player's offset; the other players' predictions and recurrent
     * states are not touched.
     */
    @Override
    public void computePrediction(int player, int iteration) {
        begin(player);
        beginNetwork(iteration);
        networkKernel.setRowOffset(network.tables().firstRow(player));
        launch(OpenClKernel.OP_NETWORK, network.tables().rows(player));
    }

    private void beginNetwork(int iteration) {
        checkOpen();
        SessionArguments.checkPrediction(network != null, config, iteration);
        networkKernel.setIterationFeature(network.iterationFeature(iteration));
    }

    private void launch(int op, int perInstance) {
        try {
            kernel.launch(op, perInstance);
        } catch (OpenClFallbackException e) {
            failure = e;
            throw e;
        }
    }

    private void begin(int player) {
        checkOpen();
        SessionArguments.checkPlayer(player, batch.structure());
        kernel.selectPlayer(layout, player);
    }

    private void checkOpen() {
        SessionArguments.checkOpen(closed, "OpenCL");
        if (failure != null) {
            throw new IllegalStateException("the OpenCL solver session is unusable after a kernel fell back to "
                    + "the CPU: " + failure.getMessage(), failure);
        }
    }

    // ---------------------------------------------------------------- read-back

    @Override
    public double[][][] read(SequenceBuffer which) {
        checkOpen();
        kernel.readSequenceBuffer(which.ordinal(), flat);
        double[][][] out = new double[batchSize][players][];
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < players; i++) {
                int n = layout.numSequences[i];
                out[b][i] = new double[n];
                System.arraycopy(flat, layout.sequenceBase[i] + b * n, out[b][i], 0, n);
            }
        }
        return out;
    }

    @Override
    public void write(SequenceBuffer which, double[][][] values) {
        checkOpen();
        SessionStateShapes.checkSequenceBuffer(which, values, batch.structure(), batchSize);
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < players; i++) {
                int n = layout.numSequences[i];
                System.arraycopy(values[b][i], 0, flat, layout.sequenceBase[i] + b * n, n);
            }
        }
        kernel.writeSequenceBuffer(which.ordinal(), flat);
        flush();
    }

    @Override
    public JointPlayWeights[] readJointPlay() {
        checkOpen();
        double[] opponent = new double[batchSize * players * numTerminals];
        double[] joint = new double[batchSize * numTerminals];
        kernel.readJointPlay(opponent, joint);
        return JointPlayWeights.unpack(opponent, joint, batchSize, players, numTerminals);
    }

    @Override
    public void writeJointPlay(JointPlayWeights[] weights) {
        checkOpen();
        SessionStateShapes.checkJointPlay(weights, batch.structure(), batchSize);
        double[] opponent = new double[batchSize * players * numTerminals];
        double[] joint = new double[batchSize * numTerminals];
        JointPlayWeights.pack(weights, opponent, joint, players, numTerminals, x -> x);
        kernel.writeJointPlay(opponent, joint);
        flush();
    }

    /**
     * The recurrent state read back from the device, {@code [batch][rows·stateSize]} (rows: all players'
     * sequences in {@code meta.MetaLayout}'s global order; the CPU backend's layout); {@code [0][]} without a
     * learned prediction, {@code [batch][0]} for a stateless MLP.
     */
    @Override
    public double[][] readPredictorState() {
        checkOpen();
        if (network == null) {
            return new double[0][];
        }
        if (network.stateLength() == 0) {
            return network.tables().unpackState(null);
        }
        double[] all = new double[batchSize * network.stateLength()];
        networkKernel.readNetworkState(all);
        return network.tables().unpackState(all);
    }

    @Override
    public void writePredictorState(double[][] state) {
        checkOpen();
        if (network == null) {
            SolverSession.super.writePredictorState(state);
            return;
        }
        double[] all = network.tables().packState(state);
        if (all.length > 0) {
            networkKernel.writeNetworkState(all);
            flush();
        }
    }

    /** Makes the pending host writes reach the device now, so that a read right after sees them. */
    private void flush() {
        try {
            kernel.flushTransfers();
        } catch (OpenClFallbackException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            kernel.release();
        }
    }
}

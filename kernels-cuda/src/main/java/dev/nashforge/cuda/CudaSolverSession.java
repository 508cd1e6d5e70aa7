package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionArguments;
import dev.nashforge.host.backend.WeightedUtilities;
import dev.nashforge.host.backend.SessionStateShapes;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.SolverConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The CUDA backend's {@link SolverSession}: the whole solver state resident in device memory
 * ({@link CudaSessionLayout}), each primitive one or two kernels of {@code CudaKernels.cu}
 * ({@link CudaKernels}). Primitives are queued ({@link CudaLaunchQueue}) and submitted in chunks of
 * {@link CudaOptions#chunkOps()} operations, which the executor runs as cached CUDA graphs, so an iteration of a
 * small game costs a fraction of a graph launch instead of ten kernel launches. Work is asynchronous: errors of a
 * kernel surface at the next chunk or read-back, naming the chunk's operations and iterations (run with
 * {@code -Dnashforge.cuda.sync=true} to have each kernel checked as it runs). Host↔device copies happen at open
 * (treeplex, terminal table, utilities), at {@link #read}/{@link #write} (checkpoints) and in
 * {@link #readJointPlay()}/{@link #writeJointPlay}.
 *
 * <p>Learned configurations (NPCFR / NPCFR+): the network's weights and bounds B_I ({@link CudaNetwork}) are
 * uploaded at open, the recurrent state stays on the device (moved only by {@link #readPredictorState()} /
 * {@link #writePredictorState}), and {@link #computePrediction} queues the {@code network} kernel like any other
 * primitive (its iteration feature travels in the operation's scalars, so chunks stay graph-capturable). The
 * network's arithmetic is the CPU's in the same order without contractions, but its transcendental functions
 * (exp, log1p, tanh) are the device's libm, so learned sessions agree with the CPU backend to rounding (1e-12 in
 * double), not bit for bit.
 *
 * <p>The kernels perform the CPU backend's arithmetic in the same order without fused multiply-adds, so a
 * session reproduces the {@code cpu} backend bit for bit in both precisions; reductions are sequential per
 * thread (no atomics), so reruns are bit-identical.
 *
 * <p>Beyond the contract, for benchmarks: {@link #synchronize()}, {@link #deviceMillis(Runnable)},
 * {@link #bytesPerIteration()} and {@link #paths()}.
 *
 * <p>Not thread-safe: one thread drives a session (any thread, one at a time). {@link #close()} frees the device
 * memory.
 */
public final class CudaSolverSession implements SolverSession {

    private final GameBatch batch;
    private final SolverConfig config;
    private final Precision precision;
    private final CudaExecutor executor;
    private final CudaSessionLayout layout;
    private final CudaKernels kernels;
    private final CudaTrafficModel traffic;
    private final CudaLaunchQueue queue;
    private final String cublas;
    private final int players;
    private final int batchSize;
    private final int numTerminals;
    private final int[] handles = new int[CudaBuffer.values().length];
    /** The learned prediction's forward pass, or null when the configuration has none. */
    private final CudaNetwork network;
    private final BoundLaunch[][] bound;
    private final double[] scalarPair = new double[2];
    private int lastRegretIteration;
    private boolean closed;

    /**
     * Opens a session on {@code executor}, which it owns from now on (closed with the session, or here if opening
     * fails): allocates and initializes the state to iteration 0 as {@link dev.nashforge.host.backend.Backend#open}
     * specifies.
     *
     * @throws IllegalArgumentException if the batch does not fit the device or the kernels' 32-bit indexing
     */
    CudaSolverSession(GameBatch batch, SolverConfig config, CudaExecutor executor, CudaOptions options, String cublas) {
        this.batch = batch;
        this.config = config;
        this.precision = config.precision();
        this.executor = executor;
        this.cublas = cublas;
        GameStructure structure = batch.structure();
        this.players = structure.numPlayers();
        this.batchSize = batch.size();
        this.numTerminals = structure.numTerminals();
        try {
            this.network = config.prediction() == Prediction.LEARNED ? new CudaNetwork(batch, config.model()) : null;
            this.layout = new CudaSessionLayout(structure, batchSize, options.chunkOps(), network);
            this.kernels = new CudaKernels(layout, config, executor.limits(), network);
            this.traffic = new CudaTrafficModel(layout, precision,
                    config.prediction() == Prediction.LAST_INSTANTANEOUS_REGRET);
            this.bound = new BoundLaunch[CudaPrimitive.values().length * players * options.chunkOps()][];
            this.queue = new CudaLaunchQueue(options.chunkOps(), this::submit);
            allocate();
            uploadTables();
            for (int i = 0; i < players; i++) {
                computeStrategy(i);
                computeRealizationPlan(i);
            }
            synchronize();
        } catch (RuntimeException e) {
            try {
                executor.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void allocate() {
        long needed = layout.totalBytes(precision);
        long free = executor.freeBytes();
        if (needed > free) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "CUDA session for %s needs %.1f MiB of device memory, the device has %.1f MiB free: use batches "
                            + "of at most %d instances", layout.describe(), needed / 1048576.0, free / 1048576.0,
                    Math.max(1, (long) (batchSize * (free / (double) needed) * 0.9))));
        }
        for (CudaBuffer b : CudaBuffer.values()) {
            long bytes = layout.bytes(b, precision);
            handles[b.ordinal()] = executor.allocate(b, bytes);
            if (b != CudaBuffer.INT_TABLES && b != CudaBuffer.WEIGHTED_UTILITY && bytes > 0) {
                executor.zero(handles[b.ordinal()], bytes);
            }
        }
    }

    /** Uploads the int tables and, player by player, the weighted utilities c(z_k)·u_i(z_k) in sorted order. */
    private void uploadTables() {
        executor.upload(handles[CudaBuffer.INT_TABLES.ordinal()], 0, layout.intTable());
        int elementBytes = CudaBuffer.WEIGHTED_UTILITY.elementBytes(precision);
        for (int i = 0; i < players; i++) {
            uploadReal(CudaBuffer.WEIGHTED_UTILITY, layout.utilityOffset(i) * elementBytes,
                    WeightedUtilities.sorted(batch, i, precision));
        }
        if (network != null) {
            executor.upload(handles[CudaBuffer.NETWORK_TABLES.ordinal()], 0, network.intTable());
            uploadReal(CudaBuffer.NETWORK_PARAMETERS, 0, network.parameters());
            if (network.bound().length > 0) {
                uploadReal(CudaBuffer.PREDICTION_BOUND, 0, network.bound());
            }
        }
    }

    private double round(double v) {
        return precision == Precision.FLOAT ? (double) (float) v : v;
    }

    private void uploadReal(CudaBuffer buffer, long byteOffset, double[] values) {
        int handle = handles[buffer.ordinal()];
        if (precision == Precision.FLOAT) {
            float[] f = new float[values.length];
            for (int k = 0; k < f.length; k++) {
                f[k] = (float) values[k];
            }
            executor.upload(handle, byteOffset, f);
        } else {
            executor.upload(handle, byteOffset, values);
        }
    }

    private double[] downloadReal(CudaBuffer buffer) {
        int handle = handles[buffer.ordinal()];
        long count = layout.elements(buffer);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the " + buffer + " buffer (" + count
                    + " elements) is too large to read back into one Java array: use smaller batches");
        }
        double[] out = new double[(int) count];
        if (precision == Precision.FLOAT) {
            float[] f = new float[(int) count];
            executor.download(handle, 0, f);
            for (int k = 0; k < f.length; k++) {
                out[k] = f[k];
            }
        } else {
            executor.download(handle, 0, out);
        }
        return out;
    }

    // ---------------------------------------------------------------- contract

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
        return executor.device();
    }

    @Override
    public void computeStrategy(int player) {
        begin(player);
        record(CudaPrimitive.STRATEGY, player, 0, 0);
    }

    @Override
    public void computeRealizationPlan(int player) {
        begin(player);
        record(CudaPrimitive.REALIZATION_PLAN, player, 0, 0);
    }

    @Override
    public void computeInstantaneousRegret(int player) {
        begin(player);
        record(CudaPrimitive.INSTANTANEOUS_REGRET, player, 0, 0);
    }

    @Override
    public void updateRegret(int player, int iteration) {
        begin(player);
        SessionArguments.checkIteration(iteration);
        lastRegretIteration = iteration;
        record(CudaPrimitive.UPDATE_REGRET, player, iteration, 0);
    }

    @Override
    public void updateAverage(int player, double step) {
        begin(player);
        SessionArguments.checkStep(step);
        record(CudaPrimitive.AVERAGE, player, 0, step);
    }

    @Override
    public void accumulateJointPlay(double step) {
        checkOpen();
        SessionArguments.checkStep(step);
        record(CudaPrimitive.JOINT_PLAY, 0, 0, step);
    }

    /**
     * Queues the {@code network} kernel: one thread per (instance, row), rows being every player's sequences
     * ({@link CudaNetwork}); reads r, R, m, σ on the device, writes m^{t+1} and advances the device-resident
     * recurrent state.
     */
    @Override
    public void computePrediction(int iteration) {
        checkOpen();
        SessionArguments.checkPrediction(network != null, config, iteration);
        record(CudaPrimitive.PREDICTION, 0, iteration, 0);
    }

    /**
     * Queues the {@code network} kernel on {@code player}'s rows only (alternating updates): one thread per
     * (instance, row of the player); the other players' predictions and recurrent states are not touched.
     */
    @Override
    public void computePrediction(int player, int iteration) {
        begin(player);
        SessionArguments.checkPrediction(network != null, config, iteration);
        record(CudaPrimitive.PLAYER_PREDICTION, player, iteration, 0);
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
        queue.flush();
        return network.tables().unpackState(downloadReal(CudaBuffer.PREDICTOR_STATE));
    }

    @Override
    public void writePredictorState(double[][] state) {
        checkOpen();
        if (network == null) {
            SolverSession.super.writePredictorState(state);
            return;
        }
        double[] all = network.tables().packState(state);
        for (int k = 0; k < all.length; k++) {
            all[k] = round(all[k]);
        }
        if (all.length > 0) {
            queue.flush();
            uploadReal(CudaBuffer.PREDICTOR_STATE, 0, all);
        }
    }

    private void record(CudaPrimitive primitive, int player, int iteration, double step) {
        kernels.scalars(primitive, iteration, step, scalarPair, 0);
        queue.record(primitive, player, lastRegretIteration, scalarPair[0], scalarPair[1]);
    }

    private void begin(int player) {
        checkOpen();
        SessionArguments.checkPlayer(player, batch.structure());
    }

    private void checkOpen() {
        SessionArguments.checkOpen(closed, "CUDA");
    }

    /** The queue's sink: binds the chunk's operations to device memory and submits them. */
    private void submit(CudaLaunchQueue.Chunk chunk) {
        List<BoundLaunch> launches = new ArrayList<>(chunk.size() * 2);
        for (int op = 0; op < chunk.size(); op++) {
            for (BoundLaunch l : bound(chunk.primitive(op), chunk.player(op), op)) {
                launches.add(l);
            }
        }
        String description = chunk.describe(12);
        executor.submit(new LaunchChunk(chunk.full() ? chunk.key() : null, chunk.full(),
                handles[CudaBuffer.SCALARS.ordinal()], chunk.scalars(), 2 * chunk.size(), launches,
                () -> description + " [" + layout.describe() + ", " + precision.label() + "]"));
    }

    /** The bound launches of a primitive for a player at a chunk position (built once, then reused). */
    BoundLaunch[] bound(CudaPrimitive primitive, int player, int position) {
        int index = (primitive.ordinal() * players + player) * queue.capacity() + position;
        BoundLaunch[] b = bound[index];
        if (b == null) {
            List<KernelLaunch> launches = kernels.launches(primitive, player);
            b = new BoundLaunch[launches.size()];
            for (int k = 0; k < b.length; k++) {
                b[k] = bind(launches.get(k), position);
            }
            bound[index] = b;
        }
        return b;
    }

    private BoundLaunch bind(KernelLaunch launch, int position) {
        List<BoundLaunch.Arg> args = new ArrayList<>(launch.args().size());
        for (KernelArg a : launch.args()) {
            if (a instanceof KernelArg.IntValue v) {
                args.add(new BoundLaunch.IntArg(v.value()));
            } else if (a instanceof KernelArg.Slice s) {
                args.add(new BoundLaunch.PointerArg(handles[s.buffer().ordinal()],
                        s.elementOffset() * s.buffer().elementBytes(precision)));
            } else {
                args.add(new BoundLaunch.PointerArg(handles[CudaBuffer.SCALARS.ordinal()], 2L * Double.BYTES * position));
            }
        }
        return new BoundLaunch(launch, launch.kernel().entryPoint(precision), args);
    }

    @Override
    public double[][][] read(SequenceBuffer which) {
        checkOpen();
        queue.flush();
        double[] flat = downloadReal(CudaBuffer.of(which));
        double[][][] out = new double[batchSize][players][];
        for (int i = 0; i < players; i++) {
            int s = layout.numSequences(i);
            long offset = layout.sequenceOffset(i);
            for (int b = 0; b < batchSize; b++) {
                out[b][i] = new double[s];
                System.arraycopy(flat, (int) (offset + (long) b * s), out[b][i], 0, s);
            }
        }
        return out;
    }

    @Override
    public void write(SequenceBuffer which, double[][][] values) {
        checkOpen();
        SessionStateShapes.checkSequenceBuffer(which, values, batch.structure(), batchSize);
        queue.flush();
        double[] flat = new double[(int) layout.elements(CudaBuffer.of(which))];
        for (int i = 0; i < players; i++) {
            int s = layout.numSequences(i);
            long offset = layout.sequenceOffset(i);
            for (int b = 0; b < batchSize; b++) {
                for (int k = 0; k < s; k++) {
                    flat[(int) (offset + (long) b * s + k)] = round(values[b][i][k]);
                }
            }
        }
        uploadReal(CudaBuffer.of(which), 0, flat);
    }

    @Override
    public JointPlayWeights[] readJointPlay() {
        checkOpen();
        queue.flush();
        double[] y = downloadReal(CudaBuffer.OPPONENT_WEIGHTS);
        double[] j = downloadReal(CudaBuffer.JOINT_WEIGHTS);
        return JointPlayWeights.unpack(y, j, batchSize, players, numTerminals);
    }

    @Override
    public void writeJointPlay(JointPlayWeights[] weights) {
        checkOpen();
        SessionStateShapes.checkJointPlay(weights, batch.structure(), batchSize);
        double[] y = new double[(int) layout.elements(CudaBuffer.OPPONENT_WEIGHTS)];
        double[] j = new double[(int) layout.elements(CudaBuffer.JOINT_WEIGHTS)];
        JointPlayWeights.pack(weights, y, j, players, numTerminals, this::round);
        queue.flush();
        uploadReal(CudaBuffer.OPPONENT_WEIGHTS, 0, y);
        uploadReal(CudaBuffer.JOINT_WEIGHTS, 0, j);
    }

    // ---------------------------------------------------------------- beyond the contract

    /** Submits the queued operations and waits for the device to finish them (surfacing their errors). */
    public void synchronize() {
        checkOpen();
        queue.flush();
        executor.synchronize();
    }

    /**
     * Device time of the work {@code work} queues on this session (typically {@code solver::iterate} a number of
     * times), measured with CUDA events around it after the previously queued work has been submitted.
     *
     * @return milliseconds between the events
     */
    public double deviceMillis(Runnable work) {
        checkOpen();
        queue.flush();
        executor.markStart();
        work.run();
        queue.flush();
        return executor.millisSinceStart();
    }

    /**
     * Compulsory device-memory traffic of one {@link dev.nashforge.host.solver.RegretMinimizer#iterate()} in bytes
     * (every element read or written once; see {@link CudaTrafficModel}).
     */
    public long bytesPerIteration() {
        return traffic.iterationBytes();
    }

    /** Which paths the session's work took so far. */
    public CudaPathReport paths() {
        return new CudaPathReport(executor.device(), layout.describe() + ", " + precision.label(),
                "chunks of " + queue.capacity() + " operations; " + executor.launchReport(), cublas);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.discard();
        executor.close();
    }
}

package dev.nashforge.opencl;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.kernel.KernelManager;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the two precision variants of the solver kernel share: the integer layout of the batch
 * ({@link OpenClLayout}) as kernel fields, the launch parameters, and the host side of a launch (device
 * binding, explicit buffer transfers, padded ranges, the check that Aparapi really ran OpenCL).
 *
 * <p><b>One kernel, many primitives.</b> Aparapi gives every {@link Kernel} object its own OpenCL context and
 * buffers, so device-resident state needs all primitives in one kernel object: {@link #op} selects the primitive
 * a launch runs, the other scalar fields are its parameters (Aparapi sends scalars with every launch). The
 * arrays are transferred only by {@link #put} (at open and after a host write) and {@link #get} (read-backs):
 * explicit mode, so state stays on the device between launches.
 *
 * <p><b>Work items.</b> A launch runs {@link #workItems} items, {@link #itemsPerInstance} per game instance
 * (item g works on instance g / itemsPerInstance), padded up to a multiple of the work-group size; padding
 * items do nothing.
 *
 * <p><b>No silent CPU run.</b> Aparapi falls back to a Java thread pool when it cannot run a kernel on OpenCL;
 * {@link #bind} compiles for the device first (a failure is reported without running anything) and every
 * launch checks {@link #isRunningCL()} afterwards, throwing {@link OpenClFallbackException} with Aparapi's
 * reason if the launch did not run on the device.
 *
 * <p>Not thread-safe: one session drives one kernel object.
 */
abstract class OpenClKernel extends Kernel {

    static final int OP_NOP = 0;
    static final int OP_STRATEGY = 1;
    static final int OP_PLAN = 2;
    static final int OP_LEAF = 3;
    static final int OP_INFOSET = 4;
    static final int OP_ROOT = 5;
    static final int OP_REGRET = 6;
    static final int OP_AVERAGE = 7;
    static final int OP_OPPONENT_WEIGHT = 8;
    static final int OP_JOINT_WEIGHT = 9;
    /**
     * The NPCFR network forward pass: one item per (instance, row of {@link OpenClNetwork}); only the network
     * kernels ({@link OpenClDoubleNetworkKernel}, {@link OpenClFloatNetworkKernel}) run it.
     */
    static final int OP_NETWORK = 10;
    /** Primitive names of the ops, for error messages. */
    private static final String[] OP_NAMES = {"transfer", "computeStrategy", "computeRealizationPlan",
        "computeInstantaneousRegret (leaf values)", "computeInstantaneousRegret (bottom-up infoset values)",
        "computeInstantaneousRegret (root value)", "updateRegret", "updateAverage",
        "accumulateJointPlay (opponent weights)", "accumulateJointPlay (joint weights)",
        "computePrediction (network forward pass)"};

    /** {@link #regretRule}: R ← R + w·r (CFR, LCFR). */
    static final int RULE_ADD = 0;
    /** {@link #regretRule}: R ← [R + r]⁺ (CFR+, PCFR+). */
    static final int RULE_PLUS = 1;
    /** {@link #regretRule}: R ← R + r, then scaled by the positive or negative discount (DCFR). */
    static final int RULE_DISCOUNTED = 2;

    // ---- launch parameters (scalars, sent with every launch)
    int op;
    int workItems;
    int itemsPerInstance;
    int player;
    int playerSequenceBase;
    int playerSequences;
    int playerInfosetBase;
    int playerInfosets;
    int playerInfosetValueBase;
    int playerCsrBase;
    int depthFirstInfoset;
    int regretRule;
    int predictLastRegret;
    // ---- batch shape (scalars)
    int numPlayers;
    int batchSize;
    int numTerminals;
    // ---- layout (int arrays, transferred once at open)
    int[] firstSequence;
    int[] numActions;
    int[] childInfosetStart;
    int[] segmentStart;
    int[] pathStart;
    int[] pathSequence;
    int[] otherSequence;
    int[] terminalSequence;
    int[] sequenceBaseOfPlayer;
    int[] sequencesOfPlayer;

    private final Map<Integer, Range> ranges = new HashMap<>();
    private OpenCLDevice device;
    private int groupSize;
    private String deviceName;
    private boolean launched;

    /** Sets the layout fields (not yet on the device: {@link #putAll()} transfers). */
    void setLayout(OpenClLayout layout) {
        numPlayers = layout.players;
        batchSize = layout.batchSize;
        numTerminals = layout.numTerminals;
        firstSequence = layout.firstSequence;
        numActions = layout.numActions;
        childInfosetStart = layout.childInfosetStart;
        segmentStart = layout.segmentStart;
        pathStart = layout.pathStart;
        pathSequence = layout.pathSequence;
        otherSequence = layout.otherSequence;
        terminalSequence = layout.terminalSequence;
        sequenceBaseOfPlayer = layout.sequenceBase.clone();
        sequencesOfPlayer = layout.numSequences.clone();
    }

    /**
     * Makes {@code openClDevice} the only device of this kernel object, compiles the kernel for it (no Java
     * fallback can run here: a compile failure throws) and switches to explicit transfers.
     *
     * @throws OpenClFallbackException if Aparapi cannot compile the kernel for the device
     */
    void bind(OpenCLDevice openClDevice, String description) {
        this.device = openClDevice;
        this.deviceName = description;
        this.groupSize = Math.max(1, Math.min(64, openClDevice.getMaxWorkGroupSize()));
        KernelManager.instance().setPreferredDevices(this, new LinkedHashSet<>(List.of(openClDevice)));
        setExplicit(true);
        try {
            compile(openClDevice);
        } catch (CompileFailedException e) {
            throw new OpenClFallbackException(getClass().getSimpleName(), "compile", deviceName,
                    AparapiLog.reasonFor(this, e));
        }
    }

    /** Transfers every array to the device (on the next launch: Aparapi's explicit puts are deferred). */
    void putAll() {
        put(firstSequence).put(numActions).put(childInfosetStart).put(segmentStart).put(pathStart)
                .put(pathSequence).put(otherSequence).put(terminalSequence).put(sequenceBaseOfPlayer)
                .put(sequencesOfPlayer);
        putValueArrays();
    }

    /** Transfers every precision-typed array (values, scratch, terminal table, joint play). */
    abstract void putValueArrays();

    /** Selects {@code p} as the player of the next launches (its offsets into the layout). */
    void selectPlayer(OpenClLayout layout, int p) {
        player = p;
        playerSequenceBase = layout.sequenceBase[p];
        playerSequences = layout.numSequences[p];
        playerInfosetBase = layout.infosetBase[p];
        playerInfosets = layout.numInfosets[p];
        playerInfosetValueBase = layout.infosetValueBase[p];
        playerCsrBase = layout.csrBase[p];
    }

    /**
     * Runs primitive {@code operation} on {@code perInstance} items per instance ({@code perInstance ≥ 1}) and
     * checks that it ran on the OpenCL device.
     *
     * @throws OpenClFallbackException if Aparapi ran it in its Java thread pool instead
     */
    void launch(int operation, int perInstance) {
        op = operation;
        itemsPerInstance = perInstance;
        workItems = perInstance * batchSize;
        executeChecked(operation, workItems);
    }

    /** Runs an empty launch so that pending {@link #put} transfers reach the device now. */
    void flushTransfers() {
        op = OP_NOP;
        itemsPerInstance = 1;
        workItems = 0;
        executeChecked(OP_NOP, 1);
    }

    /** Executes {@code items} (padded) work items and insists that Aparapi ran them on OpenCL. */
    private void executeChecked(int operation, int items) {
        launched = true;
        try {
            execute(range(items));
        } catch (RuntimeException e) {
            throw new OpenClFallbackException(getClass().getSimpleName(), OP_NAMES[operation], deviceName,
                    AparapiLog.reasonFor(this, e));
        }
        if (!isRunningCL()) {
            throw new OpenClFallbackException(getClass().getSimpleName(), OP_NAMES[operation], deviceName,
                    AparapiLog.reasonFor(this, null));
        }
    }

    private Range range(int items) {
        int padded = Math.max(groupSize, (items + groupSize - 1) / groupSize * groupSize);
        Range r = ranges.get(padded);
        if (r == null) {
            r = Range.create(padded, groupSize);
            ranges.put(padded, r);
        }
        return r;
    }

    /**
     * Frees the kernel's OpenCL context and buffers. Aparapi's native dispose crashes on a kernel that was
     * compiled but never launched, so such a kernel's context is left to the driver (it lives until exit).
     */
    void release() {
        if (launched) {
            dispose();
        }
    }

    /** The device this kernel is bound to. */
    OpenCLDevice device() {
        return device;
    }

    /** Copies buffer {@code which} ({@link dev.nashforge.host.backend.SequenceBuffer#ordinal()}) to {@code out}. */
    abstract void readSequenceBuffer(int which, double[] out);

    /** Overwrites buffer {@code which} from {@code in} (rounded to the kernel's precision) and puts it. */
    abstract void writeSequenceBuffer(int which, double[] in);

    /** Copies the joint play to the host: {@code [batch][player][terminal]} and {@code [batch][terminal]}. */
    abstract void readJointPlay(double[] opponentWeightsOut, double[] jointWeightsOut);

    /** Overwrites the joint play (rounded to the kernel's precision) and puts it. */
    abstract void writeJointPlay(double[] opponentWeightsIn, double[] jointWeightsIn);

    /** Sets the regret update's scalars: the weight w of R + w·r and DCFR's two discounts. */
    abstract void setRegretScalars(double weight, double positiveDiscount, double negativeDiscount);

    /** Sets the running-mean step w_t / W_t of the average and joint-play updates. */
    abstract void setAverageStep(double step);

}

package dev.nashforge.cuda;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.backend.Precision;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where everything of a CUDA session lives on the device: the element count of every {@link CudaBuffer}, the
 * element offset of each player's block inside the shared buffers, and the contents and offsets of the int tables
 * (treeplex arrays, sorted terminal table). Pure Java, built and validated before any driver call. Immutable.
 *
 * <p><b>Real buffers.</b> Per-sequence buffers are {@code [player][batch][sequence]}: player i's
 * {@code [batch][sequence]} block (row length S_i) starts at {@link #sequenceOffset(int)} = B·Σ_{j&lt;i} S_j.
 * {@link CudaBuffer#INFOSET_VALUE} likewise per infoset ({@link #infosetOffset(int)}), and
 * {@link CudaBuffer#WEIGHTED_UTILITY} is {@code [player][batch][k]} ({@link #utilityOffset(int)} = i·B·Z).
 * The joint-play buffers are {@code [batch][player][terminal]} and {@code [batch][terminal]}, as in the contract.
 *
 * <p><b>Int tables.</b> One int array, {@link #intTable()}; {@link #tables(int)} gives the offsets of player i's
 * arrays, and {@link #terminalSequenceAt()}, {@link #planOffsetAt()}, {@link #numSequencesAt()} those of the
 * joint-play arrays. The kernels index with 64-bit arithmetic but receive sizes and offsets as 32-bit ints, so every
 * buffer must hold fewer than 2^31 elements; the constructor says how large a batch fits otherwise.
 */
final class CudaSessionLayout {

    /**
     * Offsets into {@link #intTable()} of one player's arrays.
     *
     * @param firstSequence     {@code [I]} first sequence of each infoset
     * @param numActions        {@code [I]} actions of each infoset
     * @param parentSequence    {@code [I]} parent sequence of each infoset
     * @param childInfosetStart {@code [S+1]} CSR offsets of the child infosets of each sequence
     * @param depthStart        {@code [D+1]} CSR offsets of the depth groups of infosets
     * @param segmentStart      {@code [S+1]} CSR offsets of the player's sorted terminal segments
     * @param otherSequence     {@code [N-1][Z]} s_j(z_k) of the other players j (increasing j) in sorted order k
     * @param otherPlanOffset   {@code [N-1]} {@link #sequenceOffset(int)} of those players
     * @param otherNumSequences {@code [N-1]} S_j of those players
     */
    record PlayerTables(int firstSequence, int numActions, int parentSequence, int childInfosetStart, int depthStart,
                        int segmentStart, int otherSequence, int otherPlanOffset, int otherNumSequences) {
    }

    private final String gameName;
    private final int players;
    private final int batchSize;
    private final int numTerminals;
    private final int[] numSequences;
    private final int[] numInfosets;
    private final int[] numDepths;
    private final int[] widestDepth;
    private final long[] sequenceOffset;
    private final long[] infosetOffset;
    private final Map<CudaBuffer, Long> elements = new EnumMap<>(CudaBuffer.class);
    private final int[] intTable;
    private final PlayerTables[] tables;
    private final int terminalSequenceAt;
    private final int planOffsetAt;
    private final int numSequencesAt;

    /**
     * @param structure   the batch's game structure
     * @param batchSize   B ≥ 1
     * @param scalarSlots operations per queued chunk (two binary64 scalars each)
     * @throws IllegalArgumentException if a buffer would exceed 2^31 − 1 elements (the message names the largest
     *                                  batch that fits)
     */
    CudaSessionLayout(GameStructure structure, int batchSize, int scalarSlots) {
        this(structure, batchSize, scalarSlots, null);
    }

    /**
     * A layout that also sizes the learned prediction's buffers ({@link CudaBuffer#NETWORK_TABLES},
     * {@link CudaBuffer#NETWORK_PARAMETERS}, {@link CudaBuffer#PREDICTION_BOUND}, {@link CudaBuffer#PREDICTOR_STATE},
     * {@link CudaBuffer#NETWORK_SCRATCH}) for {@code network}; with {@code null} they are empty.
     *
     * @throws IllegalArgumentException as {@link #CudaSessionLayout(GameStructure, int, int)}, or if
     *                                  {@code network} was built for another batch size
     */
    CudaSessionLayout(GameStructure structure, int batchSize, int scalarSlots, CudaNetwork network) {
        if (network != null && network.batchSize() != batchSize) {
            throw new IllegalArgumentException("the network was laid out for " + network.batchSize()
                    + " instances, the session has " + batchSize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch has at least one instance, got " + batchSize);
        }
        if (scalarSlots < 1) {
            throw new IllegalArgumentException("a launch chunk holds at least one operation, got " + scalarSlots);
        }
        this.gameName = structure.name();
        this.players = structure.numPlayers();
        this.batchSize = batchSize;
        this.numTerminals = structure.numTerminals();
        this.numSequences = new int[players];
        this.numInfosets = new int[players];
        this.numDepths = new int[players];
        this.widestDepth = new int[players];
        this.sequenceOffset = new long[players];
        this.infosetOffset = new long[players];
        long totalSequences = 0;
        long totalInfosets = 0;
        for (int i = 0; i < players; i++) {
            Treeplex t = structure.treeplex(i);
            numSequences[i] = t.numSequences();
            numInfosets[i] = t.numInfosets();
            numDepths[i] = t.numDepths();
            int[] depthStart = t.depthStart();
            for (int d = 0; d < numDepths[i]; d++) {
                widestDepth[i] = Math.max(widestDepth[i], depthStart[d + 1] - depthStart[d]);
            }
            sequenceOffset[i] = (long) batchSize * totalSequences;
            infosetOffset[i] = (long) batchSize * totalInfosets;
            totalSequences += numSequences[i];
            totalInfosets += numInfosets[i];
        }
        long perSequence = batchSize * totalSequences;
        for (CudaBuffer b : CudaBuffer.values()) {
            if (b.perSequence()) {
                elements.put(b, perSequence);
            }
        }
        elements.put(CudaBuffer.INFOSET_VALUE, batchSize * totalInfosets);
        elements.put(CudaBuffer.WEIGHTED_UTILITY, (long) players * batchSize * numTerminals);
        elements.put(CudaBuffer.OPPONENT_WEIGHTS, (long) players * batchSize * numTerminals);
        elements.put(CudaBuffer.JOINT_WEIGHTS, (long) batchSize * numTerminals);
        elements.put(CudaBuffer.SCALARS, 2L * scalarSlots);
        checkIndexable(CudaBuffer.REALIZATION_PLAN, totalSequences, "sequences of all players");
        checkIndexable(CudaBuffer.INFOSET_VALUE, totalInfosets, "infosets of all players");
        checkIndexable(CudaBuffer.WEIGHTED_UTILITY, (long) players * numTerminals, "players x terminals");

        IntTableBuilder table = new IntTableBuilder();
        this.tables = new PlayerTables[players];
        for (int i = 0; i < players; i++) {
            Treeplex t = structure.treeplex(i);
            int[] order = structure.terminalsBySequence(i);
            int[] otherSequence = new int[(players - 1) * numTerminals];
            int[] otherPlanOffset = new int[players - 1];
            int[] otherNumSequences = new int[players - 1];
            for (int j = 0, o = 0; j < players; j++) {
                if (j == i) {
                    continue;
                }
                int[] sj = structure.terminalSequence(j);
                for (int k = 0; k < numTerminals; k++) {
                    otherSequence[o * numTerminals + k] = sj[order[k]];
                }
                otherPlanOffset[o] = (int) sequenceOffset[j];
                otherNumSequences[o] = numSequences[j];
                o++;
            }
            tables[i] = new PlayerTables(table.add(t.firstSequence()), table.add(t.numActions()),
                    table.add(t.parentSequence()), table.add(t.childInfosetStart()), table.add(t.depthStart()),
                    table.add(structure.sequenceTerminalStart(i)), table.add(otherSequence),
                    table.add(otherPlanOffset), table.add(otherNumSequences));
        }
        int[] terminalSequence = new int[players * numTerminals];
        int[] planOffset = new int[players];
        for (int j = 0; j < players; j++) {
            System.arraycopy(structure.terminalSequence(j), 0, terminalSequence, j * numTerminals, numTerminals);
            planOffset[j] = (int) sequenceOffset[j];
        }
        this.terminalSequenceAt = table.add(terminalSequence);
        this.planOffsetAt = table.add(planOffset);
        this.numSequencesAt = table.add(numSequences);
        this.intTable = table.build();
        elements.put(CudaBuffer.INT_TABLES, (long) intTable.length);
        elements.put(CudaBuffer.NETWORK_TABLES, network == null ? 0L : network.intTable().length);
        elements.put(CudaBuffer.NETWORK_PARAMETERS, network == null ? 0L : network.parameters().length);
        elements.put(CudaBuffer.PREDICTION_BOUND, network == null ? 0L : network.bound().length);
        elements.put(CudaBuffer.PREDICTOR_STATE, network == null ? 0L : network.stateElements());
        elements.put(CudaBuffer.NETWORK_SCRATCH, network == null ? 0L : network.scratchElements());
    }

    private void checkIndexable(CudaBuffer buffer, long perInstance, String what) {
        long count = elements.get(buffer);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("CUDA session for " + gameName + ": the " + buffer + " buffer would hold "
                    + count + " elements (B=" + batchSize + " instances x " + perInstance + " " + what
                    + "), more than the 2^31-1 the kernels index with 32-bit offsets; use batches of at most "
                    + Integer.MAX_VALUE / perInstance + " instances");
        }
    }

    /** Appends int arrays into one table, remembering where each starts. */
    private static final class IntTableBuilder {
        private int[] data = new int[1024];
        private int size;

        int add(int[] values) {
            if ((long) size + values.length > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the int tables of this game exceed 2^31 entries");
            }
            if (size + values.length > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L,
                        Math.max(2L * data.length, (long) size + values.length)));
            }
            int at = size;
            System.arraycopy(values, 0, data, size, values.length);
            size += values.length;
            return at;
        }

        int[] build() {
            return Arrays.copyOf(data, size);
        }
    }

    String gameName() {
        return gameName;
    }

    int players() {
        return players;
    }

    int batchSize() {
        return batchSize;
    }

    int numTerminals() {
        return numTerminals;
    }

    int numSequences(int player) {
        return numSequences[player];
    }

    int numInfosets(int player) {
        return numInfosets[player];
    }

    /** Depth groups of the player's treeplex (0 when the player never acts). */
    int numDepths(int player) {
        return numDepths[player];
    }

    /** Infosets in the player's widest depth group. */
    int widestDepth(int player) {
        return widestDepth[player];
    }

    /** Element offset of player i's {@code [batch][sequence]} block in every per-sequence buffer. */
    long sequenceOffset(int player) {
        return sequenceOffset[player];
    }

    /** Element offset of player i's {@code [batch][infoset]} block in {@link CudaBuffer#INFOSET_VALUE}. */
    long infosetOffset(int player) {
        return infosetOffset[player];
    }

    /** Element offset of player i's {@code [batch][k]} block in {@link CudaBuffer#WEIGHTED_UTILITY}. */
    long utilityOffset(int player) {
        return (long) player * batchSize * numTerminals;
    }

    /** Elements of a buffer. */
    long elements(CudaBuffer buffer) {
        return elements.get(buffer);
    }

    /** Bytes of a buffer in the given precision. */
    long bytes(CudaBuffer buffer, Precision precision) {
        return elements(buffer) * buffer.elementBytes(precision);
    }

    /** Bytes of all buffers together. */
    long totalBytes(Precision precision) {
        long total = 0;
        for (CudaBuffer b : CudaBuffer.values()) {
            total += bytes(b, precision);
        }
        return total;
    }

    /** The int tables' contents (shared, do not modify). */
    int[] intTable() {
        return intTable;
    }

    PlayerTables tables(int player) {
        return tables[player];
    }

    /** Offset of {@code terminalSequence [N][Z]}. */
    int terminalSequenceAt() {
        return terminalSequenceAt;
    }

    /** Offset of {@code planOffset [N]} ({@link #sequenceOffset(int)} of every player). */
    int planOffsetAt() {
        return planOffsetAt;
    }

    /** Offset of {@code numSequences [N]}. */
    int numSequencesAt() {
        return numSequencesAt;
    }

    /** E.g. {@code leduc_poker: B=256, S=[1093, 1093], I=[468, 468], Z=5520}. */
    String describe() {
        return gameName + ": B=" + batchSize + ", S=" + Arrays.toString(numSequences) + ", I="
                + Arrays.toString(numInfosets) + ", Z=" + numTerminals;
    }
}

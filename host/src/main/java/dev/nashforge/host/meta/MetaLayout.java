package dev.nashforge.host.meta;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * The sequence-form layout of one {@link GameStructure} flattened over all players, the index space of the
 * meta-learning code (method.md §2, §5).
 *
 * <p><b>Global sequences.</b> Player i's local sequence {@code s} is the global sequence
 * {@code sequenceOffset[i] + s}; so {@code sequenceOffset[i]} is player i's empty sequence and every per-sequence
 * array of one instance ({@code [sequence]}, length {@link #numSequences()}) holds all players side by side.
 * <b>Global infosets.</b> Player i's local infoset {@code I} is {@code infosetOffset[i] + I}; within a player the
 * order is the treeplex's top-down order, so a loop over global infosets in decreasing index is a valid
 * bottom-up pass for every player at once (parents never cross players). The actions of global infoset {@code g}
 * are the global sequences {@code infosetFirst[g] .. infosetFirst[g] + infosetActions[g] - 1}, its parent is
 * the global sequence {@code infosetParent[g]}.
 *
 * <p><b>Terminals.</b> {@code terminalSequence[i * numTerminals + z]} is player i's global sequence leading to
 * terminal z; {@code terminalsBySequence[i]} and {@code sequenceTerminalStart[i]} are the structure's per-player
 * sorted views (local sequence indices), used for deterministic segmented sums.
 *
 * <p>Arrays are shared: callers must not modify them. Immutable and thread-safe.
 */
public final class MetaLayout {

    private final GameStructure structure;
    private final int numPlayers;
    private final int numTerminals;
    private final int numSequences;
    private final int numInfosets;
    private final int maxActions;
    private final int[] sequenceOffset;
    private final int[] infosetOffset;
    private final int[] infosetFirst;
    private final int[] infosetActions;
    private final int[] infosetParent;
    private final int[] sequenceInfoset;
    private final int[] terminalSequence;
    private final int[][] terminalsBySequence;
    private final int[][] sequenceTerminalStart;

    /** Flattens {@code structure}. */
    public MetaLayout(GameStructure structure) {
        if (structure == null) {
            throw new IllegalArgumentException("MetaLayout needs a game structure; got null");
        }
        this.structure = structure;
        this.numPlayers = structure.numPlayers();
        this.numTerminals = structure.numTerminals();
        this.sequenceOffset = new int[numPlayers + 1];
        this.infosetOffset = new int[numPlayers + 1];
        int maxA = 0;
        for (int i = 0; i < numPlayers; i++) {
            Treeplex t = structure.treeplex(i);
            sequenceOffset[i + 1] = sequenceOffset[i] + t.numSequences();
            infosetOffset[i + 1] = infosetOffset[i] + t.numInfosets();
            maxA = Math.max(maxA, t.maxActions());
        }
        this.maxActions = maxA;
        this.numSequences = sequenceOffset[numPlayers];
        this.numInfosets = infosetOffset[numPlayers];
        this.infosetFirst = new int[numInfosets];
        this.infosetActions = new int[numInfosets];
        this.infosetParent = new int[numInfosets];
        this.sequenceInfoset = new int[numSequences];
        this.terminalSequence = new int[numPlayers * numTerminals];
        this.terminalsBySequence = new int[numPlayers][];
        this.sequenceTerminalStart = new int[numPlayers][];
        for (int i = 0; i < numPlayers; i++) {
            Treeplex t = structure.treeplex(i);
            int so = sequenceOffset[i];
            int io = infosetOffset[i];
            sequenceInfoset[so] = -1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int g = io + infoset;
                infosetFirst[g] = so + t.firstSequence()[infoset];
                infosetActions[g] = t.numActions()[infoset];
                infosetParent[g] = so + t.parentSequence()[infoset];
                for (int a = 0; a < infosetActions[g]; a++) {
                    sequenceInfoset[infosetFirst[g] + a] = g;
                }
            }
            int[] local = structure.terminalSequence(i);
            for (int z = 0; z < numTerminals; z++) {
                terminalSequence[i * numTerminals + z] = so + local[z];
            }
            terminalsBySequence[i] = structure.terminalsBySequence(i);
            sequenceTerminalStart[i] = structure.sequenceTerminalStart(i);
        }
    }

    public GameStructure structure() {
        return structure;
    }

    public int numPlayers() {
        return numPlayers;
    }

    public int numTerminals() {
        return numTerminals;
    }

    /** Total number of sequences over all players, each player's empty sequence included. */
    public int numSequences() {
        return numSequences;
    }

    /** Total number of infosets over all players. */
    public int numInfosets() {
        return numInfosets;
    }

    /** Largest number of actions at any infoset. */
    public int maxActions() {
        return maxActions;
    }

    /** {@code [player+1]} offsets of the players' sequences; {@code sequenceOffset[i]} is i's empty sequence. */
    public int[] sequenceOffset() {
        return sequenceOffset;
    }

    /** {@code [player+1]} offsets of the players' infosets in the global infoset numbering. */
    public int[] infosetOffset() {
        return infosetOffset;
    }

    /** {@code [infoset]} global index of the infoset's first action sequence. */
    public int[] infosetFirst() {
        return infosetFirst;
    }

    /** {@code [infoset]} number of actions. */
    public int[] infosetActions() {
        return infosetActions;
    }

    /** {@code [infoset]} global parent sequence (a player's empty sequence for a root infoset). */
    public int[] infosetParent() {
        return infosetParent;
    }

    /** {@code [sequence]} global infoset owning the sequence, -1 for the empty sequences. */
    public int[] sequenceInfoset() {
        return sequenceInfoset;
    }

    /** {@code [player * numTerminals + terminal]} the player's global sequence leading to the terminal. */
    public int[] terminalSequence() {
        return terminalSequence;
    }

    /** Player's terminals sorted by its (local) sequence, see {@link GameStructure#terminalsBySequence(int)}. */
    public int[] terminalsBySequence(int player) {
        return terminalsBySequence[player];
    }

    /** CSR offsets (local sequences) into {@link #terminalsBySequence(int)}. */
    public int[] sequenceTerminalStart(int player) {
        return sequenceTerminalStart[player];
    }

    /** Player owning global sequence {@code s}. */
    public int playerOfSequence(int s) {
        for (int i = 0; i < numPlayers; i++) {
            if (s < sequenceOffset[i + 1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("sequence " + s + " is outside 0.." + (numSequences - 1));
    }
}

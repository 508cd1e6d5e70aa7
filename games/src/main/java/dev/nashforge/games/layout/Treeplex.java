package dev.nashforge.games.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * One player's sequence-form treeplex (method.md §2), compiled to flat arrays.
 *
 * <p><b>Index spaces.</b> Infosets are numbered {@code 0..numInfosets()-1} in top-down (breadth-first) order:
 * grouped by depth (the number of the player's own earlier actions) and, inside a depth, sorted by parent
 * sequence. Sequences are numbered {@code 0..numSequences()-1}; sequence {@code 0} is the <em>empty
 * sequence</em> ∅ and the actions of infoset {@code I} are the contiguous range
 * {@code firstSequence[I] .. firstSequence[I] + numActions[I] - 1}. Because of the ordering, the child infosets
 * of a sequence {@code s} form the contiguous range {@code childInfosetStart[s] .. childInfosetStart[s+1]-1},
 * and every parent sequence has a smaller index than the sequences of its child infosets, so a loop over
 * infosets in decreasing index order is a valid bottom-up pass and increasing order a valid top-down pass.
 *
 * <p>All arrays are shared, not copied: callers must not modify them. Instances are immutable and thread-safe.
 */
public final class Treeplex {

    private final int player;
    private final String[] infosetKeys;
    private final int[] numActions;
    private final int[] firstSequence;
    private final int[] parentSequence;
    private final int[] depth;
    private final int[] depthStart;
    private final int[] sequenceInfoset;
    private final int[] sequenceAction;
    private final String[] sequenceActionName;
    private final int[] childInfosetStart;
    private final Map<String, Integer> keyIndex = new HashMap<>();

    Treeplex(int player, String[] infosetKeys, int[] numActions, int[] parentSequence, String[] sequenceActionName) {
        this.player = player;
        this.infosetKeys = infosetKeys;
        this.numActions = numActions;
        this.parentSequence = parentSequence;
        this.sequenceActionName = sequenceActionName;
        int n = infosetKeys.length;
        this.firstSequence = new int[n];
        this.depth = new int[n];
        int seq = 1;
        int maxDepth = -1;
        for (int i = 0; i < n; i++) {
            firstSequence[i] = seq;
            seq += numActions[i];
        }
        this.sequenceInfoset = new int[seq];
        this.sequenceAction = new int[seq];
        sequenceInfoset[0] = -1;
        sequenceAction[0] = -1;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < numActions[i]; a++) {
                sequenceInfoset[firstSequence[i] + a] = i;
                sequenceAction[firstSequence[i] + a] = a;
            }
            int p = parentSequence[i];
            if (p >= firstSequence[i]) {
                throw new IllegalStateException("treeplex order violated at infoset " + infosetKeys[i]);
            }
            depth[i] = p == 0 ? 0 : depth[sequenceInfoset[p]] + 1;
            if (i > 0 && (depth[i] < depth[i - 1] || parentSequence[i] < parentSequence[i - 1])) {
                throw new IllegalStateException("treeplex order violated at infoset " + infosetKeys[i]);
            }
            maxDepth = Math.max(maxDepth, depth[i]);
        }
        this.depthStart = new int[maxDepth + 2];
        for (int d = 0, i = 0; d <= maxDepth + 1; d++) {
            while (i < n && depth[i] < d) {
                i++;
            }
            depthStart[d] = i;
        }
        for (int i = 0; i < n; i++) {
            keyIndex.put(infosetKeys[i], i);
        }
        this.childInfosetStart = new int[seq + 1];
        for (int s = 0, i = 0; s <= seq; s++) {
            while (i < n && parentSequence[i] < s) {
                i++;
            }
            childInfosetStart[s] = i;
        }
    }

    /** The player this treeplex belongs to. */
    public int player() {
        return player;
    }

    public int numInfosets() {
        return infosetKeys.length;
    }

    /** Number of sequences including the empty sequence (index 0). */
    public int numSequences() {
        return sequenceInfoset.length;
    }

    /** Number of depths; infosets of depth {@code d} are {@code depthStart()[d] .. depthStart()[d+1]-1}. */
    public int numDepths() {
        return depthStart.length - 1;
    }

    /** {@code [infoset]} information-set keys as given by the authoring API. */
    public String[] infosetKeys() {
        return infosetKeys;
    }

    /** {@code [infoset]} number of actions. */
    public int[] numActions() {
        return numActions;
    }

    /** {@code [infoset]} index of the infoset's first sequence. */
    public int[] firstSequence() {
        return firstSequence;
    }

    /** {@code [infoset]} the player's sequence leading to the infoset (0 = empty sequence). */
    public int[] parentSequence() {
        return parentSequence;
    }

    /** {@code [infoset]} number of the player's own actions before the infoset. */
    public int[] depth() {
        return depth;
    }

    /** {@code [depth+1]} CSR offsets of the depth groups. */
    public int[] depthStart() {
        return depthStart;
    }

    /** {@code [sequence]} infoset owning the sequence; -1 for the empty sequence. */
    public int[] sequenceInfoset() {
        return sequenceInfoset;
    }

    /** {@code [sequence]} action index of the sequence inside its infoset; -1 for the empty sequence. */
    public int[] sequenceAction() {
        return sequenceAction;
    }

    /** {@code [sequence]} action name of the sequence; null for the empty sequence. */
    public String[] sequenceActionName() {
        return sequenceActionName;
    }

    /** {@code [sequence+1]} CSR offsets: child infosets of sequence {@code s} are a contiguous range. */
    public int[] childInfosetStart() {
        return childInfosetStart;
    }

    /** Largest number of actions at any infoset (0 when the player never acts). */
    public int maxActions() {
        int m = 0;
        for (int a : numActions) {
            m = Math.max(m, a);
        }
        return m;
    }

    /** Index of the infoset with this key, or -1. */
    public int indexOfKey(String key) {
        Integer i = keyIndex.get(key);
        return i == null ? -1 : i;
    }
}

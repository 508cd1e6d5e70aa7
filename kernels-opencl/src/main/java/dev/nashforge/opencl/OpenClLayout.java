package dev.nashforge.opencl;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.WeightedUtilities;

/**
 * The flat device layout of one batch: every per-player array of the compiled game concatenated over the
 * players, with the offsets the kernels need, built once at session open. Kernels address player p's data
 * through the offsets of p; nothing here depends on the precision except {@link #weightedUtility}, which is
 * kept in double and rounded by the float kernel's owner.
 *
 * <p><b>Value buffers</b> ({@code [player][batch][sequence]}, length {@link #totalSequenceSlots}): the entry of
 * sequence s of player p in instance b is {@code sequenceBase[p] + b·S_p + s}. <b>Infoset scratch</b>
 * ({@code [player][batch][infoset]}): {@code infosetValueBase[p] + b·I_p + I}. <b>Terminal tables</b>:
 * weighted utilities {@code [player][batch][k]} at {@code (p·B + b)·Z + k} in p's sorted terminal order k,
 * the other players' sequences {@code [player][other][k]} at {@code (p·(N−1) + o)·Z + k}, each player's
 * sequence per terminal {@code [player][terminal]} at {@code p·Z + z}; joint play {@code [batch][player][terminal]}
 * and {@code [batch][terminal]}.
 *
 * <p><b>Treeplex arrays</b>: infoset-indexed arrays at {@code infosetBase[p] + I}; sequence CSR arrays
 * ({@code [S_p + 1]} per player: child infosets, terminal segments, ancestor paths) at {@code csrBase[p] + s}.
 * The ancestor path of sequence s lists the sequences from the root down to s itself, so the realization plan
 * x[s] = (…((1·σ[a₁])·σ[a₂])…)·σ[s] is one product per sequence, in the top-down order of the CPU reference.
 *
 * <p>Immutable after construction (the arrays are handed to the kernel, which must not modify them).
 */
final class OpenClLayout {

    final int players;
    final int batchSize;
    final int numTerminals;
    final int[] numSequences;
    final int[] numInfosets;
    final int[] sequenceBase;
    final int[] infosetValueBase;
    final int[] infosetBase;
    final int[] csrBase;
    /** {@code [player][depth+1]} first infoset of every depth (player-local indices), as the treeplex gives it. */
    final int[][] depthStart;
    final int totalSequenceSlots;
    final int totalInfosetSlots;

    final int[] firstSequence;
    final int[] numActions;
    final int[] childInfosetStart;
    final int[] segmentStart;
    final int[] pathStart;
    final int[] pathSequence;
    final int[] otherSequence;
    final int[] terminalSequence;
    /** {@code [player][batch][k]} c_b(z_k)·u_{b,p}(z_k), in double. */
    final double[] weightedUtility;

    OpenClLayout(GameBatch batch) {
        GameStructure structure = batch.structure();
        this.players = structure.numPlayers();
        this.batchSize = batch.size();
        this.numTerminals = structure.numTerminals();
        this.numSequences = new int[players];
        this.numInfosets = new int[players];
        this.sequenceBase = new int[players];
        this.infosetValueBase = new int[players];
        this.infosetBase = new int[players];
        this.csrBase = new int[players];
        this.depthStart = new int[players][];
        long sequenceSlots = 0;
        long infosetSlots = 0;
        int infosets = 0;
        int csr = 0;
        int pathLength = 0;
        for (int p = 0; p < players; p++) {
            Treeplex t = structure.treeplex(p);
            numSequences[p] = t.numSequences();
            numInfosets[p] = t.numInfosets();
            sequenceBase[p] = checkedInt(sequenceSlots, batch);
            infosetValueBase[p] = checkedInt(infosetSlots, batch);
            infosetBase[p] = infosets;
            csrBase[p] = csr;
            depthStart[p] = t.depthStart();
            sequenceSlots += (long) batchSize * numSequences[p];
            infosetSlots += (long) batchSize * numInfosets[p];
            infosets += numInfosets[p];
            csr += numSequences[p] + 1;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                pathLength += t.numActions()[infoset] * (t.depth()[infoset] + 1);
            }
        }
        this.totalSequenceSlots = checkedInt(sequenceSlots, batch);
        this.totalInfosetSlots = checkedInt(infosetSlots, batch);
        checkedInt((long) batchSize * players * numTerminals, batch);

        this.firstSequence = new int[Math.max(1, infosets)];
        this.numActions = new int[Math.max(1, infosets)];
        this.childInfosetStart = new int[csr];
        this.segmentStart = new int[csr];
        this.pathStart = new int[csr];
        this.pathSequence = new int[Math.max(1, pathLength)];
        int at = 0;
        for (int p = 0; p < players; p++) {
            Treeplex t = structure.treeplex(p);
            System.arraycopy(t.firstSequence(), 0, firstSequence, infosetBase[p], numInfosets[p]);
            System.arraycopy(t.numActions(), 0, numActions, infosetBase[p], numInfosets[p]);
            System.arraycopy(t.childInfosetStart(), 0, childInfosetStart, csrBase[p], numSequences[p] + 1);
            System.arraycopy(structure.sequenceTerminalStart(p), 0, segmentStart, csrBase[p], numSequences[p] + 1);
            int[] parentSequence = t.parentSequence();
            int[] sequenceInfoset = t.sequenceInfoset();
            int[] depth = t.depth();
            pathStart[csrBase[p]] = at;
            pathStart[csrBase[p] + 1] = at;
            for (int s = 1; s < numSequences[p]; s++) {
                int length = depth[sequenceInfoset[s]] + 1;
                for (int k = length - 1, q = s; k >= 0; k--) {
                    pathSequence[at + k] = q;
                    q = parentSequence[sequenceInfoset[q]];
                }
                at += length;
                pathStart[csrBase[p] + s + 1] = at;
            }
        }

        int z = numTerminals;
        int others = players - 1;
        this.otherSequence = new int[Math.max(1, players * others * z)];
        this.terminalSequence = new int[players * z];
        this.weightedUtility = new double[batchSize * players * z];
        for (int p = 0; p < players; p++) {
            int[] order = structure.terminalsBySequence(p);
            System.arraycopy(structure.terminalSequence(p), 0, terminalSequence, p * z, z);
            for (int o = 0; o < others; o++) {
                int j = o < p ? o : o + 1;
                int[] sj = structure.terminalSequence(j);
                for (int k = 0; k < z; k++) {
                    otherSequence[(p * others + o) * z + k] = sj[order[k]];
                }
            }
            double[] table = WeightedUtilities.sorted(batch, p, Precision.DOUBLE);
            System.arraycopy(table, 0, weightedUtility, p * batchSize * z, table.length);
        }
    }

    /**
     * {@link #weightedUtility} in binary32 as the float kernels use it: c and u each rounded to binary32, then
     * their product rounded (the CPU reference's float terminal table).
     */
    float[] weightedUtilityBinary32(GameBatch batch) {
        float[] out = new float[weightedUtility.length];
        for (int p = 0; p < players; p++) {
            double[] table = WeightedUtilities.sorted(batch, p, Precision.FLOAT);
            for (int k = 0; k < table.length; k++) {
                out[p * table.length + k] = (float) table[k];
            }
        }
        return out;
    }

    private static int checkedInt(long slots, GameBatch batch) {
        if (slots > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("the batch of " + batch.size() + " instances of "
                    + batch.structure().name() + " needs " + slots + " entries in one device buffer, more than an "
                    + "OpenCL kernel can index (2^31); use a smaller batch");
        }
        return (int) slots;
    }
}

package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.backend.WeightedUtilities;

/**
 * The terminal table of a batch rearranged once, at session open, for the leaf-value kernel: for every player
 * i, the terminals in i's sorted order k (see {@link GameStructure#terminalsBySequence(int)}) with
 * <ul>
 *   <li>{@code weightedUtility[i]}: {@code [batch][k]} c_b(z_k)·u_{b,i}(z_k), rounded to the session
 *       precision ({@link WeightedUtilities}), and</li>
 *   <li>{@code otherSequence[i]}: {@code [other][k]} s_j(z_k) for the other players j in increasing order
 *       (shared by the batch),</li>
 * </ul>
 * so the kernel streams both contiguously. {@code otherPlayers[i]} lists those j. Immutable.
 */
final class CpuTerminalTable {

    final int numTerminals;
    final double[][] weightedUtility;
    final int[][] otherSequence;
    final int[][] otherPlayers;

    CpuTerminalTable(GameBatch batch, CpuKernels kernels) {
        GameStructure structure = batch.structure();
        int players = structure.numPlayers();
        this.numTerminals = structure.numTerminals();
        this.weightedUtility = new double[players][];
        this.otherSequence = new int[players][];
        this.otherPlayers = new int[players][];
        for (int i = 0; i < players; i++) {
            weightedUtility[i] = WeightedUtilities.sorted(batch, i, kernels.precision());
            int[] order = structure.terminalsBySequence(i);
            int[] others = new int[players - 1];
            for (int j = 0, o = 0; j < players; j++) {
                if (j != i) {
                    others[o++] = j;
                }
            }
            otherPlayers[i] = others;
            int[] seq = new int[others.length * numTerminals];
            for (int o = 0; o < others.length; o++) {
                int[] sj = structure.terminalSequence(others[o]);
                for (int k = 0; k < numTerminals; k++) {
                    seq[o * numTerminals + k] = sj[order[k]];
                }
            }
            otherSequence[i] = seq;
        }
    }
}

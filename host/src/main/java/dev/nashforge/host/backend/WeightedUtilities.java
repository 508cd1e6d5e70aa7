package dev.nashforge.host.backend;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;

/**
 * The terminal table every backend's leaf values read (method.md §2): for one player i and every instance b, the
 * chance-weighted utilities c_b(z_k)·u_{b,i}(z_k) in i's sorted terminal order z_k =
 * {@link GameStructure#terminalsBySequence(int) terminalsBySequence(i)}[k], so that the terminals under one
 * sequence of i form a contiguous segment. One shared definition keeps the backends' leaf sums on the same
 * inputs to the last bit. Stateless.
 */
public final class WeightedUtilities {

    private WeightedUtilities() {
    }

    /**
     * The table of {@code player}: entry {@code b·Z + k} is c_b(z_k)·u_{b,i}(z_k). In {@link Precision#DOUBLE}
     * the product of the batch's doubles; in {@link Precision#FLOAT} c and u are each rounded to binary32 and their
     * product is rounded to binary32 (exactly what a binary32 multiplication of the two gives), held in a double.
     *
     * @return a new array of {@code batch.size() × numTerminals} entries
     */
    public static double[] sorted(GameBatch batch, int player, Precision precision) {
        GameStructure structure = batch.structure();
        int players = structure.numPlayers();
        int numTerminals = structure.numTerminals();
        int[] order = structure.terminalsBySequence(player);
        double[] chanceReach = batch.chanceReach();
        double[] utility = batch.utility();
        double[] table = new double[batch.size() * numTerminals];
        for (int b = 0; b < batch.size(); b++) {
            int reachBase = b * numTerminals;
            int utilityBase = (b * players + player) * numTerminals;
            for (int k = 0; k < numTerminals; k++) {
                int z = order[k];
                double c = chanceReach[reachBase + z];
                double u = utility[utilityBase + z];
                table[reachBase + k] = precision == Precision.FLOAT ? (double) ((float) c * (float) u) : c * u;
            }
        }
        return table;
    }
}

package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.UtilityKind;

/**
 * The size and payoff facts of a compiled game that {@code nash info} and {@code nash eval} report.
 *
 * @param game        the catalog string of the game
 * @param players     number of players N
 * @param infosets    {@code [player]} number of information sets
 * @param sequences   {@code [player]} number of sequences, <b>not</b> counting the empty sequence (so it equals
 *                    the sum of the player's infosets' action counts)
 * @param terminals   number of terminal histories
 * @param utilityKind zero-sum, constant-sum or general-sum ({@link dev.nashforge.games.layout.GameInstance#utilityKind()})
 * @param payoffRange {@code [min, max]} utility over all players and terminals reached with positive chance
 */
record StructureSummary(String game, int players, int[] infosets, int[] sequences, int terminals,
                        UtilityKind utilityKind, double[] payoffRange) {

    /** The summary of {@code compiled}. */
    static StructureSummary of(CompiledGame compiled) {
        GameStructure s = compiled.structure();
        int n = s.numPlayers();
        int[] infosets = new int[n];
        int[] sequences = new int[n];
        for (int i = 0; i < n; i++) {
            infosets[i] = s.treeplex(i).numInfosets();
            sequences[i] = s.treeplex(i).numSequences() - 1;
        }
        return new StructureSummary(s.name(), n, infosets, sequences, s.numTerminals(),
                compiled.instance().utilityKind(), compiled.instance().payoffRange());
    }

    /**
     * Adds the structure keys of the JSON contract to {@code json}: {@code game}, {@code players},
     * {@code infosets}, {@code sequences}, {@code terminals}, {@code utilityKind} and, if {@code withPayoffRange},
     * {@code payoffRange}.
     */
    void addTo(ObjectNode json, boolean withPayoffRange) {
        json.put("game", game);
        json.put("players", players);
        json.set("infosets", JsonOutput.array(infosets));
        json.set("sequences", JsonOutput.array(sequences));
        json.put("terminals", terminals);
        json.put("utilityKind", utilityKind.label());
        if (withPayoffRange) {
            json.set("payoffRange", JsonOutput.array(payoffRange));
        }
    }

    /** Total infosets over all players. */
    int totalInfosets() {
        int t = 0;
        for (int k : infosets) {
            t += k;
        }
        return t;
    }

    /** Total sequences over all players, empty sequences not counted. */
    int totalSequences() {
        int t = 0;
        for (int k : sequences) {
            t += k;
        }
        return t;
    }
}

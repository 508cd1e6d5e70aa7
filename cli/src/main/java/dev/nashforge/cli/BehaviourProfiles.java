package dev.nashforge.cli;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * The built-in behaviour profiles of {@code nash eval --profile}: {@code uniform} and {@code first}. Each returns
 * a new behaviour profile {@code double[player][sequence]} over the structure (entry 0, the empty sequence, is
 * 1; the actions of infoset I are the sequences {@code firstSequence[I] .. firstSequence[I]+numActions[I]-1}).
 * Stateless.
 */
final class BehaviourProfiles {

    private BehaviourProfiles() {
    }

    /** Every infoset plays each of its actions with probability 1 / numActions. */
    static double[][] uniform(GameStructure structure) {
        double[][] b = empty(structure);
        for (int i = 0; i < b.length; i++) {
            Treeplex t = structure.treeplex(i);
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                int actions = t.numActions()[infoset];
                for (int a = 0; a < actions; a++) {
                    b[i][t.firstSequence()[infoset] + a] = 1.0 / actions;
                }
            }
        }
        return b;
    }

    /** Every infoset plays its first legal action with probability 1. */
    static double[][] firstAction(GameStructure structure) {
        double[][] b = empty(structure);
        for (int i = 0; i < b.length; i++) {
            Treeplex t = structure.treeplex(i);
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                b[i][t.firstSequence()[infoset]] = 1.0;
            }
        }
        return b;
    }

    private static double[][] empty(GameStructure structure) {
        double[][] b = new double[structure.numPlayers()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = new double[structure.treeplex(i).numSequences()];
            b[i][0] = 1.0;
        }
        return b;
    }
}

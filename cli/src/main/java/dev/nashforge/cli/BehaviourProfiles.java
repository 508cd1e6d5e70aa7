package dev.nashforge.cli;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * The built-in {@code first} profile of {@code nash eval --profile} (the {@code uniform} one is
 * {@link dev.nashforge.host.metrics.ExactEvaluator#uniformBehaviour()}), as a new behaviour profile
 * {@code double[player][sequence]} over the structure: entry 0 (the empty sequence) is 1, and the actions of
 * infoset I are the sequences {@code firstSequence[I] .. firstSequence[I]+numActions[I]-1}. Stateless.
 */
final class BehaviourProfiles {

    private BehaviourProfiles() {
    }

    /** Every infoset plays its first legal action with probability 1. */
    static double[][] firstAction(GameStructure structure) {
        double[][] b = new double[structure.numPlayers()][];
        for (int i = 0; i < b.length; i++) {
            Treeplex t = structure.treeplex(i);
            b[i] = new double[t.numSequences()];
            b[i][0] = 1.0;
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                b[i][t.firstSequence()[infoset]] = 1.0;
            }
        }
        return b;
    }
}

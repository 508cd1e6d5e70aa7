package dev.nashforge.games.testing;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the contract of the compiled layout (Treeplex and GameStructure Javadoc, method.md §2) on a compiled
 * game: treeplex order, depth groups, child-infoset CSR, sorted terminal views and chance reach.
 */
public final class LayoutInvariants {

    private LayoutInvariants() {
    }

    public static void assertValid(CompiledGame game) {
        GameStructure s = game.structure();
        String name = game.name();
        for (int i = 0; i < s.numPlayers(); i++) {
            assertTreeplex(name + " player " + i, s.treeplex(i));
            assertTerminalView(name + " player " + i, s, i);
        }
        for (double c : game.instance().chanceReach()) {
            if (!(c > 0 && c <= 1)) {
                fail(name + ": chance reach " + c + " outside (0, 1]");
            }
        }
        assertEquals(1.0, reachProbabilitySum(s, game.instance().chanceReach(),
                SequenceFormReference.uniformBehaviour(s)), 1e-9,
                name + ": terminal probabilities c(z) prod_i x_i[s_i(z)] must sum to 1 under the uniform profile");
        double[] fromStructure = s.chanceReach(s.chanceProbability());
        for (int z = 0; z < s.numTerminals(); z++) {
            if (Math.abs(game.instance().chanceReach()[z] - fromStructure[z]) > 1e-15) {
                fail(name + ": chance reach of terminal " + z + " disagrees with the chance structure");
            }
        }
        int[] start = s.chanceOutcomeStart();
        for (int node = 0; node < s.numChanceNodes(); node++) {
            double sum = 0;
            for (int o = start[node]; o < start[node + 1]; o++) {
                sum += s.chanceProbability()[o];
            }
            assertEquals(1.0, sum, 1e-12, name + ": chance node " + node + " probabilities");
        }
    }

    /**
     * {@code sum_z c(z) prod_i x_i[s_i(z)]} for a behaviour profile: 1 for every profile when the chance reach and
     * the layout are consistent. (The plain sum of {@code c(z)} over terminals is not 1: it counts every
     * combination of the players' actions.)
     */
    public static double reachProbabilitySum(GameStructure s, double[] chanceReach, double[][] behaviour) {
        double[][] plan = SequenceFormReference.realizationPlan(s, behaviour);
        double total = 0;
        for (int z = 0; z < s.numTerminals(); z++) {
            double p = chanceReach[z];
            for (int i = 0; i < s.numPlayers(); i++) {
                p *= plan[i][s.terminalSequence(i)[z]];
            }
            total += p;
        }
        return total;
    }

    private static void assertTreeplex(String where, Treeplex t) {
        int numInfosets = t.numInfosets();
        int numSequences = t.numSequences();
        assertEquals(-1, t.sequenceInfoset()[0], where + ": sequence 0 must be the empty sequence");
        int expectedFirst = 1;
        for (int info = 0; info < numInfosets; info++) {
            assertEquals(expectedFirst, t.firstSequence()[info], where + ": sequences of infoset " + info
                    + " must follow those of the previous infoset");
            expectedFirst += t.numActions()[info];
            assertTrue(t.parentSequence()[info] < t.firstSequence()[info],
                    where + ": parent sequence of infoset " + info + " must precede its own sequences");
            for (int a = 0; a < t.numActions()[info]; a++) {
                assertEquals(info, t.sequenceInfoset()[t.firstSequence()[info] + a]);
                assertEquals(a, t.sequenceAction()[t.firstSequence()[info] + a]);
            }
            int parent = t.parentSequence()[info];
            int expectedDepth = parent == 0 ? 0 : t.depth()[t.sequenceInfoset()[parent]] + 1;
            assertEquals(expectedDepth, t.depth()[info], where + ": depth of infoset " + info);
            assertEquals(info, t.indexOfKey(t.infosetKeys()[info]), where + ": key index of infoset " + info);
        }
        assertEquals(numSequences, expectedFirst, where + ": number of sequences");
        int[] depthStart = t.depthStart();
        assertEquals(0, depthStart[0]);
        assertEquals(numInfosets, depthStart[t.numDepths()]);
        for (int d = 0; d < t.numDepths(); d++) {
            assertTrue(depthStart[d] < depthStart[d + 1], where + ": depth group " + d + " is empty");
            for (int info = depthStart[d]; info < depthStart[d + 1]; info++) {
                assertEquals(d, t.depth()[info], where + ": infoset " + info + " in depth group " + d);
            }
        }
        int[] child = t.childInfosetStart();
        assertEquals(numSequences + 1, child.length);
        assertEquals(0, child[0]);
        assertEquals(numInfosets, child[numSequences]);
        for (int seq = 0; seq < numSequences; seq++) {
            assertTrue(child[seq] <= child[seq + 1]);
            for (int info = child[seq]; info < child[seq + 1]; info++) {
                assertEquals(seq, t.parentSequence()[info], where + ": infoset " + info + " listed under sequence "
                        + seq);
            }
        }
    }

    private static void assertTerminalView(String where, GameStructure s, int player) {
        int z = s.numTerminals();
        int[] order = s.terminalsBySequence(player);
        int[] start = s.sequenceTerminalStart(player);
        int[] sequence = s.terminalSequence(player);
        boolean[] seen = new boolean[z];
        for (int k = 0; k < z; k++) {
            if (seen[order[k]]) {
                fail(where + ": terminal " + order[k] + " appears twice in the sorted view");
            }
            seen[order[k]] = true;
        }
        assertEquals(0, start[0]);
        assertEquals(z, start[start.length - 1]);
        assertEquals(s.treeplex(player).numSequences() + 1, start.length);
        for (int seq = 0; seq + 1 < start.length; seq++) {
            for (int k = start[seq]; k < start[seq + 1]; k++) {
                if (sequence[order[k]] != seq) {
                    fail(where + ": terminal " + order[k] + " of sequence " + sequence[order[k]]
                            + " lies in the sorted-view segment of sequence " + seq);
                }
            }
        }
    }
}

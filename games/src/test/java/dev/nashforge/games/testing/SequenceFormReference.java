package dev.nashforge.games.testing;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * A small, independent sequence-form evaluator used by the tests of the games module to check rules against
 * published values (expected utilities, NashConv of fixed profiles). It follows method.md §2 literally and is
 * deliberately simple; it is not the engine's evaluator.
 */
public final class SequenceFormReference {

    private SequenceFormReference() {
    }

    /** {@code [player][sequence]} behaviour profile playing uniformly at every infoset (entry 0 is 1). */
    public static double[][] uniformBehaviour(GameStructure structure) {
        double[][] behaviour = new double[structure.numPlayers()][];
        for (int i = 0; i < behaviour.length; i++) {
            Treeplex t = structure.treeplex(i);
            behaviour[i] = new double[t.numSequences()];
            behaviour[i][0] = 1;
            for (int info = 0; info < t.numInfosets(); info++) {
                for (int a = 0; a < t.numActions()[info]; a++) {
                    behaviour[i][t.firstSequence()[info] + a] = 1.0 / t.numActions()[info];
                }
            }
        }
        return behaviour;
    }

    /** Realization plans {@code [player][sequence]} of a behaviour profile, top-down. */
    public static double[][] realizationPlan(GameStructure structure, double[][] behaviour) {
        double[][] plan = new double[structure.numPlayers()][];
        for (int i = 0; i < plan.length; i++) {
            Treeplex t = structure.treeplex(i);
            plan[i] = new double[t.numSequences()];
            plan[i][0] = 1;
            for (int info = 0; info < t.numInfosets(); info++) {
                double parent = plan[i][t.parentSequence()[info]];
                for (int a = 0; a < t.numActions()[info]; a++) {
                    int s = t.firstSequence()[info] + a;
                    plan[i][s] = parent * behaviour[i][s];
                }
            }
        }
        return plan;
    }

    /** {@code [player]} expected utilities {@code sum_z c(z) u_i(z) prod_j x_j[s_j(z)]}. */
    public static double[] expectedUtility(GameStructure structure, GameInstance instance, double[][] plan) {
        int n = structure.numPlayers();
        double[] value = new double[n];
        for (int z = 0; z < structure.numTerminals(); z++) {
            double reach = instance.chanceReach()[z];
            for (int j = 0; j < n; j++) {
                reach *= plan[j][structure.terminalSequence(j)[z]];
            }
            for (int i = 0; i < n; i++) {
                value[i] += reach * instance.utility()[i][z];
            }
        }
        return value;
    }

    /** Best-response value of {@code player} against the others' plans (method.md §2, max instead of sum). */
    public static double bestResponseValue(GameStructure structure, GameInstance instance, double[][] plan,
                                           int player) {
        Treeplex t = structure.treeplex(player);
        double[] sequenceValue = new double[t.numSequences()];
        for (int z = 0; z < structure.numTerminals(); z++) {
            double w = instance.chanceReach()[z] * instance.utility()[player][z];
            for (int j = 0; j < structure.numPlayers(); j++) {
                if (j != player) {
                    w *= plan[j][structure.terminalSequence(j)[z]];
                }
            }
            sequenceValue[structure.terminalSequence(player)[z]] += w;
        }
        double[] infosetValue = new double[t.numInfosets()];
        int[] childStart = t.childInfosetStart();
        for (int info = t.numInfosets() - 1; info >= 0; info--) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < t.numActions()[info]; a++) {
                int s = t.firstSequence()[info] + a;
                double q = sequenceValue[s];
                for (int child = childStart[s]; child < childStart[s + 1]; child++) {
                    q += infosetValue[child];
                }
                best = Math.max(best, q);
            }
            infosetValue[info] = best;
        }
        double root = sequenceValue[0];
        for (int child = childStart[0]; child < childStart[1]; child++) {
            root += infosetValue[child];
        }
        return root;
    }

    /** OpenSpiel's NashConv: {@code sum_i (bestResponseValue_i - u_i)} of a behaviour profile. */
    public static double nashConv(CompiledGame game, double[][] behaviour) {
        double[][] plan = realizationPlan(game.structure(), behaviour);
        double[] u = expectedUtility(game.structure(), game.instance(), plan);
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += bestResponseValue(game.structure(), game.instance(), plan, i) - u[i];
        }
        return sum;
    }
}

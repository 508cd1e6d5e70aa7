package dev.nashforge.host.meta.ops;

import dev.nashforge.host.meta.MetaLayout;

/**
 * Counterfactual sequence values (method.md §2) of every player against the others' plans:
 * {@code v_i[s] = Σ_{z: s_i(z)=s} c(z) u_i(z) Π_{j≠i} x_j[s_j(z)]}, segmented sums over each player's sorted
 * terminal view (deterministic order). Arrays {@code [sequence]} in global numbering; utilities
 * {@code [player * numTerminals + terminal]}. Stateless and thread-safe.
 */
public final class CounterfactualValueOp {

    private CounterfactualValueOp() {
    }

    /** Writes {@code values} for every player from {@code plan} (not modified). */
    public static void forward(MetaLayout layout, double[] chance, double[] utility, double[] plan, double[] values) {
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        for (int i = 0; i < n; i++) {
            int[] order = layout.terminalsBySequence(i);
            int[] start = layout.sequenceTerminalStart(i);
            int so = layout.sequenceOffset()[i];
            int uo = i * numZ;
            for (int s = 0; s < start.length - 1; s++) {
                double sum = 0;
                for (int k = start[s]; k < start[s + 1]; k++) {
                    int z = order[k];
                    double w = chance[z] * utility[uo + z];
                    for (int j = 0; j < n; j++) {
                        if (j != i) {
                            w *= plan[termSeq[j * numZ + z]];
                        }
                    }
                    sum += w;
                }
                values[so + s] = sum;
            }
        }
    }

    /** Adds {@code planBar += ∂L/∂x} given {@code valuesBar = ∂L/∂v} (not modified). */
    public static void backward(MetaLayout layout, double[] chance, double[] utility, double[] plan,
                                double[] valuesBar, double[] planBar) {
        int n = layout.numPlayers();
        int numZ = layout.numTerminals();
        int[] termSeq = layout.terminalSequence();
        for (int i = 0; i < n; i++) {
            int[] order = layout.terminalsBySequence(i);
            int[] start = layout.sequenceTerminalStart(i);
            int so = layout.sequenceOffset()[i];
            int uo = i * numZ;
            for (int s = 0; s < start.length - 1; s++) {
                double vb = valuesBar[so + s];
                if (vb == 0) {
                    continue;
                }
                for (int k = start[s]; k < start[s + 1]; k++) {
                    int z = order[k];
                    double g = vb * chance[z] * utility[uo + z];
                    for (int j = 0; j < n; j++) {
                        if (j == i) {
                            continue;
                        }
                        double w = g;
                        for (int l = 0; l < n; l++) {
                            if (l != i && l != j) {
                                w *= plan[termSeq[l * numZ + z]];
                            }
                        }
                        planBar[termSeq[j * numZ + z]] += w;
                    }
                }
            }
        }
    }
}

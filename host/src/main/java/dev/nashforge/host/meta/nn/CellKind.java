package dev.nashforge.host.meta.nn;

/** The per-(infoset, action) cell of the predictor network. */
public enum CellKind {
    /** A gated recurrent unit: a hidden state per (infoset, action) carried across iterations ({@link GruCell}). */
    GRU,
    /** A stateless two-layer tanh perceptron ({@link MlpCell}); the simplest baseline. */
    MLP
}

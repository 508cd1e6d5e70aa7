package dev.nashforge.host.backend;

import dev.nashforge.games.layout.GameStructure;

/**
 * Validation shared by every backend's {@link SolverSession#write} and {@link SolverSession#writeJointPlay}: the
 * host-side arrays must have the batch's shape before anything is copied to the device. Messages name the
 * buffer, the instance and the player whose shape is wrong. Stateless.
 */
public final class SessionStateShapes {

    private SessionStateShapes() {
    }

    /**
     * Checks {@code values} ({@code [batch][player][sequence]}) for a write of {@code which}.
     *
     * @throws IllegalArgumentException if {@code which} is a scratch buffer or a dimension does not match
     */
    public static void checkSequenceBuffer(SequenceBuffer which, double[][][] values, GameStructure structure,
                                           int batchSize) {
        if (!which.persistent()) {
            throw new IllegalArgumentException(which + " is scratch, not state: it cannot be written");
        }
        int players = structure.numPlayers();
        if (values.length != batchSize) {
            throw new IllegalArgumentException(which + ": " + values.length + " instances given, the batch has "
                    + batchSize);
        }
        for (int b = 0; b < batchSize; b++) {
            if (values[b].length != players) {
                throw new IllegalArgumentException(which + ", instance " + b + ": " + values[b].length
                        + " players given, the game has " + players);
            }
            for (int i = 0; i < players; i++) {
                int sequences = structure.treeplex(i).numSequences();
                if (values[b][i].length != sequences) {
                    throw new IllegalArgumentException(which + ", instance " + b + ", player " + i + ": "
                            + values[b][i].length + " sequences given, the treeplex has " + sequences);
                }
            }
        }
    }

    /**
     * Checks joint-play weights ({@code [batch]}) for {@link SolverSession#writeJointPlay}.
     *
     * @throws IllegalArgumentException if a dimension does not match the batch
     */
    public static void checkJointPlay(JointPlayWeights[] weights, GameStructure structure, int batchSize) {
        int players = structure.numPlayers();
        int terminals = structure.numTerminals();
        if (weights.length != batchSize) {
            throw new IllegalArgumentException("joint play: " + weights.length + " instances given, the batch has "
                    + batchSize);
        }
        for (int b = 0; b < batchSize; b++) {
            JointPlayWeights w = weights[b];
            if (w == null || w.jointWeights().length != terminals || w.opponentWeights().length != players) {
                throw new IllegalArgumentException("joint play, instance " + b + ": shape does not match "
                        + players + " players x " + terminals + " terminals");
            }
            for (int i = 0; i < players; i++) {
                if (w.opponentWeights()[i].length != terminals) {
                    throw new IllegalArgumentException("joint play, instance " + b + ", player " + i + ": "
                            + w.opponentWeights()[i].length + " terminals given, the game has " + terminals);
                }
            }
        }
    }
}

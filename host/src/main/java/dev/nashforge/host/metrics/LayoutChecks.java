package dev.nashforge.host.metrics;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * Shape and value checks of the arrays handed to the evaluators, against one {@link GameStructure}. Every
 * failure is an {@link IllegalArgumentException} naming the game, the array, the index and what to do.
 * Stateless; package-private.
 */
final class LayoutChecks {

    /** A behaviour strategy's probabilities at one infoset must sum to 1 within this absolute tolerance. */
    static final double BEHAVIOUR_SUM_TOLERANCE = 1e-6;

    private LayoutChecks() {
    }

    /** Checks {@code game} has one chance reach per terminal and one utility row per player. */
    static void checkInstance(GameStructure structure, GameInstance game) {
        int z = structure.numTerminals();
        int n = structure.numPlayers();
        if (game == null) {
            throw new IllegalArgumentException(structure.name() + ": the game instance is null");
        }
        if (game.chanceReach().length != z) {
            throw new IllegalArgumentException(structure.name() + ": the instance has " + game.chanceReach().length
                    + " chance reaches but the structure has " + z + " terminals; pass an instance compiled from"
                    + " (or sampled for) this structure");
        }
        if (game.utility().length != n) {
            throw new IllegalArgumentException(structure.name() + ": the instance has utilities for "
                    + game.utility().length + " players but the structure has " + n);
        }
        for (int i = 0; i < n; i++) {
            if (game.utility()[i].length != z) {
                throw new IllegalArgumentException(structure.name() + ": the instance has "
                        + game.utility()[i].length + " utilities for player " + i + " but the structure has " + z
                        + " terminals");
            }
        }
    }

    static void checkPlayer(GameStructure structure, int player) {
        if (player < 0 || player >= structure.numPlayers()) {
            throw new IllegalArgumentException(structure.name() + ": player " + player + " does not exist; the game"
                    + " has players 0.." + (structure.numPlayers() - 1));
        }
    }

    /**
     * Checks a {@code [player][sequence]} array has one row per player of the right length, and that every
     * entry is finite and non-negative. {@code what} names the array in messages ("behaviour", "plans").
     */
    static void checkSequenceArray(GameStructure structure, double[][] values, String what) {
        int n = structure.numPlayers();
        if (values == null || values.length != n) {
            throw new IllegalArgumentException(structure.name() + ": " + what + " has "
                    + (values == null ? "no" : values.length) + " player rows, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            int numSequences = structure.treeplex(i).numSequences();
            if (values[i] == null || values[i].length != numSequences) {
                throw new IllegalArgumentException(structure.name() + ": " + what + "[" + i + "] has "
                        + (values[i] == null ? "no" : values[i].length) + " entries, expected " + numSequences
                        + " (player " + i + "'s sequences, the empty sequence 0 included)");
            }
            for (int s = 0; s < numSequences; s++) {
                double v = values[i][s];
                if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(structure.name() + ": " + what + "[" + i + "][" + s + "] = "
                            + v + "; entries must be finite and non-negative");
                }
            }
        }
    }

    /** Checks a behaviour profile: shapes, and a probability distribution at every infoset. */
    static void checkBehaviour(GameStructure structure, double[][] behaviour) {
        checkSequenceArray(structure, behaviour, "behaviour");
        for (int i = 0; i < structure.numPlayers(); i++) {
            Treeplex t = structure.treeplex(i);
            int[] first = t.firstSequence();
            int[] actions = t.numActions();
            for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                double sum = 0;
                for (int a = 0; a < actions[infoset]; a++) {
                    sum += behaviour[i][first[infoset] + a];
                }
                if (Math.abs(sum - 1) > BEHAVIOUR_SUM_TOLERANCE) {
                    throw new IllegalArgumentException(structure.name() + ": the behaviour of player " + i
                            + " at infoset '" + t.infosetKeys()[infoset] + "' (sequences " + first[infoset] + ".."
                            + (first[infoset] + actions[infoset] - 1) + ") sums to " + sum
                            + "; normalize it to a probability distribution");
                }
            }
        }
    }

    /** Checks realization plans: shapes, finite non-negative entries and {@code plans[i][0] == 1}. */
    static void checkPlans(GameStructure structure, double[][] plans) {
        checkSequenceArray(structure, plans, "plans");
        for (int i = 0; i < structure.numPlayers(); i++) {
            if (Math.abs(plans[i][0] - 1) > BEHAVIOUR_SUM_TOLERANCE) {
                throw new IllegalArgumentException(structure.name() + ": plans[" + i + "][0] = " + plans[i][0]
                        + "; the empty sequence of a realization plan has weight 1");
            }
        }
    }
}

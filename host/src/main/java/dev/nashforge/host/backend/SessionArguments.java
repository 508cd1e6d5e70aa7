package dev.nashforge.host.backend;

import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.solver.SolverConfig;

/**
 * Validation of the arguments of {@link SolverSession}'s primitives, shared by every backend so that a wrong call
 * gets the same message whichever backend runs it: a player that does not exist, an iteration before 1, an
 * averaging step outside (0, 1], a learned-prediction primitive on a session without a network, a call on a
 * closed session. Each check throws before anything is queued or launched. Stateless.
 */
public final class SessionArguments {

    private SessionArguments() {
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 ≤ player < structure.numPlayers()}
     */
    public static void checkPlayer(int player, GameStructure structure) {
        int players = structure.numPlayers();
        if (player < 0 || player >= players) {
            throw new IllegalArgumentException("player " + player + " does not exist in " + structure.name()
                    + " (" + players + " players)");
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code iteration ≥ 1} (iterations are numbered t = 1, 2, …)
     */
    public static void checkIteration(int iteration) {
        if (iteration < 1) {
            throw new IllegalArgumentException("iterations are numbered from 1, got " + iteration);
        }
    }

    /**
     * @throws IllegalArgumentException unless the averaging step w_t/W_t lies in (0, 1] (NaN included)
     */
    public static void checkStep(double step) {
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("an averaging step w_t/W_t must lie in (0, 1], got " + step);
        }
    }

    /**
     * The checks of {@link SolverSession#computePrediction(int)}: the session has a learned prediction and the
     * iteration is valid.
     *
     * @param hasNetwork whether the session was opened with a learned prediction (npcfr, npcfr+)
     * @throws IllegalStateException    without a learned prediction
     * @throws IllegalArgumentException for an iteration before 1
     */
    public static void checkPrediction(boolean hasNetwork, SolverConfig config, int iteration) {
        if (!hasNetwork) {
            throw new IllegalStateException("computePrediction needs a learned prediction (npcfr, npcfr+), but this"
                    + " session runs " + config.describe());
        }
        checkIteration(iteration);
    }

    /**
     * @param backendLabel the backend as users know it, e.g. "CPU", "OpenCL", "CUDA"
     * @throws IllegalStateException if the session was closed
     */
    public static void checkOpen(boolean closed, String backendLabel) {
        if (closed) {
            throw new IllegalStateException("the " + backendLabel + " solver session was closed");
        }
    }
}

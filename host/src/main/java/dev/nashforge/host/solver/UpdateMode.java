package dev.nashforge.host.solver;

/**
 * How the players' updates are ordered inside one iteration (method.md §3).
 *
 * <ul>
 *   <li>{@link #SIMULTANEOUS}: every player's counterfactual values are computed against the same profile
 *       x^t, then all players update. The joint iterate x^t = (x_1^t, …, x_N^t) is the profile every player
 *       responded to; the meta-learned method and its correlation loss use this mode.</li>
 *   <li>{@link #ALTERNATING}: players go in order 0, 1, …, N-1 (OpenSpiel's convention); player p's new
 *       strategy is already used for player p+1's values in the same iteration.</li>
 * </ul>
 * In both modes the averages and the joint play of iteration t are accumulated from the profile at the start
 * of the iteration, i.e. each player's strategy before its own update (as OpenSpiel accumulates
 * {@code cumulative_policy} during the traversal that precedes the update).
 */
public enum UpdateMode {
    SIMULTANEOUS("simultaneous"),
    ALTERNATING("alternating");

    private final String label;

    UpdateMode(String label) {
        this.label = label;
    }

    /** The label used in options, results and checkpoint files. */
    public String label() {
        return label;
    }

    /** Parses a {@link #label()} (case-insensitive). */
    public static UpdateMode fromLabel(String label) {
        for (UpdateMode m : values()) {
            if (m.label.equalsIgnoreCase(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown update mode '" + label
                + "': use 'simultaneous' or 'alternating'");
    }
}

package dev.nashforge.games.model;

/**
 * One history (node) of an extensive-form game, in the style of a state machine (OpenSpiel's {@code State}).
 *
 * <p>Implementations are immutable: {@link #child(int)} returns a new state. Exactly one of
 * {@link #isTerminal()}, {@link #isChance()} or "a player acts" holds at every state.
 *
 * <p>Actions are addressed by their index {@code 0..numActions()-1} among the legal actions of this state.
 * At decision states the legal actions, their number and their order must depend only on the acting
 * player's information set ({@link #infosetKey()}).
 */
public interface GameState {

    /** Value of {@link #currentPlayer()} at a chance state. */
    int CHANCE = -1;
    /** Value of {@link #currentPlayer()} at a terminal state. */
    int TERMINAL = -2;

    /** The acting player {@code 0..N-1}, or {@link #CHANCE}, or {@link #TERMINAL}. */
    int currentPlayer();

    default boolean isTerminal() {
        return currentPlayer() == TERMINAL;
    }

    default boolean isChance() {
        return currentPlayer() == CHANCE;
    }

    /** Number of legal actions (chance outcomes at a chance state); 0 at a terminal. */
    int numActions();

    /** Human-readable name of legal action {@code action} (e.g. "call", "raise", "J♠"). */
    String actionName(int action);

    /** Outcome probabilities at a chance state, length {@link #numActions()}, summing to 1. */
    double[] chanceProbabilities();

    /** The state reached by taking legal action {@code action}. */
    GameState child(int action);

    /** Terminal utility vector, one entry per player (general-sum: no constraint on the sum). */
    double[] returns();

    /**
     * Key of the acting player's information set at a decision state. Two states share a key iff the acting
     * player cannot tell them apart. Keys are unique per player, not across players.
     */
    String infosetKey();

    /** A printable description of the history that led here (used in error messages). */
    String history();
}

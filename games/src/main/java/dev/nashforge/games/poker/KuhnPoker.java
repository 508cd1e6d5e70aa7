package dev.nashforge.games.poker;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/**
 * N-player Kuhn poker with exactly the rules of OpenSpiel's {@code kuhn_poker} (open_spiel/games/kuhn_poker).
 *
 * <p><b>Rules.</b> The deck has N+1 cards {@code 0..N} (higher is better). Every player antes 1. Chance deals one
 * card to each player in order 0, 1, …, N-1, uniformly from the cards still in the deck (outcome names
 * {@code "Deal:<card>"}). Players then act in turn starting with player 0, each choosing {@code "Pass"} (action
 * id 0) or {@code "Bet"} (action id 1, one chip). If nobody bets after N actions, the highest card wins. Once
 * someone has bet, every later player acts once more and the players before the first bettor get a second turn;
 * "Bet" then means call and "Pass" means fold. The winner is the highest card among the players who bet (the
 * first bettor included). Returns: the winner gets {@code pot - ownContribution}, every other player
 * {@code -ownContribution}, where contributions are 1 or 2 chips; the game is zero-sum.
 *
 * <p><b>Information-set keys</b> are OpenSpiel's information-state strings: the player's card followed by one
 * letter per betting action so far, {@code p} for Pass and {@code b} for Bet, e.g. {@code "0"}, {@code "1pb"},
 * {@code "2ppb"}. Two-player Kuhn has 12 infosets (6 per player); its value for player 0 is -1/18.
 *
 * <p>Immutable and thread-safe.
 */
public final class KuhnPoker implements Game {

    /** Largest number of players OpenSpiel accepts for {@code kuhn_poker}. */
    public static final int MAX_PLAYERS = 10;

    private final int players;

    /**
     * @param players number of players N, {@code 2 <= N <= 10}
     * @throws IllegalArgumentException if {@code players} is out of range
     */
    public KuhnPoker(int players) {
        if (players < 2 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("kuhn_poker: players=" + players + " is out of range; allowed 2.."
                    + MAX_PLAYERS);
        }
        this.players = players;
    }

    @Override
    public String name() {
        return "kuhn_poker(players=" + players + ")";
    }

    @Override
    public int numPlayers() {
        return players;
    }

    @Override
    public GameState initialState() {
        return KuhnState.initial(players);
    }
}

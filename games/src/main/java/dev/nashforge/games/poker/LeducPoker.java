package dev.nashforge.games.poker;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

/**
 * N-player Leduc poker with exactly the rules of OpenSpiel's {@code leduc_poker} (open_spiel/games/leduc_poker)
 * at its default parameters ({@code action_mapping=false}, {@code suit_isomorphism=false},
 * {@code starting_player=0}).
 *
 * <p><b>Deck and deal.</b> 2(N+1) cards, ids {@code 0..2N+1}; card c has rank {@code c/2} and suit {@code c%2}
 * (two players: 0,1 = J; 2,3 = Q; 4,5 = K). Every player antes 1. Chance deals one private card to players 0, 1,
 * …, N-1 in order, then (after betting round 1) one public card, each uniformly from the cards still in the deck;
 * outcome names are {@code "Chance outcome:<card>"}.
 *
 * <p><b>Betting.</b> Two rounds; player 0 (or the first player after 0 who has not folded) starts each round.
 * Actions: {@code "Fold"} (id 0, legal only when facing a bet: stakes above own contribution), {@code "Call"}
 * (id 1, match the stakes; a check when nothing is owed), {@code "Raise"} (id 2, match then raise by 2 in round 1
 * and 4 in round 2; at most 2 raises per round). A round ends when, with no raise, every remaining player has
 * called, or, after a raise, every remaining player but one has called since the last raise. Stakes carry over
 * from round 1 to round 2. With more than two players a fold removes only the folder; the hand ends when one
 * player is left or round 2 ends.
 *
 * <p><b>Returns</b> (chips won or lost, zero-sum): if one player is left they take the pot. Otherwise showdown
 * among those still in: a pair with the public card beats every non-pair (higher pair wins), else the higher
 * card rank and then the lower card rank decide; equal hands split the pot equally (shares may be fractional).
 * Every player's return is its share of the pot minus its contribution.
 *
 * <p><b>Information-set keys</b> are OpenSpiel's information-state strings, e.g.
 * {@code [Observer: 0][Private: 5][Round 1][Player: 0][Pot: 2][Money: 99 99][Round1: ][Round2: ]} and, in round 2,
 * {@code [Observer: 1][Private: 0][Round 2][Player: 1][Pot: 6][Money: 97 97][Public: 3][Round1: 1 2 1][Round2: 1]},
 * where the round sequences list action ids (0 Fold, 1 Call, 2 Raise). Two-player Leduc has 936 infosets.
 *
 * <p>Immutable and thread-safe.
 */
public final class LeducPoker implements Game {

    /** Largest number of players OpenSpiel accepts for {@code leduc_poker}. */
    public static final int MAX_PLAYERS = 10;

    private final int players;

    /**
     * @param players number of players N, {@code 2 <= N <= 10}
     * @throws IllegalArgumentException if {@code players} is out of range
     */
    public LeducPoker(int players) {
        if (players < 2 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("leduc_poker: players=" + players + " is out of range; allowed 2.."
                    + MAX_PLAYERS);
        }
        this.players = players;
    }

    @Override
    public String name() {
        return "leduc_poker(players=" + players + ")";
    }

    @Override
    public int numPlayers() {
        return players;
    }

    @Override
    public GameState initialState() {
        return LeducState.initial(players, LeducPayoff.CHIPS);
    }
}

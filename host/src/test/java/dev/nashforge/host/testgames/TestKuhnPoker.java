package dev.nashforge.host.testgames;

import dev.nashforge.games.model.Game;
import dev.nashforge.games.model.GameState;

import java.util.Arrays;

/**
 * N-player Kuhn poker written directly for the tests, following OpenSpiel's {@code kuhn_poker} rules
 * (open_spiel/games/kuhn_poker/kuhn_poker.cc): a deck of N+1 cards 0..N, each player antes 1 and is dealt one
 * card by chance (player 0 first, uniformly among the remaining cards); players then act in turn 0..N-1 with
 * actions 0 = pass, 1 = bet (one chip). If nobody bets, after N passes the highest card wins the pot. After the
 * first bet (by player f) every other player acts once more, in turn, until player f-1; those who bet (call)
 * stay in, and the highest card among them wins. Returns are chips won or lost. An optional {@code rake} is
 * removed from the winner's winnings (rake × pot), which makes the game general-sum.
 *
 * <p>Infoset key: the player's card followed by the public action history, e.g. {@code "1pb"}.
 * Independent of the catalog's implementation on purpose.
 */
public final class TestKuhnPoker implements Game {

    private final int players;
    private final double rake;

    public TestKuhnPoker(int players, double rake) {
        this.players = players;
        this.rake = rake;
    }

    public TestKuhnPoker(int players) {
        this(players, 0);
    }

    @Override
    public String name() {
        return "test_kuhn(players=" + players + ",rake=" + rake + ")";
    }

    @Override
    public int numPlayers() {
        return players;
    }

    @Override
    public GameState initialState() {
        return new State(new int[0], "");
    }

    private final class State implements GameState {
        private final int[] cards;
        private final String actions;

        State(int[] cards, String actions) {
            this.cards = cards;
            this.actions = actions;
        }

        private int firstBettor() {
            return actions.indexOf('b');
        }

        @Override
        public int currentPlayer() {
            if (cards.length < players) {
                return CHANCE;
            }
            int f = firstBettor();
            if ((f < 0 && actions.length() == players) || (f >= 0 && actions.length() == players + f)) {
                return TERMINAL;
            }
            return actions.length() % players;
        }

        @Override
        public int numActions() {
            if (isTerminal()) {
                return 0;
            }
            return isChance() ? players + 1 - cards.length : 2;
        }

        private int[] remaining() {
            int[] left = new int[players + 1 - cards.length];
            int k = 0;
            for (int c = 0; c <= players; c++) {
                final int card = c;
                if (Arrays.stream(cards).noneMatch(x -> x == card)) {
                    left[k++] = c;
                }
            }
            return left;
        }

        @Override
        public String actionName(int action) {
            return isChance() ? "card" + remaining()[action] : (action == 0 ? "p" : "b");
        }

        @Override
        public double[] chanceProbabilities() {
            double[] p = new double[numActions()];
            Arrays.fill(p, 1.0 / p.length);
            return p;
        }

        @Override
        public GameState child(int action) {
            if (isChance()) {
                int[] next = Arrays.copyOf(cards, cards.length + 1);
                next[cards.length] = remaining()[action];
                return new State(next, actions);
            }
            return new State(cards, actions + (action == 0 ? "p" : "b"));
        }

        @Override
        public double[] returns() {
            boolean[] in = new boolean[players];
            double[] bet = new double[players];
            int f = firstBettor();
            for (int i = 0; i < players; i++) {
                bet[i] = 1;
            }
            for (int k = 0; k < actions.length(); k++) {
                if (actions.charAt(k) == 'b') {
                    bet[k % players] += 1;
                }
            }
            for (int i = 0; i < players; i++) {
                in[i] = f < 0 || bet[i] > 1;
            }
            int winner = -1;
            for (int i = 0; i < players; i++) {
                if (in[i] && (winner < 0 || cards[i] > cards[winner])) {
                    winner = i;
                }
            }
            double pot = 0;
            for (double b : bet) {
                pot += b;
            }
            double[] u = new double[players];
            for (int i = 0; i < players; i++) {
                u[i] = i == winner ? pot - bet[i] - rake * pot : -bet[i];
            }
            return u;
        }

        @Override
        public String infosetKey() {
            return cards[currentPlayer()] + actions;
        }

        @Override
        public String history() {
            return Arrays.toString(cards) + actions;
        }
    }
}

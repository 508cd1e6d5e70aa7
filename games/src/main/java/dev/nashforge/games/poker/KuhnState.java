package dev.nashforge.games.poker;

import dev.nashforge.games.model.GameState;

import java.util.Arrays;

/**
 * A history of {@link KuhnPoker}, a transcription of OpenSpiel's {@code KuhnState}. The history is stored as
 * OpenSpiel stores it: N card deals (card ids) followed by the betting actions (0 = Pass, 1 = Bet).
 * Immutable.
 */
final class KuhnState implements GameState {

    private static final int PASS = 0;
    private static final int BET = 1;
    private static final int NOBODY = -1;

    private final int n;
    private final int[] history;
    /** {@code cardHolder[card]}: the player holding the card, or {@link #NOBODY}. */
    private final int[] cardHolder;
    private final int firstBettor;
    private final int winner;

    private KuhnState(int n, int[] history, int[] cardHolder, int firstBettor, int winner) {
        this.n = n;
        this.history = history;
        this.cardHolder = cardHolder;
        this.firstBettor = firstBettor;
        this.winner = winner;
    }

    static KuhnState initial(int players) {
        int[] holder = new int[players + 1];
        Arrays.fill(holder, NOBODY);
        return new KuhnState(players, new int[0], holder, NOBODY, NOBODY);
    }

    @Override
    public int currentPlayer() {
        if (winner != NOBODY) {
            return TERMINAL;
        }
        return history.length < n ? CHANCE : history.length % n;
    }

    @Override
    public int numActions() {
        int p = currentPlayer();
        if (p == TERMINAL) {
            return 0;
        }
        return p == CHANCE ? n + 1 - history.length : 2;
    }

    @Override
    public String actionName(int action) {
        if (isChance()) {
            return "Deal:" + dealtCard(action);
        }
        return action == PASS ? "Pass" : "Bet";
    }

    @Override
    public double[] chanceProbabilities() {
        if (!isChance()) {
            throw new IllegalStateException("chanceProbabilities() at a non-chance state " + history());
        }
        double[] p = new double[numActions()];
        Arrays.fill(p, 1.0 / p.length);
        return p;
    }

    /** The card id of the {@code index}-th card still in the deck (OpenSpiel lists them in increasing order). */
    private int dealtCard(int index) {
        int seen = 0;
        for (int card = 0; card < cardHolder.length; card++) {
            if (cardHolder[card] == NOBODY) {
                if (seen == index) {
                    return card;
                }
                seen++;
            }
        }
        throw new IllegalArgumentException("kuhn_poker: chance outcome index " + index + " out of range at "
                + history());
    }

    @Override
    public GameState child(int action) {
        int player = currentPlayer();
        if (player == TERMINAL || action < 0 || action >= numActions()) {
            throw new IllegalArgumentException("kuhn_poker: illegal action " + action + " at " + history());
        }
        int[] nextHistory = Arrays.copyOf(history, history.length + 1);
        if (player == CHANCE) {
            int card = dealtCard(action);
            int[] holder = cardHolder.clone();
            holder[card] = history.length;
            nextHistory[history.length] = card;
            return new KuhnState(n, nextHistory, holder, firstBettor, NOBODY);
        }
        nextHistory[history.length] = action;
        int bettor = firstBettor;
        if (action == BET && bettor == NOBODY) {
            bettor = player;
        }
        return new KuhnState(n, nextHistory, cardHolder, bettor, winnerAfter(nextHistory, bettor));
    }

    /** OpenSpiel's end-of-game check in {@code DoApplyAction}; {@link #NOBODY} while the game goes on. */
    private int winnerAfter(int[] h, int bettor) {
        int numActions = h.length - n;
        if (bettor == NOBODY && numActions == n) {
            int w = cardHolder[n];
            return w != NOBODY ? w : cardHolder[n - 1];
        }
        if (bettor != NOBODY && numActions == n + bettor) {
            for (int card = n; card >= 0; card--) {
                int p = cardHolder[card];
                if (p != NOBODY && didBet(h, bettor, p)) {
                    return p;
                }
            }
            throw new IllegalStateException("kuhn_poker: no winner at " + Arrays.toString(h));
        }
        return NOBODY;
    }

    private boolean didBet(int[] h, int bettor, int player) {
        if (bettor == NOBODY) {
            return false;
        } else if (player == bettor) {
            return true;
        } else if (player > bettor) {
            return h[n + player] == BET;
        } else {
            return h[2 * n + player] == BET;
        }
    }

    @Override
    public double[] returns() {
        if (winner == NOBODY) {
            throw new IllegalStateException("returns() of a non-terminal state " + history());
        }
        int bets = 0;
        for (int i = n; i < history.length; i++) {
            bets += history[i];
        }
        int pot = n + bets;
        double[] u = new double[n];
        for (int p = 0; p < n; p++) {
            int contribution = didBet(history, firstBettor, p) ? 2 : 1;
            u[p] = p == winner ? pot - contribution : -contribution;
        }
        return u;
    }

    @Override
    public String infosetKey() {
        int player = currentPlayer();
        if (player < 0) {
            throw new IllegalStateException("infosetKey() at a state where no player acts: " + history());
        }
        StringBuilder key = new StringBuilder(history.length + 2);
        key.append(history[player]);
        for (int i = n; i < history.length; i++) {
            key.append(history[i] == BET ? 'b' : 'p');
        }
        return key.toString();
    }

    @Override
    public String history() {
        return Arrays.toString(history);
    }
}

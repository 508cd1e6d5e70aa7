package dev.nashforge.games.poker;

import dev.nashforge.games.model.GameState;

import java.util.Arrays;

/**
 * A history of N-player Leduc poker: a transcription of OpenSpiel's {@code LeducState} with its default
 * parameters ({@code action_mapping=false}, {@code suit_isomorphism=false}, {@code starting_player=0}).
 * See {@link LeducPoker} for the rules. Immutable; children copy the small per-player arrays.
 */
final class LeducState implements GameState {

    static final int FOLD = 0;
    static final int CALL = 1;
    static final int RAISE = 2;
    private static final String[] ACTION_NAMES = {"Fold", "Call", "Raise"};

    private static final int INVALID_CARD = -10000;
    private static final int STARTING_MONEY = 100;
    private static final int ANTE = 1;
    private static final int FIRST_RAISE = 2;
    private static final int SECOND_RAISE = 4;
    private static final int MAX_RAISES = 2;

    private final LeducPayoff payoff;
    private final int n;
    private final int totalCards;
    /** Bit c set while card c is still in the deck. */
    private final long deck;
    private final int[] privateCards;
    private final int privateDealt;
    private final int publicCard;
    private final int round;
    private final int currentPlayer;
    private final int numCalls;
    private final int numRaises;
    private final int stakes;
    /** {@code [player]} chips put into the pot, OpenSpiel's {@code ante_}. */
    private final int[] ante;
    /** Bit p set once player p folded. */
    private final int folded;
    private final int remaining;
    private final String round1;
    private final String round2;
    /** OpenSpiel's {@code History()}: chance outcomes and action ids. */
    private final int[] history;
    private final boolean terminal;

    private LeducState(LeducPayoff payoff, int n, long deck, int[] privateCards, int privateDealt, int publicCard,
                       int round, int currentPlayer, int numCalls, int numRaises, int stakes, int[] ante,
                       int folded, int remaining, String round1, String round2, int[] history, boolean terminal) {
        this.payoff = payoff;
        this.n = n;
        this.totalCards = 2 * (n + 1);
        this.deck = deck;
        this.privateCards = privateCards;
        this.privateDealt = privateDealt;
        this.publicCard = publicCard;
        this.round = round;
        this.currentPlayer = currentPlayer;
        this.numCalls = numCalls;
        this.numRaises = numRaises;
        this.stakes = stakes;
        this.ante = ante;
        this.folded = folded;
        this.remaining = remaining;
        this.round1 = round1;
        this.round2 = round2;
        this.history = history;
        this.terminal = terminal;
    }

    static LeducState initial(int players, LeducPayoff payoff) {
        int[] cards = new int[players];
        Arrays.fill(cards, INVALID_CARD);
        int[] ante = new int[players];
        Arrays.fill(ante, ANTE);
        long deck = (1L << (2 * (players + 1))) - 1;
        return new LeducState(payoff, players, deck, cards, 0, INVALID_CARD, 1, CHANCE, 0, 0, 1, ante, 0, players,
                "", "", new int[0], false);
    }

    @Override
    public int currentPlayer() {
        return terminal ? TERMINAL : currentPlayer;
    }

    @Override
    public int numActions() {
        if (terminal) {
            return 0;
        }
        if (currentPlayer == CHANCE) {
            return Long.bitCount(deck);
        }
        return (stakes > ante[currentPlayer] ? 1 : 0) + 1 + (numRaises < MAX_RAISES ? 1 : 0);
    }

    /** OpenSpiel's action id (FOLD, CALL, RAISE) of legal action {@code index} at a decision state. */
    private int actionId(int index) {
        boolean canFold = stakes > ante[currentPlayer];
        int id = canFold ? index : index + 1;
        if (index < 0 || id > RAISE || (id == RAISE && numRaises >= MAX_RAISES)) {
            throw new IllegalArgumentException("leduc_poker: illegal action index " + index + " at " + history());
        }
        return id;
    }

    /** The card id of the {@code index}-th card still in the deck (increasing order, as OpenSpiel lists them). */
    private int deckCard(int index) {
        long rest = deck;
        for (int k = 0; k < index; k++) {
            rest &= rest - 1;
        }
        if (index < 0 || rest == 0) {
            throw new IllegalArgumentException("leduc_poker: chance outcome index " + index + " out of range at "
                    + history());
        }
        return Long.numberOfTrailingZeros(rest);
    }

    @Override
    public String actionName(int action) {
        if (currentPlayer == CHANCE) {
            return "Chance outcome:" + deckCard(action);
        }
        return ACTION_NAMES[actionId(action)];
    }

    @Override
    public double[] chanceProbabilities() {
        if (terminal || currentPlayer != CHANCE) {
            throw new IllegalStateException("chanceProbabilities() at a non-chance state " + history());
        }
        double[] p = new double[Long.bitCount(deck)];
        Arrays.fill(p, 1.0 / p.length);
        return p;
    }

    @Override
    public GameState child(int action) {
        if (terminal) {
            throw new IllegalArgumentException("leduc_poker: no action at terminal " + history());
        }
        return currentPlayer == CHANCE ? deal(deckCard(action)) : bet(actionId(action));
    }

    private int[] extendHistory(int id) {
        int[] h = Arrays.copyOf(history, history.length + 1);
        h[history.length] = id;
        return h;
    }

    private LeducState deal(int card) {
        long nextDeck = deck & ~(1L << card);
        int[] h = extendHistory(card);
        if (privateDealt < n) {
            int[] cards = privateCards.clone();
            cards[privateDealt] = card;
            int dealt = privateDealt + 1;
            int next = dealt == n ? 0 : CHANCE;
            return new LeducState(payoff, n, nextDeck, cards, dealt, publicCard, round, next, numCalls, numRaises,
                    stakes, ante, folded, remaining, round1, round2, h, false);
        }
        // The public card: betting round 2 starts with the first player still in, searching from player 0.
        int next = nextActive(n - 1, folded);
        return new LeducState(payoff, n, nextDeck, privateCards, privateDealt, card, round, next, numCalls,
                numRaises, stakes, ante, folded, remaining, round1, round2, h, false);
    }

    private LeducState bet(int id) {
        int p = currentPlayer;
        int[] nextAnte = ante;
        int nextFolded = folded;
        int nextRemaining = remaining;
        int nextCalls = numCalls;
        int nextRaises = numRaises;
        int nextStakes = stakes;
        if (id == FOLD) {
            nextFolded |= 1 << p;
            nextRemaining--;
        } else if (id == CALL) {
            nextAnte = ante.clone();
            nextAnte[p] = stakes;
            nextCalls++;
        } else {
            nextAnte = ante.clone();
            nextStakes = stakes + (round == 1 ? FIRST_RAISE : SECOND_RAISE);
            nextAnte[p] = nextStakes;
            nextRaises++;
            nextCalls = 0;
        }
        String move = Integer.toString(id);
        String r1 = round == 1 ? (round1.isEmpty() ? move : round1 + " " + move) : round1;
        String r2 = round == 2 ? (round2.isEmpty() ? move : round2 + " " + move) : round2;
        int[] h = extendHistory(id);
        boolean ready = (nextRaises == 0 && nextCalls == nextRemaining)
                || (nextRaises > 0 && nextCalls == nextRemaining - 1);
        if (nextRemaining == 1 || (round == 2 && ready)) {
            return new LeducState(payoff, n, deck, privateCards, privateDealt, publicCard, round, p, nextCalls,
                    nextRaises, nextStakes, nextAnte, nextFolded, nextRemaining, r1, r2, h, true);
        }
        if (id != RAISE && ready) {
            // OpenSpiel's NewRound(): round 2, counters reset, stakes kept, chance deals the public card.
            return new LeducState(payoff, n, deck, privateCards, privateDealt, publicCard, 2, CHANCE, 0, 0,
                    nextStakes, nextAnte, nextFolded, nextRemaining, r1, r2, h, false);
        }
        return new LeducState(payoff, n, deck, privateCards, privateDealt, publicCard, round,
                nextActive(p, nextFolded), nextCalls, nextRaises, nextStakes, nextAnte, nextFolded, nextRemaining,
                r1, r2, h, false);
    }

    /** OpenSpiel's {@code NextPlayer()}: the first player after {@code from} who has not folded. */
    private int nextActive(int from, int foldedMask) {
        for (int i = 1; i <= n; i++) {
            int p = (from + i) % n;
            if ((foldedMask & (1 << p)) == 0) {
                return p;
            }
        }
        throw new IllegalStateException("leduc_poker: every player folded at " + history());
    }

    /** OpenSpiel's {@code RankHand}: pairs beat every non-pair; otherwise the higher card's rank dominates. */
    private int rankHand(int player) {
        int lo = Math.min(publicCard, privateCards[player]);
        int hi = Math.max(publicCard, privateCards[player]);
        if (lo % 2 == 0 && hi == lo + 1) {
            return totalCards * totalCards + lo;
        }
        return (hi / 2) * totalCards + lo / 2;
    }

    @Override
    public double[] returns() {
        if (!terminal) {
            throw new IllegalStateException("returns() of a non-terminal state " + history());
        }
        boolean[] winner = new boolean[n];
        int numWinners = 0;
        if (remaining == 1) {
            winner[nextActive(n - 1, folded)] = true;
            numWinners = 1;
        } else {
            int best = -1;
            for (int p = 0; p < n; p++) {
                if ((folded & (1 << p)) != 0) {
                    continue;
                }
                int rank = rankHand(p);
                if (rank > best) {
                    best = rank;
                    Arrays.fill(winner, false);
                    winner[p] = true;
                    numWinners = 1;
                } else if (rank == best) {
                    winner[p] = true;
                    numWinners++;
                }
            }
        }
        return payoff.returns(ante.clone(), winner, numWinners, remaining > 1);
    }

    /**
     * OpenSpiel's {@code InformationStateString(currentPlayer)}, e.g.
     * {@code [Observer: 1][Private: 2][Round 2][Player: 1][Pot: 7][Money: 99 97 97][Public: 1][Round1: 1 2 1 0][Round2: ]}.
     * Money is {@code 100 - contribution} (an integer before the end of the hand).
     */
    @Override
    public String infosetKey() {
        int p = currentPlayer();
        if (p < 0) {
            throw new IllegalStateException("infosetKey() at a state where no player acts: " + history());
        }
        int pot = 0;
        for (int c : ante) {
            pot += c;
        }
        StringBuilder key = new StringBuilder(96);
        key.append("[Observer: ").append(p).append("][Private: ").append(privateCards[p])
                .append("][Round ").append(round).append("][Player: ").append(p)
                .append("][Pot: ").append(pot).append("][Money:");
        for (int c : ante) {
            key.append(' ').append(STARTING_MONEY - c);
        }
        key.append(']');
        if (publicCard != INVALID_CARD) {
            key.append("[Public: ").append(publicCard).append(']');
        }
        key.append("[Round1: ").append(round1).append("][Round2: ").append(round2).append(']');
        return key.toString();
    }

    @Override
    public String history() {
        return Arrays.toString(history);
    }
}

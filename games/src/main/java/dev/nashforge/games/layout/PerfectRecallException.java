package dev.nashforge.games.layout;

/**
 * Thrown by {@link GameCompiler} when a game violates perfect recall or gives one information set inconsistent
 * action counts. The message names the player, the infoset and two histories that disagree.
 */
public final class PerfectRecallException extends IllegalArgumentException {

    private final int player;
    private final String infosetKey;
    private final String firstHistory;
    private final String secondHistory;

    public PerfectRecallException(String message, int player, String infosetKey, String firstHistory,
                                  String secondHistory) {
        super(message);
        this.player = player;
        this.infosetKey = infosetKey;
        this.firstHistory = firstHistory;
        this.secondHistory = secondHistory;
    }

    public int player() {
        return player;
    }

    public String infosetKey() {
        return infosetKey;
    }

    public String firstHistory() {
        return firstHistory;
    }

    public String secondHistory() {
        return secondHistory;
    }
}

package dev.nashforge.games.catalog;

/** Whether a catalog family is a normal-form (matrix) game or an extensive-form game. */
public enum GameKind {
    NORMAL_FORM("normal-form"),
    EXTENSIVE_FORM("extensive-form");

    private final String label;

    GameKind(String label) {
        this.label = label;
    }

    /** The label used in command output ({@code normal-form}, {@code extensive-form}). */
    public String label() {
        return label;
    }
}

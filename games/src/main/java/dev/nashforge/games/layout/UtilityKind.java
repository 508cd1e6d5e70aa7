package dev.nashforge.games.layout;

/** How the players' utilities at each terminal relate. */
public enum UtilityKind {
    ZERO_SUM("zero-sum"),
    CONSTANT_SUM("constant-sum"),
    GENERAL_SUM("general-sum");

    private final String label;

    UtilityKind(String label) {
        this.label = label;
    }

    /** The label used in command output and JSON ({@code zero-sum}, {@code constant-sum}, {@code general-sum}). */
    public String label() {
        return label;
    }
}

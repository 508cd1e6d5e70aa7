package dev.nashforge.games.layout;

/** A compiled game: its shared {@link GameStructure} and one {@link GameInstance} of payoffs and chance. */
public record CompiledGame(GameStructure structure, GameInstance instance) {

    public int numPlayers() {
        return structure.numPlayers();
    }

    public String name() {
        return structure.name();
    }
}

package dev.nashforge.host.run;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;

/**
 * A 64-bit fingerprint of a batch: its structure (treeplexes and terminal table) and every instance's chance
 * reach and utilities, bit for bit. A solver-state file records it so that a resume on another game, or on the
 * same game with other payoffs, is refused. (FNV-1a over 64-bit words; a collision needs a deliberate effort.)
 */
public final class GameFingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private GameFingerprint() {
    }

    /** The fingerprint of {@code batch}. */
    public static long of(GameBatch batch) {
        GameStructure s = batch.structure();
        long h = OFFSET;
        h = mix(h, s.numPlayers());
        h = mix(h, s.numTerminals());
        h = mix(h, batch.size());
        for (int i = 0; i < s.numPlayers(); i++) {
            Treeplex t = s.treeplex(i);
            h = mix(h, t.numInfosets());
            for (int v : t.numActions()) {
                h = mix(h, v);
            }
            for (int v : t.parentSequence()) {
                h = mix(h, v);
            }
            for (int v : s.terminalSequence(i)) {
                h = mix(h, v);
            }
        }
        for (double v : batch.chanceReach()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        for (double v : batch.utility()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        return h;
    }

    private static long mix(long h, long word) {
        for (int k = 0; k < 8; k++) {
            h ^= (word >>> (8 * k)) & 0xff;
            h *= PRIME;
        }
        return h;
    }
}

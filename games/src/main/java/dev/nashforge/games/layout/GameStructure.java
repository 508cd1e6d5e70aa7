package dev.nashforge.games.layout;

/**
 * The payoff-independent part of a compiled game (method.md §2): one {@link Treeplex} per player, the
 * terminal table's sequence columns with per-player sorted views, and the chance structure. All instances of a
 * {@link dev.nashforge.games.batch.GameBatch} share one structure.
 *
 * <p><b>Terminal table.</b> Terminals are numbered {@code 0..numTerminals()-1}. {@code terminalSequence(i)[z]}
 * is player i's sequence leading to terminal z (0 = empty sequence, when i never acted). For every player the
 * sorted view {@code terminalsBySequence(i)} is a permutation of the terminals ordered by that player's
 * sequence, and {@code sequenceTerminalStart(i)} its CSR offsets: the terminals reached through sequence
 * {@code s} are {@code terminalsBySequence(i)[sequenceTerminalStart(i)[s] .. sequenceTerminalStart(i)[s+1]-1]},
 * so per-sequence sums are contiguous segments (deterministic, no atomics).
 *
 * <p><b>Chance structure.</b> Chance nodes are numbered {@code 0..numChanceNodes()-1}; the outcomes of node c
 * are the global outcome indices {@code chanceOutcomeStart[c] .. chanceOutcomeStart[c+1]-1}, with base
 * probabilities {@code chanceProbability[o]}. The chance path of terminal z is the list of global outcome
 * indices {@code terminalChanceOutcome[terminalChanceStart[z] .. terminalChanceStart[z+1]-1]}; its chance reach
 * is the product of their probabilities. Distributions that perturb chance probabilities use this.
 *
 * <p>All arrays are shared, not copied: callers must not modify them. Instances are immutable.
 */
public final class GameStructure {

    private final String name;
    private final Treeplex[] treeplexes;
    private final int numTerminals;
    private final int[][] terminalSequence;
    private final int[][] terminalsBySequence;
    private final int[][] sequenceTerminalStart;
    private final int[] chanceOutcomeStart;
    private final double[] chanceProbability;
    private final int[] terminalChanceStart;
    private final int[] terminalChanceOutcome;

    GameStructure(String name, Treeplex[] treeplexes, int[][] terminalSequence, int[] chanceOutcomeStart,
                  double[] chanceProbability, int[] terminalChanceStart, int[] terminalChanceOutcome) {
        this.name = name;
        this.treeplexes = treeplexes;
        this.terminalSequence = terminalSequence;
        this.numTerminals = terminalSequence[0].length;
        this.chanceOutcomeStart = chanceOutcomeStart;
        this.chanceProbability = chanceProbability;
        this.terminalChanceStart = terminalChanceStart;
        this.terminalChanceOutcome = terminalChanceOutcome;
        int n = treeplexes.length;
        this.terminalsBySequence = new int[n][];
        this.sequenceTerminalStart = new int[n][];
        for (int i = 0; i < n; i++) {
            int numSeq = treeplexes[i].numSequences();
            int[] start = new int[numSeq + 1];
            for (int z = 0; z < numTerminals; z++) {
                start[terminalSequence[i][z] + 1]++;
            }
            for (int s = 0; s < numSeq; s++) {
                start[s + 1] += start[s];
            }
            int[] fill = start.clone();
            int[] order = new int[numTerminals];
            for (int z = 0; z < numTerminals; z++) {
                order[fill[terminalSequence[i][z]]++] = z;
            }
            terminalsBySequence[i] = order;
            sequenceTerminalStart[i] = start;
        }
    }

    /** The catalog name of the game this structure was compiled from. */
    public String name() {
        return name;
    }

    public int numPlayers() {
        return treeplexes.length;
    }

    public Treeplex treeplex(int player) {
        return treeplexes[player];
    }

    public int numTerminals() {
        return numTerminals;
    }

    /** {@code [terminal]} player's sequence leading to each terminal (0 = empty sequence). */
    public int[] terminalSequence(int player) {
        return terminalSequence[player];
    }

    /** {@code [k]} terminals sorted by the player's sequence (a permutation of {@code 0..numTerminals()-1}). */
    public int[] terminalsBySequence(int player) {
        return terminalsBySequence[player];
    }

    /** {@code [sequence+1]} CSR offsets into {@link #terminalsBySequence(int)}. */
    public int[] sequenceTerminalStart(int player) {
        return sequenceTerminalStart[player];
    }

    public int numChanceNodes() {
        return chanceOutcomeStart.length - 1;
    }

    /** {@code [chanceNode+1]} CSR offsets of each chance node's outcomes. */
    public int[] chanceOutcomeStart() {
        return chanceOutcomeStart;
    }

    /** {@code [outcome]} base probability of each global chance outcome. */
    public double[] chanceProbability() {
        return chanceProbability;
    }

    /** {@code [terminal+1]} CSR offsets into {@link #terminalChanceOutcome()}. */
    public int[] terminalChanceStart() {
        return terminalChanceStart;
    }

    /** Global chance outcomes along each terminal's path (see class doc). */
    public int[] terminalChanceOutcome() {
        return terminalChanceOutcome;
    }

    /**
     * Chance reach of every terminal for the given outcome probabilities ({@code [outcome]}, same index space as
     * {@link #chanceProbability()}).
     */
    public double[] chanceReach(double[] outcomeProbability) {
        double[] reach = new double[numTerminals];
        for (int z = 0; z < numTerminals; z++) {
            double c = 1.0;
            for (int k = terminalChanceStart[z]; k < terminalChanceStart[z + 1]; k++) {
                c *= outcomeProbability[terminalChanceOutcome[k]];
            }
            reach[z] = c;
        }
        return reach;
    }

    /** Total number of sequences over all players, empty sequences included. */
    public int totalSequences() {
        int s = 0;
        for (Treeplex t : treeplexes) {
            s += t.numSequences();
        }
        return s;
    }
}

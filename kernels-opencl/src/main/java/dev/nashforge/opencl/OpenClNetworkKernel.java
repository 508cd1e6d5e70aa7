package dev.nashforge.opencl;

/**
 * The host side of the network forward pass on a solver kernel that has it ({@link OpenClDoubleNetworkKernel},
 * {@link OpenClFloatNetworkKernel}): the session sets the network once before binding, sets the iteration
 * feature before each {@link OpenClKernel#OP_NETWORK} launch, and moves the recurrent state only for
 * checkpoints. Not thread-safe.
 */
interface OpenClNetworkKernel {

    /** Sets the network's layout, weights and bounds (transferred with the other arrays at open). */
    void setNetwork(OpenClNetwork network);

    /**
     * Sets the first row of the next network launch: 0 when the launch covers every player's rows, the player's
     * first row ({@code sequenceOffset[player]}) when it covers one player's rows (alternating updates).
     */
    void setRowOffset(int firstRow);

    /** Sets the iteration feature of the next network launch (rounded to the kernel's precision). */
    void setIterationFeature(double value);

    /** Copies the recurrent network state {@code [batch][row][stateSize]} to {@code out}. */
    void readNetworkState(double[] out);

    /** Overwrites the recurrent network state from {@code in} (rounded to the kernel's precision) and puts it. */
    void writeNetworkState(double[] in);
}

package dev.nashforge.cuda;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.PredictorTables;
import dev.nashforge.host.solver.LearnedModel;

/**
 * The host side of the NPCFR forward pass on the device (method.md §5, kernel {@code network} of
 * {@code CudaKernels.cu}): what the kernel needs, built once at session open from the batch and the
 * {@link LearnedModel}, in
 * {@code meta.MetaLayout}'s global numbering (see {@link PredictorTables}; player i's local sequence q is row
 * {@code sequenceOffset[i] + q}; one row per (infoset, action), the empty sequences included, as
 * {@code meta.nn.PredictorNetwork} does).
 *
 * <p>{@link #intTable()} concatenates {@code rowPlayer [rows]}, {@code rowLocal [rows]}, {@code rowInfoset [rows]}
 * (global infoset, −1 at the empty sequences), {@code infosetFirstRow [G]} and {@code infosetActions [G]} (offsets
 * {@code *At()}); {@link #bound()} is {@code [batch][G]}, the bound B_I of {@code meta.PredictionBounds} per
 * instance; {@link #parameters()} the model's flat weights (the cell's layout). The recurrent state is
 * {@code [batch][row][stateSize]}, the layout of {@code SolverSession#readPredictorState} on the CPU backend, and
 * the scratch {@code [batch][row][hidden]}. Immutable; returned arrays must not be modified.
 */
final class CudaNetwork {

    /** {@link #cell()}: the GRU of {@code meta.nn.GruCell}. */
    static final int CELL_GRU = PredictorTables.CELL_GRU;
    /** {@link #cell()}: the two-layer perceptron of {@code meta.nn.MlpCell}. */
    static final int CELL_MLP = PredictorTables.CELL_MLP;
    /** Features per row ({@link PredictorTables#INPUTS}); the kernel computes exactly these ten. */
    static final int INPUTS = PredictorTables.INPUTS;

    private final int rows;
    private final int infosets;
    private final int[] intTable;
    private final PredictorTables tables;

    /**
     * @throws IllegalArgumentException if the model's cell reads another number of features than the kernel
     *                                  computes, or the state does not fit 32-bit indexing
     */
    CudaNetwork(GameBatch batch, LearnedModel model) {
        PredictorTables tables = new PredictorTables(batch, model, "CUDA");
        this.tables = tables;
        this.rows = tables.rows();
        this.infosets = tables.infosets();
        this.intTable = new int[3 * rows + 2 * infosets];
        System.arraycopy(tables.rowPlayer(), 0, intTable, 0, rows);
        System.arraycopy(tables.rowLocal(), 0, intTable, rows, rows);
        System.arraycopy(tables.rowInfoset(), 0, intTable, 2 * rows, rows);
        System.arraycopy(tables.infosetFirstRow(), 0, intTable, 3 * rows, infosets);
        System.arraycopy(tables.infosetActions(), 0, intTable, 3 * rows + infosets, infosets);
    }

    /** The iteration feature of iteration {@code t} (double; the float kernel rounds it). */
    double iterationFeature(int t) {
        return tables.iterationFeature(t);
    }

    /** Rows per instance: every player's sequences. */
    int rows() {
        return rows;
    }

    /** G: every player's infosets. */
    int infosets() {
        return infosets;
    }

    int hidden() {
        return tables.hidden();
    }

    /** {@link #CELL_GRU} or {@link #CELL_MLP}. */
    int cell() {
        return tables.cell();
    }

    /** Recurrent values per row (hidden for the GRU, 0 for the MLP). */
    int stateSize() {
        return tables.stateSize();
    }

    /** Values per instance of the recurrent state ({@code rows · stateSize}). */
    int stateLength() {
        return tables.stateLength();
    }

    int batchSize() {
        return tables.batchSize();
    }

    int[] intTable() {
        return intTable;
    }

    int rowPlayerAt() {
        return 0;
    }

    int rowLocalAt() {
        return rows;
    }

    int rowInfosetAt() {
        return 2 * rows;
    }

    int infosetFirstRowAt() {
        return 3 * rows;
    }

    int infosetActionsAt() {
        return 3 * rows + infosets;
    }

    /** B_I, {@code [batch][G]}. */
    double[] bound() {
        return tables.bound();
    }

    /** The model's flat weights. */
    double[] parameters() {
        return tables.parameters();
    }

    /** Elements of the device buffers. */
    long stateElements() {
        return (long) tables.batchSize() * stateLength();
    }

    long scratchElements() {
        return (long) tables.batchSize() * tables.scratchLength();
    }

    /** The shared host-side tables this network was built from (state packing, bounds, weights). */
    PredictorTables tables() {
        return tables;
    }
}

package dev.nashforge.opencl;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.PredictorTables;
import dev.nashforge.host.solver.LearnedModel;

/**
 * The host side of the NPCFR forward pass on the device (method.md §5): what the network kernel op
 * ({@link OpenClKernel#OP_NETWORK}) needs, built once at session open from the batch and the
 * {@link LearnedModel}, in
 * {@code meta.MetaLayout}'s global numbering (see {@link PredictorTables}; player i's local sequence q is row
 * {@code sequenceOffset[i] + q}; one row per (infoset, action), the empty sequences included, as
 * {@code meta.nn.PredictorNetwork} does).
 *
 * <p>Arrays: {@link #rowPlayer}, {@link #rowLocal}, {@link #rowInfoset} {@code [row]} (global infoset, −1 at the
 * empty sequences); {@link #infosetFirstRow}, {@link #infosetActions} {@code [infoset]}; {@link #bound}
 * {@code [batch][infoset]} the bound B_I of {@code meta.PredictionBounds} per instance (length 1 when empty, as
 * OpenCL buffers cannot be empty); {@link #parameters} the
 * model's flat weights (the cell's layout). The recurrent state is {@code [batch][row][stateSize]}, the layout
 * of {@code SolverSession#readPredictorState} on the CPU backend. Immutable; arrays must not be modified.
 */
final class OpenClNetwork {

    /** {@link #cell}: the GRU of {@code meta.nn.GruCell}. */
    static final int CELL_GRU = PredictorTables.CELL_GRU;
    /** {@link #cell}: the two-layer perceptron of {@code meta.nn.MlpCell}. */
    static final int CELL_MLP = PredictorTables.CELL_MLP;
    /** Features per row ({@link PredictorTables#INPUTS}). */
    static final int INPUTS = PredictorTables.INPUTS;

    final int rows;
    final int infosets;
    final int hidden;
    final int cell;
    final int stateSize;
    final int batchSize;
    final int[] rowPlayer;
    final int[] rowLocal;
    final int[] rowInfoset;
    final int[] infosetFirstRow;
    final int[] infosetActions;
    final double[] bound;
    final double[] parameters;
    private final PredictorTables tables;

    OpenClNetwork(GameBatch batch, LearnedModel model) {
        PredictorTables tables = new PredictorTables(batch, model, "OpenCL");
        this.tables = tables;
        this.rows = tables.rows();
        this.infosets = tables.infosets();
        this.hidden = tables.hidden();
        this.cell = tables.cell();
        this.stateSize = tables.stateSize();
        this.batchSize = tables.batchSize();
        this.rowPlayer = tables.rowPlayer();
        this.rowLocal = tables.rowLocal();
        this.rowInfoset = tables.rowInfoset();
        this.infosetFirstRow = tables.infosetFirstRow();
        this.infosetActions = tables.infosetActions();
        this.bound = tables.bound().length > 0 ? tables.bound() : new double[1];
        this.parameters = tables.parameters();
    }

    /** The iteration feature of iteration {@code t} (double; the float kernel rounds it). */
    double iterationFeature(int t) {
        return tables.iterationFeature(t);
    }

    /** Values per instance of the recurrent state ({@code rows · stateSize}). */
    int stateLength() {
        return tables.stateLength();
    }

    /** Per-row scratch per instance on the device: the new GRU state or the MLP's first layer. */
    int scratchLength() {
        return tables.scratchLength();
    }

    /** The shared host-side tables this network was built from (state packing, bounds, weights). */
    PredictorTables tables() {
        return tables;
    }
}

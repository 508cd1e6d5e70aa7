package dev.nashforge.opencl;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.IterationFeature;
import dev.nashforge.host.meta.nn.PredictorFeatures;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.solver.LearnedModel;

/**
 * The host side of the NPCFR forward pass on the device (method.md §5): what the network kernel op
 * ({@link OpenClKernel#OP_NETWORK}) needs, built once at session open from the batch and the
 * {@link LearnedModel}, in {@link MetaLayout}'s global numbering (player i's local sequence q is row
 * {@code sequenceOffset[i] + q}; one row per (infoset, action), the empty sequences included, as
 * {@code meta.nn.PredictorNetwork} does).
 *
 * <p>Arrays: {@link #rowPlayer}, {@link #rowLocal}, {@link #rowInfoset} {@code [row]} (global infoset, −1 at the
 * empty sequences); {@link #infosetFirstRow}, {@link #infosetActions} {@code [infoset]}; {@link #bound}
 * {@code [batch][infoset]} the bound B_I of {@code meta.PredictionBounds} per instance; {@link #parameters} the
 * model's flat weights (the cell's layout). The recurrent state is {@code [batch][row][stateSize]}, the layout
 * of {@code SolverSession#readPredictorState} on the CPU backend. Immutable; arrays must not be modified.
 */
final class OpenClNetwork {

    /** {@link #cell}: the GRU of {@code meta.nn.GruCell}. */
    static final int CELL_GRU = 0;
    /** {@link #cell}: the two-layer perceptron of {@code meta.nn.MlpCell}. */
    static final int CELL_MLP = 1;
    /** Features per row ({@link PredictorFeatures#COUNT}). */
    static final int INPUTS = PredictorFeatures.COUNT;

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
    private final IterationFeature iterationFeature;

    OpenClNetwork(GameBatch batch, LearnedModel model) {
        MetaLayout layout = new MetaLayout(batch.structure());
        PredictorNetwork network = model.model().network();
        if (network.architecture().newCell().inputSize() != INPUTS) {
            throw new IllegalArgumentException("model " + model.name() + ": its cell reads "
                    + network.architecture().newCell().inputSize() + " features per row, the OpenCL forward pass "
                    + INPUTS);
        }
        this.rows = layout.numSequences();
        this.infosets = layout.numInfosets();
        this.hidden = network.architecture().hiddenSize();
        this.cell = network.architecture().cell() == CellKind.GRU ? CELL_GRU : CELL_MLP;
        this.stateSize = network.stateSize();
        this.batchSize = batch.size();
        this.iterationFeature = network.architecture().iterationFeature();
        this.rowPlayer = new int[rows];
        this.rowLocal = new int[rows];
        for (int s = 0; s < rows; s++) {
            int i = layout.playerOfSequence(s);
            rowPlayer[s] = i;
            rowLocal[s] = s - layout.sequenceOffset()[i];
        }
        this.rowInfoset = layout.sequenceInfoset().clone();
        this.infosetFirstRow = layout.infosetFirst().clone();
        this.infosetActions = layout.infosetActions().clone();
        PredictionBounds bounds = new PredictionBounds(layout);
        this.bound = new double[Math.max(1, batchSize * infosets)];
        for (int b = 0; b < batchSize; b++) {
            System.arraycopy(MetaInstance.of(batch, b, bounds).bound(), 0, bound, b * infosets, infosets);
        }
        this.parameters = model.model().parameters();
        long state = (long) batchSize * rows * Math.max(1, hidden);
        if (state > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the network state of " + batchSize + " instances x " + rows
                    + " rows x " + hidden + " units does not fit one OpenCL buffer; use a smaller batch");
        }
    }

    /** The iteration feature of iteration {@code t} (double; the float kernel rounds it). */
    double iterationFeature(int t) {
        return iterationFeature.value(t);
    }

    /** Values per instance of the recurrent state ({@code rows · stateSize}). */
    int stateLength() {
        return rows * stateSize;
    }

    /** Per-row scratch per instance on the device: the new GRU state or the MLP's first layer. */
    int scratchLength() {
        return rows * hidden;
    }
}

package dev.nashforge.cuda;

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
 * The host side of the NPCFR forward pass on the device (method.md §5, kernel {@code network} of
 * {@code CudaKernels.cu}): what the kernel needs, built once at session open from the batch and the
 * {@link LearnedModel}, in {@link MetaLayout}'s global numbering (player i's local sequence q is row
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
    static final int CELL_GRU = 0;
    /** {@link #cell()}: the two-layer perceptron of {@code meta.nn.MlpCell}. */
    static final int CELL_MLP = 1;
    /** Features per row ({@link PredictorFeatures#COUNT}); the kernel computes exactly these ten. */
    static final int INPUTS = PredictorFeatures.COUNT;

    private final int rows;
    private final int infosets;
    private final int hidden;
    private final int cell;
    private final int stateSize;
    private final int batchSize;
    private final int[] intTable;
    private final double[] bound;
    private final double[] parameters;
    private final IterationFeature iterationFeature;

    /**
     * @throws IllegalArgumentException if the model's cell reads another number of features than the kernel
     *                                  computes, or the state does not fit 32-bit indexing
     */
    CudaNetwork(GameBatch batch, LearnedModel model) {
        MetaLayout layout = new MetaLayout(batch.structure());
        PredictorNetwork network = model.model().network();
        if (network.architecture().newCell().inputSize() != INPUTS) {
            throw new IllegalArgumentException("model " + model.name() + ": its cell reads "
                    + network.architecture().newCell().inputSize() + " features per row, the CUDA forward pass "
                    + INPUTS);
        }
        this.rows = layout.numSequences();
        this.infosets = layout.numInfosets();
        this.hidden = network.architecture().hiddenSize();
        this.cell = network.architecture().cell() == CellKind.GRU ? CELL_GRU : CELL_MLP;
        this.stateSize = network.stateSize();
        this.batchSize = batch.size();
        this.iterationFeature = network.architecture().iterationFeature();
        this.intTable = new int[3 * rows + 2 * infosets];
        for (int s = 0; s < rows; s++) {
            int i = layout.playerOfSequence(s);
            intTable[s] = i;
            intTable[rows + s] = s - layout.sequenceOffset()[i];
        }
        System.arraycopy(layout.sequenceInfoset(), 0, intTable, 2 * rows, rows);
        System.arraycopy(layout.infosetFirst(), 0, intTable, 3 * rows, infosets);
        System.arraycopy(layout.infosetActions(), 0, intTable, 3 * rows + infosets, infosets);
        PredictionBounds bounds = new PredictionBounds(layout);
        this.bound = new double[batchSize * infosets];
        for (int b = 0; b < batchSize; b++) {
            System.arraycopy(MetaInstance.of(batch, b, bounds).bound(), 0, bound, b * infosets, infosets);
        }
        this.parameters = model.model().parameters();
        long state = (long) batchSize * rows * Math.max(1, hidden);
        if (state > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the network state of " + batchSize + " instances x " + rows
                    + " rows x " + hidden + " units exceeds 2^31 - 1 elements; use a smaller batch");
        }
    }

    /** The iteration feature of iteration {@code t} (double; the float kernel rounds it). */
    double iterationFeature(int t) {
        return iterationFeature.value(t);
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
        return hidden;
    }

    /** {@link #CELL_GRU} or {@link #CELL_MLP}. */
    int cell() {
        return cell;
    }

    /** Recurrent values per row (hidden for the GRU, 0 for the MLP). */
    int stateSize() {
        return stateSize;
    }

    /** Values per instance of the recurrent state ({@code rows · stateSize}). */
    int stateLength() {
        return rows * stateSize;
    }

    int batchSize() {
        return batchSize;
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
        return bound;
    }

    /** The model's flat weights. */
    double[] parameters() {
        return parameters;
    }

    /** Elements of the device buffers. */
    long stateElements() {
        return (long) batchSize * stateLength();
    }

    long scratchElements() {
        return (long) batchSize * rows * hidden;
    }
}

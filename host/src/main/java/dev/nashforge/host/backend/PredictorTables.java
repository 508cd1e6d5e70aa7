package dev.nashforge.host.backend;

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
 * What a device kernel for the NPCFR forward pass needs (method.md §5), built once at session open from the batch
 * and the {@link LearnedModel}; shared by the GPU backends so that they differ only in how they upload it.
 *
 * <p>Numbering is {@link MetaLayout}'s global one: player i's local sequence q is row {@code sequenceOffset[i] + q};
 * one row per (infoset, action), the empty sequences included, as {@code meta.nn.PredictorNetwork} does.
 * Arrays: {@link #rowPlayer()}, {@link #rowLocal()}, {@link #rowInfoset()} {@code [row]} (global infoset, −1 at the
 * empty sequences); {@link #infosetFirstRow()}, {@link #infosetActions()} {@code [infoset]}; {@link #bound()}
 * {@code [batch][infoset]}, the bound B_I of {@link PredictionBounds} per instance; {@link #parameters()} the
 * model's flat weights (the cell's layout). The recurrent state is {@code [batch][row][stateSize]}, the layout of
 * {@link SolverSession#readPredictorState()} on the CPU backend; the scratch {@code [batch][row][hidden]}.
 * Immutable; returned arrays must not be modified.
 */
public final class PredictorTables {

    /** {@link #cell()}: the GRU of {@code meta.nn.GruCell}. */
    public static final int CELL_GRU = 0;
    /** {@link #cell()}: the two-layer perceptron of {@code meta.nn.MlpCell}. */
    public static final int CELL_MLP = 1;
    /** Features per row ({@link PredictorFeatures#COUNT}); a device kernel computes exactly these. */
    public static final int INPUTS = PredictorFeatures.COUNT;

    private final int rows;
    private final int infosets;
    private final int hidden;
    private final int cell;
    private final int stateSize;
    private final int batchSize;
    private final int[] rowPlayer;
    private final int[] playerFirstRow;
    private final int[] rowLocal;
    private final int[] rowInfoset;
    private final int[] infosetFirstRow;
    private final int[] infosetActions;
    private final double[] bound;
    private final double[] parameters;
    private final IterationFeature iterationFeature;

    /**
     * @param device names the backend in error messages (e.g. "CUDA", "OpenCL")
     * @throws IllegalArgumentException if the model's cell reads another number of features than a kernel
     *                                  computes, or the state does not fit 32-bit indexing
     */
    public PredictorTables(GameBatch batch, LearnedModel model, String device) {
        MetaLayout layout = new MetaLayout(batch.structure());
        PredictorNetwork network = model.model().network();
        if (network.architecture().newCell().inputSize() != INPUTS) {
            throw new IllegalArgumentException("model " + model.name() + ": its cell reads "
                    + network.architecture().newCell().inputSize() + " features per row, the " + device
                    + " forward pass " + INPUTS);
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
        int players = batch.structure().numPlayers();
        this.playerFirstRow = new int[players + 1];
        for (int i = 0; i < players; i++) {
            playerFirstRow[i] = layout.sequenceOffset()[i];
        }
        playerFirstRow[players] = rows;
        this.rowInfoset = layout.sequenceInfoset().clone();
        this.infosetFirstRow = layout.infosetFirst().clone();
        this.infosetActions = layout.infosetActions().clone();
        PredictionBounds bounds = new PredictionBounds(layout);
        this.bound = new double[batchSize * infosets];
        for (int b = 0; b < batchSize; b++) {
            System.arraycopy(MetaInstance.of(batch, b, bounds).bound(), 0, bound, b * infosets, infosets);
        }
        this.parameters = model.model().parameters();
        long state = (long) batchSize * rows * Math.max(1, hidden);
        if (state > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + device + " network state of " + batchSize + " instances x "
                    + rows + " rows x " + hidden + " units exceeds 2^31 - 1 elements; use a smaller batch");
        }
    }

    /** The iteration feature of iteration {@code t} (double; a float kernel rounds it). */
    public double iterationFeature(int t) {
        return iterationFeature.value(t);
    }

    /** Rows per instance: every player's sequences. */
    public int rows() {
        return rows;
    }

    /** The first row of {@code player}'s sequences (rows are numbered player by player). */
    public int firstRow(int player) {
        return playerFirstRow[player];
    }

    /** The number of rows of {@code player}: its sequences, the empty one included. */
    public int rows(int player) {
        return playerFirstRow[player + 1] - playerFirstRow[player];
    }

    /** G: every player's infosets. */
    public int infosets() {
        return infosets;
    }

    public int hidden() {
        return hidden;
    }

    /** {@link #CELL_GRU} or {@link #CELL_MLP}. */
    public int cell() {
        return cell;
    }

    /** Recurrent values per row (hidden for the GRU, 0 for the MLP). */
    public int stateSize() {
        return stateSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Values per instance of the recurrent state ({@code rows · stateSize}). */
    public int stateLength() {
        return rows * stateSize;
    }

    /** Per-row scratch per instance: the new GRU state or the MLP's first layer ({@code rows · hidden}). */
    public int scratchLength() {
        return rows * hidden;
    }

    public int[] rowPlayer() {
        return rowPlayer;
    }

    public int[] rowLocal() {
        return rowLocal;
    }

    public int[] rowInfoset() {
        return rowInfoset;
    }

    public int[] infosetFirstRow() {
        return infosetFirstRow;
    }

    public int[] infosetActions() {
        return infosetActions;
    }

    /** B_I, {@code [batch][G]}. */
    public double[] bound() {
        return bound;
    }

    /** The model's flat weights. */
    public double[] parameters() {
        return parameters;
    }

    /**
     * The flat device layout {@code [batch][rows·stateSize]} of a recurrent state given per instance, as
     * {@link SolverSession#writePredictorState(double[][])} receives it.
     *
     * @throws IllegalArgumentException if the number of instances or of values per instance does not match (for
     *                                  example a state written with another model)
     */
    public double[] packState(double[][] state) {
        if (state == null || state.length != batchSize) {
            throw new IllegalArgumentException("predictor state: " + (state == null ? "null" : state.length
                    + " instances") + " given, the batch has " + batchSize);
        }
        int length = stateLength();
        double[] all = new double[batchSize * length];
        for (int b = 0; b < batchSize; b++) {
            if (state[b] == null || state[b].length != length) {
                throw new IllegalArgumentException("predictor state, instance " + b + ": "
                        + (state[b] == null ? "missing" : state[b].length + " values given") + ", the network needs "
                        + length + " (" + rows + " sequences x " + stateSize
                        + "); was the state written with another model?");
            }
            System.arraycopy(state[b], 0, all, b * length, length);
        }
        return all;
    }

    /** The per-instance form of a flat recurrent state {@code [batch][rows·stateSize]} (inverse of {@link #packState}). */
    public double[][] unpackState(double[] all) {
        int length = stateLength();
        double[][] out = new double[batchSize][length];
        for (int b = 0; b < batchSize && length > 0; b++) {
            System.arraycopy(all, b * length, out[b], 0, length);
        }
        return out;
    }
}

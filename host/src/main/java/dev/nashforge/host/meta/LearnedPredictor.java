package dev.nashforge.host.meta;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.nn.NetworkTape;
import dev.nashforge.host.meta.nn.PredictorNetwork;

import java.util.Arrays;

/**
 * The forward pass of a trained NPCFR predictor for one game instance, in the engine's {@code [player][sequence]}
 * index space — the piece a solver backend calls to get NPCFR(+)'s predictions (method.md §5).
 *
 * <p>Protocol, for iterations t = 1, 2, …: play {@code σ^t ∝ [R^{t−1} + m^t]⁺} with {@code m^1 = 0}; after the
 * iteration, call {@link #predict} with r^t, R^t (after the update), m^t and σ^t to get m^{t+1}. Calls must come
 * in order t = 1, 2, … (the recurrent state advances); {@link #reset()} starts over. Bounded:
 * {@code |m(I,a)| ≤ B_I} ({@link #bound(int, int)}) for any weights.
 *
 * <p>Not thread-safe (it owns the recurrent state and scratch); one per instance and thread.
 */
public final class LearnedPredictor {

    private final MetaLayout layout;
    private final PredictorNetwork network;
    private final double[] params;
    private final double[] bound;
    private final NetworkTape tape;
    private final double[] regret;
    private final double[] cumulative;
    private final double[] prediction;
    private final double[] strategy;
    private final double[] next;
    private double[] state;
    private double[] stateNext;
    private int iteration;

    /** A predictor for {@code instance} over {@code structure}, with the weights of {@code model}. */
    public LearnedPredictor(NpcfrModel model, GameStructure structure, GameInstance instance) {
        this.layout = new MetaLayout(structure);
        this.network = model.network();
        this.params = model.parameters();
        this.bound = MetaInstance.of(instance, new PredictionBounds(layout)).bound();
        this.tape = network.newTape(layout);
        int s = layout.numSequences();
        this.regret = new double[s];
        this.cumulative = new double[s];
        this.prediction = new double[s];
        this.strategy = new double[s];
        this.next = new double[s];
        this.state = new double[s * network.stateSize()];
        this.stateNext = new double[state.length];
    }

    /** Clears the recurrent state: the next call is iteration 1 again. */
    public void reset() {
        Arrays.fill(state, 0.0);
        iteration = 0;
    }

    /** The prediction bound B_I of {@code player}'s local infoset {@code infoset}. */
    public double bound(int player, int infoset) {
        return bound[layout.infosetOffset()[player] + infoset];
    }

    /**
     * Computes m^{t+1} for the next iteration.
     *
     * @param t                the iteration just completed; must be the previous call's t plus 1 (1 first)
     * @param regret           {@code [player][sequence]} instantaneous regrets r^t
     * @param cumulativeRegret {@code [player][sequence]} R^t after the update
     * @param prediction       {@code [player][sequence]} m^t used at iteration t
     * @param strategy         {@code [player][sequence]} σ^t
     * @param nextPrediction   {@code [player][sequence]} receives m^{t+1} (0 at the empty sequence)
     */
    public void predict(int t, double[][] regret, double[][] cumulativeRegret, double[][] prediction,
                        double[][] strategy, double[][] nextPrediction) {
        if (t != iteration + 1) {
            throw new IllegalStateException("LearnedPredictor: iteration " + t + " follows iteration " + iteration
                    + "; call predict once per iteration in order (or reset())");
        }
        gather(regret, this.regret);
        gather(cumulativeRegret, this.cumulative);
        gather(prediction, this.prediction);
        gather(strategy, this.strategy);
        network.forward(params, layout, bound, t, this.regret, this.cumulative, this.prediction, this.strategy, state,
                stateNext, next, tape, null);
        double[] swap = state;
        state = stateNext;
        stateNext = swap;
        for (int i = 0; i < layout.numPlayers(); i++) {
            int so = layout.sequenceOffset()[i];
            System.arraycopy(next, so, nextPrediction[i], 0, layout.sequenceOffset()[i + 1] - so);
        }
        iteration = t;
    }

    private void gather(double[][] perPlayer, double[] global) {
        if (perPlayer.length != layout.numPlayers()) {
            throw new IllegalArgumentException("LearnedPredictor: " + perPlayer.length + " player rows for "
                    + layout.numPlayers() + " players");
        }
        for (int i = 0; i < perPlayer.length; i++) {
            int so = layout.sequenceOffset()[i];
            int n = layout.sequenceOffset()[i + 1] - so;
            if (perPlayer[i].length != n) {
                throw new IllegalArgumentException("LearnedPredictor: player " + i + " has " + n + " sequences, got "
                        + perPlayer[i].length + " entries");
            }
            System.arraycopy(perPlayer[i], 0, global, so, n);
        }
    }
}

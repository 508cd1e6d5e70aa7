package dev.nashforge.host.solver;

import dev.nashforge.host.backend.SolverSession;

/**
 * Drives the regret-minimizer family of method.md §3 on a {@link SolverSession}: the host-side sequencing of
 * the batched primitives, one call of {@link #iterate()} per iteration. All numeric work happens in the
 * session; this class keeps only the iteration counter t and the total averaging weight W_t = Σ_{k≤t} w_k.
 *
 * <p>Iteration t (from 1), with x^t the plans at the start of the iteration:
 * <ol>
 *   <li>every player's average plan: x̄_i ← x̄_i + (w_t/W_t)(x_i^t − x̄_i);</li>
 *   <li>{@link UpdateMode#SIMULTANEOUS}: the instantaneous regrets of all players against x^t, then for each
 *       player the regret update, the next strategy and its realization plan;
 *       {@link UpdateMode#ALTERNATING}: for p = 0, 1, …, N-1 in turn, p's instantaneous regret against the
 *       current plans (players before p already updated), p's regret update, next strategy and plan.</li>
 *   <li>{@link Prediction#LEARNED} (NPCFR), simultaneous (its default): the instantaneous regrets of all players,
 *       every player's regret update, then {@link SolverSession#computePrediction(int)} once for all players (the
 *       network reads σ^t, so it runs before any next strategy), then every player's next strategy and plan —
 *       the order of {@code meta.UnrolledSolver}, in which the networks are trained; alternating: for p in turn,
 *       p's instantaneous regret against the current plans, its regret update,
 *       {@link SolverSession#computePrediction(int, int)} for p, its next strategy and plan.</li>
 * </ol>
 * The joint-play accumulation of method.md §4 is not part of the iteration (it is the metrics' heavy part);
 * callers that need it call {@link SolverSession#accumulateJointPlay(double)} with {@link #nextAverageStep()}
 * right before {@link #iterate()}, so that the joint play's marginals are the average plans.
 *
 * <p>Not thread-safe (like the session it drives). Allocates nothing per iteration.
 */
public final class RegretMinimizer {

    private final SolverSession session;
    private final SolverConfig config;
    private final int numPlayers;
    private int iteration;
    private double totalWeight;

    /** Drives {@code session} from its current state, taken to be iteration 0 (as {@code open} leaves it). */
    public RegretMinimizer(SolverSession session) {
        this.session = session;
        this.config = session.config();
        this.numPlayers = session.batch().structure().numPlayers();
    }

    /** The number of completed iterations. */
    public int iteration() {
        return iteration;
    }

    /** W_t = Σ_{k≤t} w_k over the completed iterations. */
    public double totalWeight() {
        return totalWeight;
    }

    /** The configuration of the driven session. */
    public SolverConfig config() {
        return config;
    }

    /** The running-mean factor w_{t+1} / W_{t+1} that the next {@link #iterate()} uses for its averages. */
    public double nextAverageStep() {
        double w = config.averaging().weight(iteration + 1);
        return Averaging.step(w, totalWeight + w);
    }

    /** Runs one iteration (see the class documentation). */
    public void iterate() {
        int t = iteration + 1;
        double w = config.averaging().weight(t);
        double total = totalWeight + w;
        double step = Averaging.step(w, total);
        for (int p = 0; p < numPlayers; p++) {
            session.updateAverage(p, step);
        }
        if (config.learnedAlternating()) {
            for (int p = 0; p < numPlayers; p++) {
                session.computeInstantaneousRegret(p);
                session.updateRegret(p, t);
                session.computePrediction(p, t);
                session.computeStrategy(p);
                session.computeRealizationPlan(p);
            }
        } else if (config.prediction() == Prediction.LEARNED) {
            session.computeInstantaneousRegrets();
            for (int p = 0; p < numPlayers; p++) {
                session.updateRegret(p, t);
            }
            session.computePrediction(t);
            for (int p = 0; p < numPlayers; p++) {
                session.computeStrategy(p);
                session.computeRealizationPlan(p);
            }
        } else if (config.updates() == UpdateMode.SIMULTANEOUS) {
            session.computeInstantaneousRegrets();
            for (int p = 0; p < numPlayers; p++) {
                advance(p, t);
            }
        } else {
            for (int p = 0; p < numPlayers; p++) {
                session.computeInstantaneousRegret(p);
                advance(p, t);
            }
        }
        iteration = t;
        totalWeight = total;
    }

    private void advance(int player, int t) {
        session.updateRegret(player, t);
        session.computeStrategy(player);
        session.computeRealizationPlan(player);
    }

    /**
     * Sets the counters after the session's state was restored from a checkpoint taken after
     * {@code completedIterations} iterations with total weight {@code totalWeight}.
     */
    public void restore(int completedIterations, double totalWeight) {
        if (completedIterations < 0 || !(totalWeight >= 0) || (completedIterations == 0) != (totalWeight == 0)) {
            throw new IllegalArgumentException("inconsistent checkpoint counters: iteration " + completedIterations
                    + ", total weight " + totalWeight);
        }
        this.iteration = completedIterations;
        this.totalWeight = totalWeight;
    }
}

package dev.nashforge.cli;

import dev.nashforge.host.meta.train.MetaTrainer;
import dev.nashforge.host.solver.LearnedModel;

/**
 * The evaluation seed rule of {@code nash compare}: instances are sampled with {@code distribution.sample(K, E)},
 * and instance b's random stream is a function of (E, b) only ({@code InstanceSeeds}). {@link MetaTrainer} samples
 * every training minibatch with an <em>even</em> seed and its held-out set with one <em>odd</em> seed H (derived
 * from the model's training seed). Compare uses the odd seed {@code E = 2·S + 1} for {@code --seed S}, so it never
 * meets a training minibatch, and refuses {@code E = H}, so it never re-uses the held-out games either: the model
 * is evaluated on games it never saw in training or model selection. Stateless.
 */
final class CompareSeeds {

    /** The rule in one line, printed with the results. */
    static final String RULE = "E = 2*seed+1 (odd: training minibatches use even seeds), never the model's held-out"
            + " seed";

    private CompareSeeds() {
    }

    /**
     * The evaluation seed for {@code --seed seed}.
     *
     * @param models the learned models of the comparison (their held-out seeds are excluded)
     * @throws IllegalArgumentException if the seed would re-use a model's held-out games
     */
    static long evaluationSeed(long seed, Iterable<LearnedModel> models) {
        long e = 2 * seed + 1;
        for (LearnedModel m : models) {
            long heldOut = heldOutSeed(m);
            if (e == heldOut) {
                throw new IllegalArgumentException("--seed " + seed + " gives evaluation seed " + e + ", the held-out"
                        + " seed of model " + m.name() + ": use another --seed");
            }
        }
        return e;
    }

    /** The odd held-out seed {@code m} was selected with (as {@link MetaTrainer#evaluationSeed()} derives it). */
    static long heldOutSeed(LearnedModel m) {
        return new MetaTrainer(m.model().training(), 1).evaluationSeed();
    }

    /** Whether {@code seed} is one training minibatch seeds can take (even). */
    static boolean isTrainingSeed(long seed) {
        return (seed & 1L) == 0;
    }
}

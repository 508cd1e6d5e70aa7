package dev.nashforge.host.meta.train;

import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.LossSchedule;
import dev.nashforge.host.meta.MetaLoss;
import dev.nashforge.host.meta.SolverVariant;
import dev.nashforge.host.meta.nn.CellKind;
import dev.nashforge.host.meta.nn.IterationFeature;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.solver.UpdateMode;

/**
 * Everything that determines a meta-training run (method.md §5); with the same config the run is bit-identical,
 * whatever the thread count. Immutable; stored in checkpoints and model files.
 *
 * @param distribution       catalog spec of the training distribution, e.g. {@code biased_shapley}
 * @param architecture       the predictor network
 * @param variant            NPCFR or NPCFR+
 * @param averaging          averaging weights of the unrolled solver
 * @param horizon            T, unrolled iterations per game
 * @param loss               the meta-loss
 * @param steps              optimizer steps
 * @param batchSize          games per minibatch
 * @param learningRate       the optimizer's step size
 * @param gradientClip       global-norm clipping threshold (≤ 0: none)
 * @param evaluationSize     held-out games (sampled from seeds disjoint from every training minibatch)
 * @param evaluationEvery    steps between held-out evaluations (and checkpoints)
 * @param checkpointInterval unrolled-solver checkpoint interval k (0: store every iteration)
 * @param seed               the one seed; split per purpose (initialization, minibatches, held-out set)
 * @param warmup             largest forward-only warm-up W before the T unrolled iterations (0: none). Each game
 *                           of a minibatch draws W uniformly from {0, T, 2T, 4T, …} capped at this value, and the
 *                           meta-gradient is truncated there ({@code UnrolledSolver#gradient} with a warm-up), so
 *                           the predictor also learns the late phase of long runs; the held-out NashGap is then
 *                           measured after {@code warmup + T} iterations
 * @param initialWeights     null: the initial weights are drawn from the seed; else the model whose weights the run
 *                           starts from (fine-tuning, {@code nash train --init})
 * @param smoothing          null: the meta-gradient by reverse mode ({@code UnrolledSolver#gradient}); else the
 *                           gradient of the Gaussian-smoothed loss estimated by {@link EvolutionStrategies}
 * @param optimizer          the update rule ({@link Optimizer#ADAM} unless chosen; stored only when not Adam)
 * @param updates            the unrolled solver's update mode: simultaneous (the default; the correlation loss
 *                           reads one joint iterate) or alternating (players in turn, as NPCFR then runs with
 *                           {@code --updates alternating}); stored only when alternating
 * @param headStart          how the head's weights on the hidden state start ({@link HeadStart}); stored only
 *                           when not {@link HeadStart#RANDOM}
 */
public record TrainingConfig(String distribution, PredictorArchitecture architecture, SolverVariant variant,
                             AveragingWeights averaging, int horizon, MetaLoss loss, int steps, int batchSize,
                             double learningRate, double gradientClip, int evaluationSize, int evaluationEvery,
                             int checkpointInterval, long seed, int warmup, WarmStart initialWeights,
                             EvolutionStrategies smoothing, Optimizer optimizer, UpdateMode updates,
                             HeadStart headStart) {

    public TrainingConfig {
        if (distribution == null || distribution.isBlank() || architecture == null || variant == null
                || averaging == null || loss == null) {
            throw new IllegalArgumentException("training config: distribution, architecture, variant, averaging and"
                    + " loss are required");
        }
        check(horizon >= 1, "horizon", horizon, "at least 1");
        check(steps >= 0, "steps", steps, "at least 0");
        check(batchSize >= 1, "batchSize", batchSize, "at least 1");
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "positive");
        check(evaluationSize >= 1, "evaluationSize", evaluationSize, "at least 1");
        check(evaluationEvery >= 1, "evaluationEvery", evaluationEvery, "at least 1");
        check(checkpointInterval >= 0, "checkpointInterval", checkpointInterval, "0 or positive");
        check(warmup >= 0, "warmup", warmup, "0 or positive");
        if (optimizer == null) {
            throw new IllegalArgumentException("training config: the optimizer is required (Optimizer.ADAM by default)");
        }
        if (updates == null) {
            throw new IllegalArgumentException("training config: the update mode is required (simultaneous by"
                    + " default)");
        }
        if (headStart == null) {
            throw new IllegalArgumentException("training config: the head start is required (random by default)");
        }
    }

    /** A configuration whose head starts at random ({@link HeadStart#RANDOM}). */
    public TrainingConfig(String distribution, PredictorArchitecture architecture, SolverVariant variant,
                          AveragingWeights averaging, int horizon, MetaLoss loss, int steps, int batchSize,
                          double learningRate, double gradientClip, int evaluationSize, int evaluationEvery,
                          int checkpointInterval, long seed, int warmup, WarmStart initialWeights,
                          EvolutionStrategies smoothing, Optimizer optimizer, UpdateMode updates) {
        this(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize, learningRate,
                gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup, initialWeights,
                smoothing, optimizer, updates, HeadStart.RANDOM);
    }

    /** A configuration with simultaneous updates. */
    public TrainingConfig(String distribution, PredictorArchitecture architecture, SolverVariant variant,
                          AveragingWeights averaging, int horizon, MetaLoss loss, int steps, int batchSize,
                          double learningRate, double gradientClip, int evaluationSize, int evaluationEvery,
                          int checkpointInterval, long seed, int warmup, WarmStart initialWeights,
                          EvolutionStrategies smoothing, Optimizer optimizer) {
        this(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize, learningRate,
                gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup, initialWeights,
                smoothing, optimizer, UpdateMode.SIMULTANEOUS);
    }

    /** A configuration trained with {@link Optimizer#ADAM}. */
    public TrainingConfig(String distribution, PredictorArchitecture architecture, SolverVariant variant,
                          AveragingWeights averaging, int horizon, MetaLoss loss, int steps, int batchSize,
                          double learningRate, double gradientClip, int evaluationSize, int evaluationEvery,
                          int checkpointInterval, long seed, int warmup, WarmStart initialWeights,
                          EvolutionStrategies smoothing) {
        this(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize, learningRate,
                gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup, initialWeights,
                smoothing, Optimizer.ADAM);
    }

    /** A configuration whose initial weights are drawn from the seed. */
    public TrainingConfig(String distribution, PredictorArchitecture architecture, SolverVariant variant,
                          AveragingWeights averaging, int horizon, MetaLoss loss, int steps, int batchSize,
                          double learningRate, double gradientClip, int evaluationSize, int evaluationEvery,
                          int checkpointInterval, long seed, int warmup) {
        this(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize, learningRate,
                gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup, null, null);
    }

    /** A configuration without warm-up. */
    public TrainingConfig(String distribution, PredictorArchitecture architecture, SolverVariant variant,
                          AveragingWeights averaging, int horizon, MetaLoss loss, int steps, int batchSize,
                          double learningRate, double gradientClip, int evaluationSize, int evaluationEvery,
                          int checkpointInterval, long seed) {
        this(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize, learningRate,
                gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, 0);
    }

    /**
     * The warm-up of game {@code index} of the minibatch with seed {@code minibatchSeed}: uniform over
     * {0, T, 2T, 4T, …} with every member above {@link #warmup()} replaced by it; 0 when there is no warm-up.
     */
    public int warmupOf(long minibatchSeed, int index) {
        if (warmup == 0) {
            return 0;
        }
        java.util.List<Integer> choices = new java.util.ArrayList<>();
        choices.add(0);
        for (long w = horizon; ; w *= 2) {
            choices.add((int) Math.min(w, warmup));
            if (w >= warmup) {
                break;
            }
        }
        long z = minibatchSeed ^ (0x9E3779B97F4A7C15L * (index + 1L));
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        z ^= z >>> 33;
        return choices.get((int) Math.floorMod(z, (long) choices.size()));
    }

    private static void check(boolean ok, String name, double value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("training config: " + name + " = " + value + " must be " + rule);
        }
    }

    /**
     * The measured recipe for biased Shapley (see the meta package doc): NPCFR+ with a 32-unit GRU without
     * iteration feature (a stationary predictor extrapolates best beyond T), T = 64, loss
     * {@code Σ_t λ_t (TC_t + NashGap_t)} with linear λ, 2000 steps of 16 games, Adam 1e-3, clip 1.
     */
    public static TrainingConfig biasedShapleyDefaults(long seed) {
        return new TrainingConfig("biased_shapley",
                new PredictorArchitecture(CellKind.GRU, 32, IterationFeature.NONE), SolverVariant.NPCFR_PLUS,
                AveragingWeights.QUADRATIC, 64, new MetaLoss(1, 1, 0, LossSchedule.LINEAR), 2000, 16, 1e-3, 1.0, 32,
                250, 0, seed);
    }

    /** A copy with another number of steps. */
    public TrainingConfig withSteps(int newSteps) {
        return new TrainingConfig(distribution, architecture, variant, averaging, horizon, loss, newSteps, batchSize,
                learningRate, gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup,
                initialWeights, smoothing, optimizer, updates, headStart);
    }

    /** A copy with another update mode. */
    public TrainingConfig withUpdates(UpdateMode mode) {
        return new TrainingConfig(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize,
                learningRate, gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup,
                initialWeights, smoothing, optimizer, mode, headStart);
    }

    /** A copy with another head start. */
    public TrainingConfig withHeadStart(HeadStart start) {
        return new TrainingConfig(distribution, architecture, variant, averaging, horizon, loss, steps, batchSize,
                learningRate, gradientClip, evaluationSize, evaluationEvery, checkpointInterval, seed, warmup,
                initialWeights, smoothing, optimizer, updates, start);
    }
}

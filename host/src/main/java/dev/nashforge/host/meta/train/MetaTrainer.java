package dev.nashforge.host.meta.train;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.host.meta.MetaGradient;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.UnrolledConfig;
import dev.nashforge.host.meta.UnrolledSolver;
import dev.nashforge.host.meta.model.JsonFields;
import dev.nashforge.host.meta.model.NpcfrModel;
import dev.nashforge.host.meta.model.TrainingCheckpoint;
import dev.nashforge.host.meta.model.TrainingCheckpointFile;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.meta.ops.NashGapOp;

import dev.nashforge.host.run.StopRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Meta-training of the NPCFR predictor (method.md §5): Adam (or plain SGD, {@link Optimizer}) with global-norm
 * clipping on the mean meta-gradient of minibatches sampled from the training distribution, a held-out evaluation
 * set, resumable checkpoints.
 *
 * <p><b>Seeds.</b> {@code new SplittableRandom(config.seed())} is split, in this order, into the initialization
 * stream (whose own split draws the initial weights, unless the run starts from a model's weights:
 * {@link TrainingConfig#initialWeights()}), the minibatch base and the held-out seed. Minibatch k is {@code distribution.sample(batchSize, s_k)} with
 * an even {@code s_k} derived from (base, k); the held-out seed is odd, so the two never share a seed. Everything
 * is a function of the config: the same config gives bit-identical weights for any thread count (per-instance
 * gradients are summed in instance order), and a resumed run continues exactly as an uninterrupted one.
 *
 * <p><b>Checkpoints.</b> With a checkpoint path, the state is written atomically every
 * {@code evaluationEvery} steps, after any step that ends at least {@link #saveInterval()} (one minute by default)
 * after the previous save, and at the end; if the file exists when training starts, training resumes from it
 * (its config must match, except for the number of steps). A non-finite loss, gradient or parameter, or a loss
 * above 10⁴ × the best running mean (geometric means for a logarithmic loss), stops training with a {@link TrainingDivergedException}; the last good
 * checkpoint is left as it was. A {@link #withStop stop request} (Ctrl-C) ends training after the step in
 * progress, with that step saved.
 *
 * <p>Not thread-safe; uses {@code threads} worker threads internally.
 */
public final class MetaTrainer {

    private static final double DIVERGENCE_FACTOR = 1e4;
    /** The default of {@link #saveInterval()}. */
    public static final Duration DEFAULT_SAVE_INTERVAL = Duration.ofMinutes(1);

    private Duration saveInterval = DEFAULT_SAVE_INTERVAL;
    private StopRequest stop = StopRequest.NEVER;

    private final TrainingConfig config;
    private final int threads;
    private final GameDistribution distribution;
    private final MetaLayout layout;
    private final PredictorNetwork network;
    private final UnrolledConfig unrolled;
    private final long minibatchBase;
    private final long evaluationSeed;
    private final double[] initialParameters;
    /** The config starts from a model's weights but none were given: seeds are available, training is not. */
    private final boolean missingWarmStart;

    /** Trains on the catalog distribution named by {@code config.distribution()}. */
    public MetaTrainer(TrainingConfig config, int threads) {
        this(config, config == null ? null : GameCatalog.distribution(config.distribution()), threads, false, null);
    }

    /**
     * Trains on the catalog distribution named by {@code config.distribution()}, starting from
     * {@code initialWeights} (fine-tuning): the config's {@link TrainingConfig#initialWeights()} must name them, and
     * their CRC-32 must be the one it records.
     */
    public MetaTrainer(TrainingConfig config, int threads, double[] initialWeights) {
        this(config, config == null ? null : GameCatalog.distribution(config.distribution()), threads, false,
                initialWeights);
    }

    /**
     * Trains on {@code distribution}, which must carry the name recorded in {@code config.distribution()} (so the
     * model file tells the truth about its training data).
     */
    public MetaTrainer(TrainingConfig config, GameDistribution distribution, int threads) {
        this(config, distribution, threads, true, null);
    }

    private MetaTrainer(TrainingConfig config, GameDistribution distribution, int threads, boolean checkName,
                        double[] initialWeights) {
        if (config == null || distribution == null) {
            throw new IllegalArgumentException("MetaTrainer: config and distribution are required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("MetaTrainer: threads must be at least 1, got " + threads);
        }
        if (checkName && !distribution.name().equals(config.distribution())) {
            throw new IllegalArgumentException("MetaTrainer: the config names the distribution '"
                    + config.distribution() + "' but '" + distribution.name() + "' was given");
        }
        this.config = config;
        this.threads = threads;
        this.distribution = distribution;
        this.layout = new MetaLayout(distribution.structure());
        this.network = new PredictorNetwork(config.architecture());
        this.unrolled = new UnrolledConfig(config.variant(), config.averaging(), config.horizon(), config.loss(),
                config.updates());
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom initialization = root.split();
        this.minibatchBase = root.split().nextLong();
        this.evaluationSeed = (root.split().nextLong() << 1) | 1L;
        double[] drawn = network.initialParameters(initialization.split());
        this.initialParameters = initialWeights == null ? drawn : checkedWarmStart(config, initialWeights, drawn.length);
        if (config.headStart() == HeadStart.REGRET) {
            network.zeroHiddenHead(initialParameters);
        }
        this.missingWarmStart = initialWeights == null && config.initialWeights() != null;
    }

    private static double[] checkedWarmStart(TrainingConfig config, double[] weights, int expected) {
        if (config.initialWeights() == null) {
            throw new IllegalArgumentException("MetaTrainer: initial weights were given but the config does not"
                    + " record where they come from (TrainingConfig.initialWeights is null)");
        }
        if (weights.length != expected) {
            throw new IllegalArgumentException("MetaTrainer: " + config.initialWeights() + " has " + weights.length
                    + " weights but " + config.architecture() + " needs " + expected + "; use the model's"
                    + " architecture");
        }
        String crc = JsonFields.crc32(weights);
        if (!crc.equals(config.initialWeights().weightsCrc32())) {
            throw new IllegalArgumentException("MetaTrainer: the initial weights have CRC-32 " + crc + ", the config"
                    + " records " + config.initialWeights());
        }
        return weights.clone();
    }

    /** The seed of minibatch {@code step}: even, so disjoint from the (odd) held-out seed. */
    public long minibatchSeed(int step) {
        long z = minibatchBase + 0x9E3779B97F4A7C15L * (step + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) << 1;
    }

    /** The seed of the held-out set (odd). */
    public long evaluationSeed() {
        return evaluationSeed;
    }

    /** Memory of one unrolled iteration of one game for this run's game and network. */
    public long bytesPerIteration() {
        return new UnrolledSolver(layout, network, unrolled).bytesPerIteration();
    }

    /**
     * The longest time between two checkpoint saves (besides the saves at every held-out evaluation), so that a crash
     * loses at most about this much training; zero saves after every step.
     */
    public Duration saveInterval() {
        return saveInterval;
    }

    /** Sets {@link #saveInterval()}; returns this. */
    public MetaTrainer withSaveInterval(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("MetaTrainer: the save interval must be zero or positive, got "
                    + interval);
        }
        this.saveInterval = interval;
        return this;
    }

    /** Sets the request that stops training early, see {@link TrainingStoppedException}; returns this. */
    public MetaTrainer withStop(StopRequest request) {
        this.stop = request == null ? StopRequest.NEVER : request;
        return this;
    }

    /**
     * Trains for the configured number of steps (from a checkpoint, if one exists at {@code checkpoint}).
     *
     * @param checkpoint training checkpoint path, or null for none
     * @param progress   called after every step
     * @throws TrainingDivergedException on NaN or divergence
     * @throws TrainingStoppedException  when the {@link #withStop stop request} is set before the last step: the
     *                                   step in progress is finished and written to the checkpoint (if any)
     */
    public TrainingResult train(Path checkpoint, TrainingProgress progress) {
        if (missingWarmStart) {
            throw new IllegalStateException("MetaTrainer: the config starts from " + config.initialWeights()
                    + " but no initial weights were given; construct the trainer with them");
        }
        long started = System.currentTimeMillis();
        double[] params = initialParameters.clone();
        Adam adam = new Adam(params.length, config.learningRate(), config.gradientClip());
        int step = 0;
        if (checkpoint != null && Files.exists(checkpoint)) {
            TrainingCheckpoint c = TrainingCheckpointFile.read(checkpoint);
            if (!c.config().withSteps(0).equals(config.withSteps(0))) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " belongs to another training run ("
                        + c.config() + "); use another checkpoint path or delete it to start over");
            }
            params = c.parameters();
            adam = Adam.restore(config.learningRate(), config.gradientClip(), c.firstMoment(), c.secondMoment(),
                    c.adamStep());
            step = c.step();
        }
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(new Worker());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "meta-trainer");
            t.setDaemon(true);
            return t;
        });
        try {
            GameBatch heldOut = distribution.sample(config.evaluationSize(), evaluationSeed);
            double lastLoss = Double.NaN;
            double gap = Double.NaN;
            double ema = Double.NaN;
            double bestEma = Double.POSITIVE_INFINITY;
            int lastGood = step;
            long lastSave = System.nanoTime();
            while (step < config.steps()) {
                GameBatch batch = distribution.sample(config.batchSize(), minibatchSeed(step));
                double[] grad = new double[params.length];
                double loss = meanGradient(pool, workers, batch, minibatchSeed(step), params, grad);
                String problem = null;
                if (!Double.isFinite(loss)) {
                    problem = "the meta-loss is " + loss;
                } else if (!allFinite(grad)) {
                    problem = "the meta-gradient has non-finite entries";
                } else if (step >= 50 && linearScale(loss) > DIVERGENCE_FACTOR * bestEma) {
                    problem = "the meta-loss " + linearScale(loss) + " exceeds " + DIVERGENCE_FACTOR
                            + " × its best running mean " + bestEma + " (divergence)";
                }
                double[] before = params.clone();
                if (problem == null) {
                    if (config.optimizer() == Optimizer.SGD) {
                        Optimizer.sgdStep(params, grad, config.learningRate(), config.gradientClip());
                    } else {
                        adam.update(params, grad);
                    }
                    if (!allFinite(params)) {
                        problem = "the parameters became non-finite after the update";
                        params = before;
                    }
                }
                if (problem != null) {
                    throw new TrainingDivergedException(step, "meta-training stopped at step " + step + ": " + problem
                            + "; " + (checkpoint == null ? "no checkpoint path was given"
                            : "the last good checkpoint (step " + lastGood + ") is kept at " + checkpoint)
                            + ". Lower the learning rate or the gradient clip, or shorten the horizon.");
                }
                ema = Double.isNaN(ema) ? linearScale(loss) : 0.9 * ema + 0.1 * linearScale(loss);
                bestEma = Math.min(bestEma, ema);
                lastLoss = loss;
                step++;
                boolean evaluate = step % config.evaluationEvery() == 0 || step == config.steps();
                gap = Double.NaN;
                if (evaluate) {
                    gap = heldOutNashGap(pool, workers, heldOut, params);
                }
                boolean stopping = step < config.steps() && stop.requested();
                boolean due = System.nanoTime() - lastSave >= saveInterval.toNanos();
                if (checkpoint != null && (evaluate || due || stopping)) {
                    TrainingCheckpointFile.write(checkpoint, new TrainingCheckpoint(config, step, params,
                            adam.firstMoment(), adam.secondMoment(), adam.step()));
                    lastGood = step;
                    lastSave = System.nanoTime();
                }
                progress.onStep(step, config.steps(), loss, gap);
                if (stopping) {
                    throw new TrainingStoppedException(step, config.steps(), checkpoint);
                }
            }
            if (Double.isNaN(gap)) {
                gap = heldOutNashGap(pool, workers, heldOut, params);
            }
            NpcfrModel model = new NpcfrModel(config.architecture(), config.variant(), config.averaging(), config, step,
                    params);
            return new TrainingResult(model, lastLoss, gap, System.currentTimeMillis() - started,
                    workers.get(0).solver.bytesPerIteration());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The minibatch loss on the linear scale, for the divergence check: itself, or for a logarithmic meta-loss
     * (whose minibatch loss is the mean log) the geometric mean of the games' losses.
     */
    private double linearScale(double loss) {
        return config.loss().logarithmic() ? Math.exp(loss) : loss;
    }

    /** Mean loss over the batch; {@code grad} receives the mean gradient (summed in instance order). */
    private double meanGradient(ExecutorService pool, List<Worker> workers, GameBatch batch, long seed,
                                double[] params, double[] grad) {
        if (config.smoothing() != null) {
            return smoothedGradient(pool, workers, batch, seed, params, grad);
        }
        int size = batch.size();
        MetaGradient[] results = new MetaGradient[size];
        runParallel(pool, workers, size, (worker, b) -> {
            MetaInstance inst = MetaInstance.of(batch, b, worker.bounds);
            results[b] = worker.solver.gradient(inst, params, config.checkpointInterval(),
                    config.warmupOf(seed, b));
        });
        double loss = 0;
        for (MetaGradient r : results) {
            loss += r.loss();
            double[] g = r.gradient();
            for (int k = 0; k < grad.length; k++) {
                grad[k] += g[k];
            }
        }
        for (int k = 0; k < grad.length; k++) {
            grad[k] /= size;
        }
        return loss / size;
    }

    /**
     * Mean loss over the batch and the 2K perturbed weights; {@code grad} receives the antithetic estimate of the
     * smoothed loss's gradient ({@link EvolutionStrategies}). Every run is a forward pass of the game's whole
     * trajectory (its warm-up and the T iterations) under the perturbed weights; the result does not depend on the
     * thread count.
     */
    private double smoothedGradient(ExecutorService pool, List<Worker> workers, GameBatch batch, long seed,
                                    double[] params, double[] grad) {
        EvolutionStrategies es = config.smoothing();
        int size = batch.size();
        int pairs = es.pairs();
        double[][] directions = new double[pairs][];
        double[][] perturbed = new double[2 * pairs][];
        for (int k = 0; k < pairs; k++) {
            directions[k] = es.direction(seed, k, params.length,
                    es.headOnly() ? params.length - network.headParameterCount() : 0);
            perturbed[2 * k] = es.perturb(params, directions[k], 1);
            perturbed[2 * k + 1] = es.perturb(params, directions[k], -1);
        }
        double[] losses = new double[2 * pairs * size];
        runParallel(pool, workers, losses.length, (worker, task) -> {
            int run = task / size;
            int b = task % size;
            MetaInstance inst = MetaInstance.of(batch, b, worker.bounds);
            double[] p = perturbed[run];
            losses[task] = worker.solver.loss(inst, p, p, config.warmupOf(seed, b));
        });
        double[] plus = new double[pairs];
        double[] minus = new double[pairs];
        double total = 0;
        for (int k = 0; k < pairs; k++) {
            for (int b = 0; b < size; b++) {
                plus[k] += losses[(2 * k) * size + b] / size;
                minus[k] += losses[(2 * k + 1) * size + b] / size;
            }
            total += plus[k] + minus[k];
        }
        es.accumulate(directions, plus, minus, grad);
        return total / (2 * pairs);
    }

    /** Median NashGap of the average profile after {@code warmup + T} iterations over the held-out games. */
    public double heldOutNashGap(double[] params) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Worker> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(new Worker());
            }
            return heldOutNashGap(pool, workers, distribution.sample(config.evaluationSize(), evaluationSeed), params);
        } finally {
            pool.shutdownNow();
        }
    }

    private double heldOutNashGap(ExecutorService pool, List<Worker> workers, GameBatch heldOut, double[] params) {
        double[] gaps = new double[heldOut.size()];
        runParallel(pool, workers, heldOut.size(), (worker, b) -> {
            MetaInstance inst = MetaInstance.of(heldOut, b, worker.bounds);
            double[] average = new double[layout.numSequences()];
            int iterations = config.warmup() + config.horizon();
            worker.solver.run(inst, params, iterations, view -> {
                if (view.t() == iterations) {
                    System.arraycopy(view.average(), 0, average, 0, average.length);
                }
            });
            gaps[b] = worker.nashGap.forward(inst.chanceReach(), inst.utility(), average, null);
        });
        Arrays.sort(gaps);
        int n = gaps.length;
        return n % 2 == 1 ? gaps[n / 2] : 0.5 * (gaps[n / 2 - 1] + gaps[n / 2]);
    }

    private interface Task {
        void run(Worker worker, int index);
    }

    private void runParallel(ExecutorService pool, List<Worker> workers, int size, Task task) {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            Worker worker = workers.get(w);
            int first = w;
            futures.add(pool.submit(() -> {
                for (int b = first; b < size; b += workers.size()) {
                    task.run(worker, b);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("meta-training interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("meta-training worker failed: " + cause, cause);
            }
        }
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** Per-thread solver, bounds cache and metric scratch. */
    private final class Worker {
        final UnrolledSolver solver = new UnrolledSolver(layout, network, unrolled);
        final PredictionBounds bounds = new PredictionBounds(layout);
        final NashGapOp nashGap = new NashGapOp(layout);
    }
}

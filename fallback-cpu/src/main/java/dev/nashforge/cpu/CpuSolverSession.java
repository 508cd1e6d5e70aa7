package dev.nashforge.cpu;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionArguments;
import dev.nashforge.host.backend.SessionStateShapes;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;

import java.util.concurrent.ForkJoinPool;

/**
 * The CPU backend's {@link SolverSession}: solver state in flat {@code double[]} buffers, {@code [batch][sequence]}
 * per player (row length S_i) and {@code [batch][terminal]}, and the primitives as {@link CpuKernels} calls cut
 * into tasks by {@link CpuWorkPlan} and run on the backend's shared pool through {@link CpuWorkers}. Everything
 * is allocated at open; a primitive allocates nothing. Reductions follow the sorted terminal segments in a
 * fixed order and tasks write disjoint ranges, so results do not depend on the thread count.
 *
 * <p>Not thread-safe: one thread drives the session.
 */
final class CpuSolverSession implements SolverSession {

    private final GameBatch batch;
    private final SolverConfig config;
    private final String device;
    private final CpuKernels kernels;
    private final CpuWorkers workers;
    private final CpuTerminalTable terminals;
    private final Treeplex[] treeplexes;
    private final int players;
    private final int batchSize;
    private final int numTerminals;
    private final int[] numSequences;
    private final int[][] terminalSequence;

    private final double[][] cumulativeRegret;
    private final double[][] prediction;
    private final double[][] currentStrategy;
    private final double[][] realizationPlan;
    private final double[][] averagePlan;
    private final double[][] counterfactualValue;
    private final double[][] instantaneousRegret;
    private final double[][] infosetValue;
    private final double[] opponentWeights;
    private final double[] jointWeights;
    private final double[][] jointScratch;
    private final double[][][] otherPlans;
    private final int[][] otherSequences;

    private final CpuWorkPlan[] perInstancePlan;
    private final CpuWorkPlan[] leafPlan;
    private final CpuWorkPlan jointPlan;
    private final CpuNetworkPrediction networkPrediction;

    private final CpuWorkers.TaskBody strategyTask = this::strategyTask;
    private final CpuWorkers.TaskBody planTask = this::planTask;
    private final CpuWorkers.TaskBody leafTask = this::leafTask;
    private final CpuWorkers.TaskBody regretTask = this::counterfactualRegretTask;
    private final CpuWorkers.TaskBody updateTask = this::updateRegretTask;
    private final CpuWorkers.TaskBody averageTask = this::averageTask;
    private final CpuWorkers.TaskBody jointTask = this::jointTask;

    private int activePlayer;
    private int activeIteration;
    private double activeStep;
    private boolean closed;

    CpuSolverSession(GameBatch batch, SolverConfig config, ForkJoinPool pool, int parallelWork, String device) {
        this.batch = batch;
        this.config = config;
        this.device = device;
        this.kernels = new CpuKernels(config.precision());
        GameStructure structure = batch.structure();
        this.players = structure.numPlayers();
        this.batchSize = batch.size();
        this.numTerminals = structure.numTerminals();
        this.treeplexes = new Treeplex[players];
        this.numSequences = new int[players];
        this.terminalSequence = new int[players][];
        for (int i = 0; i < players; i++) {
            treeplexes[i] = structure.treeplex(i);
            numSequences[i] = treeplexes[i].numSequences();
            terminalSequence[i] = structure.terminalSequence(i);
        }
        this.terminals = new CpuTerminalTable(batch, kernels);
        this.cumulativeRegret = perPlayerBuffer();
        this.prediction = perPlayerBuffer();
        this.currentStrategy = perPlayerBuffer();
        this.realizationPlan = perPlayerBuffer();
        this.averagePlan = perPlayerBuffer();
        this.counterfactualValue = perPlayerBuffer();
        this.instantaneousRegret = perPlayerBuffer();
        this.infosetValue = new double[players][];
        this.otherPlans = new double[players][][];
        this.otherSequences = new int[players][];
        for (int i = 0; i < players; i++) {
            infosetValue[i] = new double[batchSize * treeplexes[i].numInfosets()];
            int[] others = terminals.otherPlayers[i];
            otherPlans[i] = new double[others.length][];
            otherSequences[i] = new int[others.length];
            for (int o = 0; o < others.length; o++) {
                otherPlans[i][o] = realizationPlan[others[o]];
                otherSequences[i][o] = numSequences[others[o]];
            }
        }
        this.opponentWeights = new double[batchSize * players * numTerminals];
        this.jointWeights = new double[batchSize * numTerminals];

        int threads = pool == null ? 1 : pool.getParallelism();
        this.perInstancePlan = new CpuWorkPlan[players];
        this.leafPlan = new CpuWorkPlan[players];
        int maxTasks = 1;
        for (int i = 0; i < players; i++) {
            perInstancePlan[i] = CpuWorkPlan.overInstances(batchSize, numSequences[i], threads, parallelWork);
            leafPlan[i] = CpuWorkPlan.overRanges(batchSize, numSequences[i], structure.sequenceTerminalStart(i),
                    threads, parallelWork);
            maxTasks = Math.max(maxTasks, Math.max(perInstancePlan[i].tasks(), leafPlan[i].tasks()));
        }
        this.jointPlan = CpuWorkPlan.overRanges(batchSize, numTerminals, null, threads, parallelWork);
        maxTasks = Math.max(maxTasks, jointPlan.tasks());
        if (config.prediction() == Prediction.LEARNED) {
            this.networkPrediction = new CpuNetworkPrediction(batch, config.model(), threads, parallelWork);
            networkPrediction.bind(instantaneousRegret, cumulativeRegret, prediction, currentStrategy, kernels);
            maxTasks = Math.max(maxTasks, networkPrediction.tasks());
        } else {
            this.networkPrediction = null;
        }
        this.workers = new CpuWorkers(pool, maxTasks);
        this.jointScratch = new double[jointPlan.tasks()][players];

        for (int i = 0; i < players; i++) {
            computeStrategy(i);
            computeRealizationPlan(i);
        }
    }

    private double[][] perPlayerBuffer() {
        double[][] b = new double[players][];
        for (int i = 0; i < players; i++) {
            b[i] = new double[batchSize * numSequences[i]];
        }
        return b;
    }

    @Override
    public GameBatch batch() {
        return batch;
    }

    @Override
    public SolverConfig config() {
        return config;
    }

    @Override
    public String device() {
        return device;
    }

    // ---------------------------------------------------------------- primitives

    @Override
    public void computeStrategy(int player) {
        begin(player);
        workers.run(perInstancePlan[player].tasks(), strategyTask);
    }

    @Override
    public void computeRealizationPlan(int player) {
        begin(player);
        workers.run(perInstancePlan[player].tasks(), planTask);
    }

    @Override
    public void computeInstantaneousRegret(int player) {
        begin(player);
        workers.run(leafPlan[player].tasks(), leafTask);
        workers.run(perInstancePlan[player].tasks(), regretTask);
    }

    @Override
    public void updateRegret(int player, int iteration) {
        begin(player);
        SessionArguments.checkIteration(iteration);
        activeIteration = iteration;
        workers.run(perInstancePlan[player].tasks(), updateTask);
    }

    @Override
    public void computePrediction(int iteration) {
        checkOpen();
        SessionArguments.checkPrediction(networkPrediction != null, config, iteration);
        networkPrediction.compute(iteration, -1, workers);
    }

    @Override
    public void computePrediction(int player, int iteration) {
        begin(player);
        SessionArguments.checkPrediction(networkPrediction != null, config, iteration);
        networkPrediction.compute(iteration, player, workers);
    }

    @Override
    public double[][] readPredictorState() {
        checkOpen();
        return networkPrediction == null ? new double[0][] : networkPrediction.readState();
    }

    @Override
    public void writePredictorState(double[][] state) {
        checkOpen();
        if (networkPrediction == null) {
            SolverSession.super.writePredictorState(state);
        } else {
            networkPrediction.writeState(state);
        }
    }

    @Override
    public void updateAverage(int player, double step) {
        begin(player);
        SessionArguments.checkStep(step);
        activeStep = step;
        workers.run(perInstancePlan[player].tasks(), averageTask);
    }

    @Override
    public void accumulateJointPlay(double step) {
        checkOpen();
        SessionArguments.checkStep(step);
        activeStep = step;
        workers.run(jointPlan.tasks(), jointTask);
    }

    private void begin(int player) {
        checkOpen();
        SessionArguments.checkPlayer(player, batch.structure());
        activePlayer = player;
    }

    private void checkOpen() {
        SessionArguments.checkOpen(closed, "CPU");
    }

    // ---------------------------------------------------------------- task bodies

    private void strategyTask(int task) {
        int p = activePlayer;
        CpuWorkPlan plan = perInstancePlan[p];
        Treeplex t = treeplexes[p];
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            kernels.strategy(t.firstSequence(), t.numActions(), cumulativeRegret[p], prediction[p],
                    currentStrategy[p], b * numSequences[p]);
        }
    }

    private void planTask(int task) {
        int p = activePlayer;
        CpuWorkPlan plan = perInstancePlan[p];
        Treeplex t = treeplexes[p];
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            kernels.realizationPlan(t.firstSequence(), t.numActions(), t.parentSequence(), currentStrategy[p],
                    realizationPlan[p], b * numSequences[p]);
        }
    }

    private void leafTask(int task) {
        int p = activePlayer;
        CpuWorkPlan plan = leafPlan[p];
        int[] segmentStart = batch.structure().sequenceTerminalStart(p);
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            kernels.leafValues(segmentStart, terminals.weightedUtility[p], terminals.otherSequence[p],
                    otherPlans[p], otherSequences[p], counterfactualValue[p], numSequences[p], b,
                    plan.fromRange(task), plan.toRange(task));
        }
    }

    private void counterfactualRegretTask(int task) {
        int p = activePlayer;
        CpuWorkPlan plan = perInstancePlan[p];
        Treeplex t = treeplexes[p];
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            kernels.counterfactualRegret(t.firstSequence(), t.numActions(), t.childInfosetStart(),
                    currentStrategy[p], counterfactualValue[p], instantaneousRegret[p], infosetValue[p],
                    b * numSequences[p], b * t.numInfosets());
        }
    }

    private void updateRegretTask(int task) {
        int p = activePlayer;
        int t = activeIteration;
        CpuWorkPlan plan = perInstancePlan[p];
        RegretUpdate rule = config.regretUpdate();
        boolean predict = config.prediction() == Prediction.LAST_INSTANTANEOUS_REGRET;
        int n = numSequences[p];
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            int base = b * n;
            switch (rule.kind()) {
                case SUM, LINEAR -> kernels.addRegret(cumulativeRegret[p], instantaneousRegret[p],
                        rule.regretWeight(t), base, n);
                case PLUS -> kernels.addRegretClipped(cumulativeRegret[p], instantaneousRegret[p], base, n);
                case DISCOUNTED -> kernels.addRegretDiscounted(cumulativeRegret[p], instantaneousRegret[p],
                        rule.positiveDiscount(t), rule.negativeDiscount(t), base, n);
                default -> throw new IllegalStateException("unhandled regret update " + rule.kind());
            }
            if (predict) {
                kernels.predictLastRegret(prediction[p], instantaneousRegret[p], base, n);
            }
        }
    }

    private void averageTask(int task) {
        int p = activePlayer;
        CpuWorkPlan plan = perInstancePlan[p];
        for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
            kernels.average(averagePlan[p], realizationPlan[p], activeStep, b * numSequences[p], numSequences[p]);
        }
    }

    private void jointTask(int task) {
        for (int b = jointPlan.fromInstance(task); b < jointPlan.toInstance(task); b++) {
            kernels.jointPlay(terminalSequence, realizationPlan, numSequences, opponentWeights, jointWeights, b,
                    activeStep, jointPlan.fromRange(task), jointPlan.toRange(task), jointScratch[task]);
        }
    }

    // ---------------------------------------------------------------- read-back

    private double[][] buffer(SequenceBuffer which) {
        return switch (which) {
            case CUMULATIVE_REGRET -> cumulativeRegret;
            case PREDICTION -> prediction;
            case CURRENT_STRATEGY -> currentStrategy;
            case REALIZATION_PLAN -> realizationPlan;
            case AVERAGE_PLAN -> averagePlan;
            case COUNTERFACTUAL_VALUE -> counterfactualValue;
            case INSTANTANEOUS_REGRET -> instantaneousRegret;
        };
    }

    @Override
    public double[][][] read(SequenceBuffer which) {
        checkOpen();
        double[][] source = buffer(which);
        double[][][] out = new double[batchSize][players][];
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < players; i++) {
                out[b][i] = new double[numSequences[i]];
                System.arraycopy(source[i], b * numSequences[i], out[b][i], 0, numSequences[i]);
            }
        }
        return out;
    }

    @Override
    public void write(SequenceBuffer which, double[][][] values) {
        checkOpen();
        SessionStateShapes.checkSequenceBuffer(which, values, batch.structure(), batchSize);
        double[][] target = buffer(which);
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < players; i++) {
                for (int s = 0; s < numSequences[i]; s++) {
                    target[i][b * numSequences[i] + s] = kernels.round(values[b][i][s]);
                }
            }
        }
    }

    @Override
    public JointPlayWeights[] readJointPlay() {
        checkOpen();
        return JointPlayWeights.unpack(opponentWeights, jointWeights, batchSize, players, numTerminals);
    }

    @Override
    public void writeJointPlay(JointPlayWeights[] weights) {
        checkOpen();
        SessionStateShapes.checkJointPlay(weights, batch.structure(), batchSize);
        JointPlayWeights.pack(weights, opponentWeights, jointWeights, players, numTerminals, kernels::round);
    }

    @Override
    public void close() {
        closed = true;
    }
}

package dev.nashforge.cuda;

import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;

import java.util.List;

/**
 * The launcher of {@code CudaKernels.cu}: builds, once per session, the {@link KernelLaunch}es of every primitive
 * and player from the session's {@link CudaSessionLayout}, configuration and {@link DeviceLimits}. Pure Java (no
 * driver call); every launch is checked against its kernel's parameter list as it is built. Immutable.
 *
 * <p>Primitive → kernels: {@code computeStrategy} → {@code strategy}; {@code computeRealizationPlan} →
 * {@code realization_plan}; {@code computeInstantaneousRegret} → {@code leaf_values} then
 * {@code counterfactual_regret}; {@code updateRegret} → {@code update_regret}; {@code updateAverage} →
 * {@code average}; {@code accumulateJointPlay} → {@code joint_play}; {@code computePrediction} → {@code network}
 * (learned configurations only, recorded under player 0 since it covers all players).
 */
final class CudaKernels {

    /** R ← R + w·r (CFR: w = 1, LCFR: w = t); {@code #define RULE_WEIGHTED} in the CUDA source. */
    static final int RULE_WEIGHTED = 0;
    /** R ← [R + r]⁺ (CFR+, PCFR+). */
    static final int RULE_PLUS = 1;
    /** R ← R + r, then discounted by sign (DCFR). */
    static final int RULE_DISCOUNTED = 2;

    private final CudaSessionLayout layout;
    private final RegretUpdate regretUpdate;
    private final KernelLaunch[][] launches;
    private final CudaNetwork network;

    CudaKernels(CudaSessionLayout layout, SolverConfig config, DeviceLimits limits) {
        this(layout, config, limits, null);
    }

    /**
     * @param network the learned prediction's forward pass (the layout must have been built with it), or null
     *                when the configuration has none: then {@link CudaPrimitive#PREDICTION} has no launches
     */
    CudaKernels(CudaSessionLayout layout, SolverConfig config, DeviceLimits limits, CudaNetwork network) {
        this.layout = layout;
        this.network = network;
        this.regretUpdate = config.regretUpdate();
        int rule = switch (regretUpdate.kind()) {
            case SUM, LINEAR -> RULE_WEIGHTED;
            case PLUS -> RULE_PLUS;
            case DISCOUNTED -> RULE_DISCOUNTED;
        };
        int predict = config.prediction() == Prediction.LAST_INSTANTANEOUS_REGRET ? 1 : 0;
        int players = layout.players();
        this.launches = new KernelLaunch[CudaPrimitive.values().length * players][];
        for (int i = 0; i < players; i++) {
            set(CudaPrimitive.STRATEGY, i, strategy(i, limits));
            set(CudaPrimitive.REALIZATION_PLAN, i, realizationPlan(i, limits));
            set(CudaPrimitive.INSTANTANEOUS_REGRET, i, leafValues(i, limits), counterfactualRegret(i, limits));
            set(CudaPrimitive.UPDATE_REGRET, i, updateRegret(i, rule, predict, limits));
            set(CudaPrimitive.AVERAGE, i, average(i, limits));
        }
        set(CudaPrimitive.JOINT_PLAY, 0, jointPlay(limits));
        if (network != null) {
            set(CudaPrimitive.PREDICTION, 0, network(limits, 0, network.rows(), "all players"));
            for (int i = 0; i < players; i++) {
                set(CudaPrimitive.PLAYER_PREDICTION, i, network(limits, network.tables().firstRow(i),
                        network.tables().rows(i), "player " + i));
            }
        }
    }

    private void set(CudaPrimitive primitive, int player, KernelLaunch... l) {
        launches[primitive.ordinal() * layout.players() + player] = l;
    }

    /**
     * The launches of one primitive for one player (for {@link CudaPrimitive#JOINT_PLAY}, which concerns all
     * players, player 0), in execution order.
     */
    List<KernelLaunch> launches(CudaPrimitive primitive, int player) {
        KernelLaunch[] l = launches[primitive.ordinal() * layout.players() + player];
        if (l == null) {
            throw new IllegalArgumentException(primitive + " has no launches for player " + player);
        }
        return List.of(l);
    }

    /**
     * The two scalars the kernels of {@code primitive} read for iteration {@code iteration} or averaging step
     * {@code step}: [w, 0] for the weighted regret rules, [t^α/(t^α+1), t^β/(t^β+1)] for DCFR (computed in double
     * on the host, as {@link RegretUpdate} documents), [step, 0] for the averages and the joint play, [f(t), 0]
     * for the prediction (the network's iteration feature of iteration t).
     */
    void scalars(CudaPrimitive primitive, int iteration, double step, double[] into, int at) {
        double first = 0;
        double second = 0;
        switch (primitive) {
            case UPDATE_REGRET -> {
                switch (regretUpdate.kind()) {
                    case SUM, LINEAR -> first = regretUpdate.regretWeight(iteration);
                    case DISCOUNTED -> {
                        first = regretUpdate.positiveDiscount(iteration);
                        second = regretUpdate.negativeDiscount(iteration);
                    }
                    default -> { }
                }
            }
            case AVERAGE, JOINT_PLAY -> first = step;
            case PREDICTION, PLAYER_PREDICTION -> {
                if (network == null) {
                    throw new IllegalStateException("computePrediction needs a learned prediction");
                }
                first = network.iterationFeature(iteration);
            }
            default -> { }
        }
        into[at] = first;
        into[at + 1] = second;
    }

    private String context(int player) {
        return "player " + player + " of " + layout.gameName() + ": B=" + layout.batchSize() + ", S="
                + layout.numSequences(player) + ", I=" + layout.numInfosets(player) + ", Z=" + layout.numTerminals();
    }

    private static KernelArg.IntValue i(int v) {
        return new KernelArg.IntValue(v);
    }

    private static KernelArg.Slice table(int offset) {
        return new KernelArg.Slice(CudaBuffer.INT_TABLES, offset);
    }

    private KernelArg.Slice sequences(CudaBuffer buffer, int player) {
        return new KernelArg.Slice(buffer, layout.sequenceOffset(player));
    }

    private static KernelArg.Slice whole(CudaBuffer buffer) {
        return new KernelArg.Slice(buffer, 0);
    }

    private KernelLaunch strategy(int p, DeviceLimits limits) {
        CudaSessionLayout.PlayerTables t = layout.tables(p);
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.STRATEGY,
                LaunchGeometry.gridStride((long) b * (layout.numInfosets(p) + 1), limits),
                List.of(i(b), i(layout.numSequences(p)), i(layout.numInfosets(p)), table(t.firstSequence()),
                        table(t.numActions()), sequences(CudaBuffer.CUMULATIVE_REGRET, p),
                        sequences(CudaBuffer.PREDICTION, p), sequences(CudaBuffer.CURRENT_STRATEGY, p)),
                context(p));
    }

    private KernelLaunch realizationPlan(int p, DeviceLimits limits) {
        CudaSessionLayout.PlayerTables t = layout.tables(p);
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.REALIZATION_PLAN,
                LaunchGeometry.blockPerInstance(b, layout.widestDepth(p), limits),
                List.of(i(b), i(layout.numSequences(p)), i(layout.numDepths(p)), table(t.depthStart()),
                        table(t.firstSequence()), table(t.numActions()), table(t.parentSequence()),
                        sequences(CudaBuffer.CURRENT_STRATEGY, p), sequences(CudaBuffer.REALIZATION_PLAN, p)),
                context(p));
    }

    private KernelLaunch leafValues(int p, DeviceLimits limits) {
        CudaSessionLayout.PlayerTables t = layout.tables(p);
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.LEAF_VALUES,
                LaunchGeometry.gridStride((long) b * layout.numSequences(p), limits),
                List.of(i(b), i(layout.numSequences(p)), i(layout.numTerminals()), i(layout.players() - 1),
                        table(t.segmentStart()),
                        new KernelArg.Slice(CudaBuffer.WEIGHTED_UTILITY, layout.utilityOffset(p)),
                        table(t.otherSequence()), whole(CudaBuffer.REALIZATION_PLAN), table(t.otherPlanOffset()),
                        table(t.otherNumSequences()), sequences(CudaBuffer.COUNTERFACTUAL_VALUE, p)),
                context(p));
    }

    private KernelLaunch counterfactualRegret(int p, DeviceLimits limits) {
        CudaSessionLayout.PlayerTables t = layout.tables(p);
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.COUNTERFACTUAL_REGRET,
                LaunchGeometry.blockPerInstance(b, layout.widestDepth(p), limits),
                List.of(i(b), i(layout.numSequences(p)), i(layout.numInfosets(p)), i(layout.numDepths(p)),
                        table(t.depthStart()), table(t.firstSequence()), table(t.numActions()),
                        table(t.childInfosetStart()), sequences(CudaBuffer.CURRENT_STRATEGY, p),
                        sequences(CudaBuffer.COUNTERFACTUAL_VALUE, p), sequences(CudaBuffer.INSTANTANEOUS_REGRET, p),
                        new KernelArg.Slice(CudaBuffer.INFOSET_VALUE, layout.infosetOffset(p))),
                context(p));
    }

    private KernelLaunch updateRegret(int p, int rule, int predict, DeviceLimits limits) {
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.UPDATE_REGRET,
                LaunchGeometry.gridStride((long) b * layout.numSequences(p), limits),
                List.of(i(b), i(layout.numSequences(p)), i(rule), i(predict), KernelArg.SCALARS,
                        sequences(CudaBuffer.INSTANTANEOUS_REGRET, p), sequences(CudaBuffer.CUMULATIVE_REGRET, p),
                        sequences(CudaBuffer.PREDICTION, p)),
                context(p));
    }

    private KernelLaunch average(int p, DeviceLimits limits) {
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.AVERAGE,
                LaunchGeometry.gridStride((long) b * layout.numSequences(p), limits),
                List.of(i(b), i(layout.numSequences(p)), KernelArg.SCALARS, sequences(CudaBuffer.REALIZATION_PLAN, p),
                        sequences(CudaBuffer.AVERAGE_PLAN, p)),
                context(p));
    }

    private KernelLaunch jointPlay(DeviceLimits limits) {
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.JOINT_PLAY,
                LaunchGeometry.gridStride((long) b * layout.numTerminals(), limits),
                List.of(i(b), i(layout.players()), i(layout.numTerminals()), table(layout.terminalSequenceAt()),
                        whole(CudaBuffer.REALIZATION_PLAN), table(layout.planOffsetAt()),
                        table(layout.numSequencesAt()), KernelArg.SCALARS, whole(CudaBuffer.OPPONENT_WEIGHTS),
                        whole(CudaBuffer.JOINT_WEIGHTS)),
                "all players of " + layout.gameName() + ": B=" + layout.batchSize() + ", N=" + layout.players()
                        + ", Z=" + layout.numTerminals());
    }

    /** The network kernel on rows {@code firstRow .. firstRow + count − 1} of every instance. */
    private KernelLaunch network(DeviceLimits limits, int firstRow, int count, String whose) {
        int b = layout.batchSize();
        return new KernelLaunch(CudaKernel.NETWORK,
                LaunchGeometry.gridStride((long) b * count, limits),
                List.of(i(b), i(network.rows()), i(firstRow), i(count), i(network.infosets()), i(network.hidden()),
                        i(network.cell()), netTable(network.rowPlayerAt()), netTable(network.rowLocalAt()),
                        netTable(network.rowInfosetAt()), netTable(network.infosetFirstRowAt()),
                        netTable(network.infosetActionsAt()), table(layout.planOffsetAt()),
                        table(layout.numSequencesAt()), KernelArg.SCALARS, whole(CudaBuffer.NETWORK_PARAMETERS),
                        whole(CudaBuffer.PREDICTION_BOUND), whole(CudaBuffer.INSTANTANEOUS_REGRET),
                        whole(CudaBuffer.CUMULATIVE_REGRET), whole(CudaBuffer.CURRENT_STRATEGY),
                        whole(CudaBuffer.PREDICTION), whole(CudaBuffer.PREDICTOR_STATE),
                        whole(CudaBuffer.NETWORK_SCRATCH)),
                "learned prediction on " + whose + " of " + layout.gameName() + ": B=" + b + ", rows " + firstRow
                        + ".." + (firstRow + count - 1) + " of " + network.rows() + ", hidden=" + network.hidden());
    }

    private static KernelArg.Slice netTable(int offset) {
        return new KernelArg.Slice(CudaBuffer.NETWORK_TABLES, offset);
    }
}

package dev.nashforge.cuda;

import dev.nashforge.host.backend.Precision;

import java.util.List;

/**
 * The entry points of {@code CudaKernels.cu} with their parameter lists, in the order the kernels declare them.
 * Every {@link KernelLaunch} is checked against these lists when it is built, and {@code CudaKernelSignatureTest}
 * checks the lists against the CUDA source, so a launch cannot pass arguments the kernel does not expect.
 * Each kernel exists in two precisions: {@code <name>_f64} and {@code <name>_f32}.
 */
enum CudaKernel {
    STRATEGY("strategy", List.of(p("B"), p("S"), p("I"), table("firstSequence"), table("numActions"),
            in("regret"), in("prediction"), out("strategy"))),
    REALIZATION_PLAN("realization_plan", List.of(p("B"), p("S"), p("numDepths"), table("depthStart"),
            table("firstSequence"), table("numActions"), table("parentSequence"), in("strategy"), out("plan"))),
    LEAF_VALUES("leaf_values", List.of(p("B"), p("S"), p("Z"), p("numOthers"), table("segmentStart"),
            in("weightedUtility"), table("otherSequence"), in("plans"), table("otherPlanOffset"),
            table("otherNumSequences"), out("value"))),
    COUNTERFACTUAL_REGRET("counterfactual_regret", List.of(p("B"), p("S"), p("I"), p("numDepths"),
            table("depthStart"), table("firstSequence"), table("numActions"), table("childInfosetStart"),
            in("strategy"), out("value"), out("instantaneousRegret"), out("infosetValue"))),
    UPDATE_REGRET("update_regret", List.of(p("B"), p("S"), p("rule"), p("predict"), scalars(),
            in("instantaneousRegret"), out("regret"), out("prediction"))),
    AVERAGE("average", List.of(p("B"), p("S"), scalars(), in("plan"), out("average"))),
    JOINT_PLAY("joint_play", List.of(p("B"), p("N"), p("Z"), table("terminalSequence"), in("plans"),
            table("planOffset"), table("numSequences"), scalars(), out("opponentWeights"), out("jointWeights"))),
    NETWORK("network", List.of(p("B"), p("rows"), p("firstRow"), p("count"), p("G"), p("hidden"), p("cell"),
            table("rowPlayer"), table("rowLocal"), table("rowInfoset"), table("infosetFirstRow"),
            table("infosetActions"), table("planOffset"), table("numSequences"), scalars(), in("parameters"), in("bound"),
            in("instantaneousRegret"), in("regret"), in("strategy"), out("prediction"), out("state"),
            out("scratch")));

    /** What a kernel parameter is. */
    enum Kind {
        /** {@code int}. */
        INT,
        /** {@code const int*} into {@link CudaBuffer#INT_TABLES} or {@link CudaBuffer#NETWORK_TABLES}. */
        INT_TABLE,
        /** {@code const real*}: a real buffer the kernel reads. */
        REAL_IN,
        /** {@code real*}: a real buffer the kernel writes (and may read). */
        REAL_OUT,
        /** {@code const double*}: the operation's two scalars in {@link CudaBuffer#SCALARS}. */
        SCALARS
    }

    /** One parameter: its name in the CUDA source and its kind. */
    record Param(String name, Kind kind) {
    }

    private final String baseName;
    private final List<Param> params;

    CudaKernel(String baseName, List<Param> params) {
        this.baseName = baseName;
        this.params = params;
    }

    private static Param p(String name) {
        return new Param(name, Kind.INT);
    }

    private static Param table(String name) {
        return new Param(name, Kind.INT_TABLE);
    }

    private static Param in(String name) {
        return new Param(name, Kind.REAL_IN);
    }

    private static Param out(String name) {
        return new Param(name, Kind.REAL_OUT);
    }

    private static Param scalars() {
        return new Param("scalars", Kind.SCALARS);
    }

    /** The name without the precision suffix, e.g. {@code leaf_values}. */
    String baseName() {
        return baseName;
    }

    /** The entry point for a precision, e.g. {@code leaf_values_f64}. */
    String entryPoint(Precision precision) {
        return baseName + (precision == Precision.FLOAT ? "_f32" : "_f64");
    }

    /** The parameters in declaration order. */
    List<Param> params() {
        return params;
    }

    /** Whether the kernel synchronizes the threads of a block ({@code __syncthreads}): the treeplex passes. */
    boolean usesBlockBarrier() {
        return this == REALIZATION_PLAN || this == COUNTERFACTUAL_REGRET;
    }
}

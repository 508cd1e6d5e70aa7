package dev.nashforge.host.meta;

import dev.nashforge.host.meta.nn.NetworkTape;

/**
 * What the reverse pass needs from one unrolled iteration: the carries before and after it, the strategy σ^t,
 * plans x^t, counterfactual action values q^t, instantaneous regrets r^t (all {@code [sequence]}), the network's
 * tape and the averaging factor {@code f = w_t/W_t}. Not thread-safe.
 */
final class IterationRecord {

    final SolverCarry in;
    final SolverCarry out;
    final double[] strategy;
    final double[] plan;
    final double[] actionValue;
    final double[] regret;
    final NetworkTape tape;
    /** The player sub-steps of an alternating iteration (null for simultaneous updates or forward-only use). */
    final AlternatingStep.Record alternating;
    double factor;
    /** Whether the prediction of the next iteration was computed (the network or the sub-steps ran). */
    boolean networkRan;

    IterationRecord(SolverCarry in, SolverCarry out, int sequences, NetworkTape tape) {
        this(in, out, sequences, tape, null);
    }

    IterationRecord(SolverCarry in, SolverCarry out, int sequences, NetworkTape tape,
                    AlternatingStep.Record alternating) {
        this.in = in;
        this.out = out;
        this.strategy = new double[sequences];
        this.plan = new double[sequences];
        this.actionValue = new double[sequences];
        this.regret = new double[sequences];
        this.tape = tape;
        this.alternating = alternating;
    }

    long bytes() {
        return in.bytes() + out.bytes() + 8L * 4 * strategy.length + (tape == null ? 0 : tape.bytes()) + 16;
    }
}

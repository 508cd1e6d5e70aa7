package dev.nashforge.host.meta;

import java.util.Arrays;

/**
 * The state the unrolled solver carries from iteration t to t+1 — or, in the backward pass, its adjoint:
 * cumulative regret R {@code [sequence]}, the prediction for the next iteration m {@code [sequence]}, the
 * network's recurrent state h {@code [sequence][stateSize]}, the average plans x̄ {@code [sequence]}, the joint
 * terminal weights J {@code [terminal]}, the opponent terminal weights y {@code [player][terminal]} (empty
 * unless the CCEGap term needs them) and the total averaging weight W. Checkpointed recomputation stores these.
 * Not thread-safe.
 */
final class SolverCarry {

    final double[] regret;
    final double[] prediction;
    final double[] state;
    final double[] average;
    final double[] joint;
    final double[] opponent;
    double totalWeight;

    SolverCarry(int sequences, int stateSize, int terminals, int opponentSize) {
        this.regret = new double[sequences];
        this.prediction = new double[sequences];
        this.state = new double[sequences * stateSize];
        this.average = new double[sequences];
        this.joint = new double[terminals];
        this.opponent = new double[opponentSize];
    }

    void clear() {
        Arrays.fill(regret, 0.0);
        Arrays.fill(prediction, 0.0);
        Arrays.fill(state, 0.0);
        Arrays.fill(average, 0.0);
        Arrays.fill(joint, 0.0);
        Arrays.fill(opponent, 0.0);
        totalWeight = 0;
    }

    void copyFrom(SolverCarry o) {
        System.arraycopy(o.regret, 0, regret, 0, regret.length);
        System.arraycopy(o.prediction, 0, prediction, 0, prediction.length);
        System.arraycopy(o.state, 0, state, 0, state.length);
        System.arraycopy(o.average, 0, average, 0, average.length);
        System.arraycopy(o.joint, 0, joint, 0, joint.length);
        System.arraycopy(o.opponent, 0, opponent, 0, opponent.length);
        totalWeight = o.totalWeight;
    }

    long bytes() {
        return 8L * (regret.length + prediction.length + state.length + average.length + joint.length
                + opponent.length + 1);
    }
}

package dev.nashforge.host.run;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.JointPlay;
import dev.nashforge.host.metrics.NashGapReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the checkpoint metrics of every instance of a session (method.md §4) with the exact double
 * {@link ExactEvaluator}: NashGap of the average profile (behaviour of the read-back average plans) and of the
 * last iterate, and, when the joint play is tracked, CCEGap and total correlation of the accumulated joint
 * play. Reads the session's state once per call. Not thread-safe (like the session).
 */
final class CheckpointMetrics {

    private final SolverSession session;
    private final ExactEvaluator evaluator;
    private final GameInstance[] instances;

    CheckpointMetrics(SolverSession session) {
        this.session = session;
        GameBatch batch = session.batch();
        this.evaluator = new ExactEvaluator(batch.structure());
        this.instances = new GameInstance[batch.size()];
        for (int b = 0; b < instances.length; b++) {
            instances[b] = batch.instance(b);
        }
    }

    /** The records of the checkpoint after {@code iteration} iterations with total weight {@code totalWeight}. */
    List<CheckpointRecord> evaluate(int iteration, double totalWeight, boolean trackJointPlay) {
        double[][][] averagePlans = session.read(SequenceBuffer.AVERAGE_PLAN);
        double[][][] current = session.read(SequenceBuffer.CURRENT_STRATEGY);
        JointPlayWeights[] joint = trackJointPlay ? session.readJointPlay() : null;
        List<CheckpointRecord> records = new ArrayList<>();
        for (int b = 0; b < instances.length; b++) {
            NashGapReport average = evaluator.nashGap(instances[b], evaluator.behaviourFromPlans(averagePlans[b]));
            NashGapReport last = evaluator.nashGap(instances[b], current[b]);
            double cce = Double.NaN;
            double tc = Double.NaN;
            if (joint != null) {
                JointPlay play = JointPlay.of(totalWeight, averagePlans[b], joint[b].opponentWeights(),
                        joint[b].jointWeights());
                cce = evaluator.cceGap(instances[b], play);
                tc = evaluator.totalCorrelation(instances[b], play);
            }
            records.add(new CheckpointRecord(iteration, b, average.nashGap(), average.deviationIncentives(),
                    average.expectedValues(), average.exploitability(), last.nashGap(), cce, tc));
        }
        return records;
    }

    /** {@code [batch][player][sequence]} behaviour of the average plans. */
    double[][][] averageBehaviour() {
        double[][][] plans = session.read(SequenceBuffer.AVERAGE_PLAN);
        double[][][] out = new double[plans.length][][];
        for (int b = 0; b < plans.length; b++) {
            out[b] = evaluator.behaviourFromPlans(plans[b]);
        }
        return out;
    }
}

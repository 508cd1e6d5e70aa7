package dev.nashforge.host.backend;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a {@link SolverSession} carries from one iteration to the next, read back for a resumable
 * checkpoint: every {@linkplain SequenceBuffer#persistent() persistent} buffer and the joint-play weights.
 * Values of a {@link Precision#FLOAT} session are binary32 values held exactly in doubles, so a write after a
 * read restores the session bit for bit.
 *
 * @param buffers        {@code buffer -> [batch][player][sequence]}, one entry per persistent buffer
 * @param jointPlay      {@code [batch]} joint-play weights
 * @param predictorState {@code [batch][stateLength]} the recurrent state of a learned prediction (NPCFR), in the
 *                       backend's layout ({@link SolverSession#readPredictorState()}); {@code [0][]} for
 *                       configurations without one
 */
public record SessionState(Map<SequenceBuffer, double[][][]> buffers, JointPlayWeights[] jointPlay,
                           double[][] predictorState) {

    /** A state without a recurrent predictor state. */
    public SessionState(Map<SequenceBuffer, double[][][]> buffers, JointPlayWeights[] jointPlay) {
        this(buffers, jointPlay, new double[0][]);
    }

    public SessionState {
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (b.persistent() && !buffers.containsKey(b)) {
                throw new IllegalArgumentException("session state lacks the persistent buffer " + b);
            }
            if (!b.persistent() && buffers.containsKey(b)) {
                throw new IllegalArgumentException("session state holds the scratch buffer " + b
                        + ", which is not part of the state");
            }
        }
        buffers = new EnumMap<>(buffers);
        if (predictorState == null) {
            throw new IllegalArgumentException("session state: predictorState is null; use an empty [0][] array for"
                    + " configurations without a learned prediction");
        }
    }

    /** {@code [batch][player][sequence]} contents of one persistent buffer. */
    public double[][][] buffer(SequenceBuffer b) {
        double[][][] v = buffers.get(b);
        if (v == null) {
            throw new IllegalArgumentException(b + " is not a persistent buffer");
        }
        return v;
    }
}

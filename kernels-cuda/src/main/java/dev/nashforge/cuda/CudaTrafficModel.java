package dev.nashforge.cuda;

import dev.nashforge.host.backend.Precision;

/**
 * The compulsory device-memory traffic of each primitive: every element a kernel must read or write, counted
 * once (a lower bound: re-reads that miss the caches, such as the gathers of the other players' plans, add to
 * it). Achieved bandwidth = these bytes / measured time, to compare with the device's copy bandwidth. Pure Java.
 *
 * <p>Per player p with S sequences, I infosets, B instances, Z terminals, N players, element size r:
 * strategy 3BSr + 8I (R, m read, σ written, infoset tables); plan 2BSr + 12I; leaf values
 * BZr + B·Σ_{j≠p}S_j·r + BSr + 4(N−1)Z + 4(S+1); bottom-up pass 4BSr + 2BIr + 16I + 8S; regret update
 * 3BSr (+ BSr when predicting); average 3BSr; joint play B·ΣS_j·r + 2BNZr + 2BZr + 4NZ.
 */
final class CudaTrafficModel {

    private final CudaSessionLayout layout;
    private final long r;
    private final boolean predict;

    CudaTrafficModel(CudaSessionLayout layout, Precision precision, boolean predict) {
        this.layout = layout;
        this.r = precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
        this.predict = predict;
    }

    /** Bytes moved by one primitive for one player (player ignored for the joint play). */
    long bytes(CudaPrimitive primitive, int p) {
        long b = layout.batchSize();
        long s = layout.numSequences(p);
        long i = layout.numInfosets(p);
        long z = layout.numTerminals();
        long n = layout.players();
        return switch (primitive) {
            case STRATEGY -> 3 * b * s * r + 8 * i;
            case REALIZATION_PLAN -> 2 * b * s * r + 12 * i;
            case INSTANTANEOUS_REGRET -> b * z * r + b * (totalSequences() - s) * r + b * s * r + 4 * (n - 1) * z
                    + 4 * (s + 1) + 4 * b * s * r + 2 * b * i * r + 16 * i + 8 * s;
            case UPDATE_REGRET -> (predict ? 4 : 3) * b * s * r;
            case AVERAGE -> 3 * b * s * r;
            case JOINT_PLAY -> b * totalSequences() * r + 2 * b * n * z * r + 2 * b * z * r + 4 * n * z;
            // the forward pass reads r, R, m, σ and writes m over all players (its weights stay in cache; the
            // recurrent state depends on the model and is not counted)
            case PREDICTION -> 5 * b * totalSequences() * r;
            case PLAYER_PREDICTION -> 5 * b * s * r;
        };
    }

    /**
     * Bytes of one {@link dev.nashforge.host.solver.RegretMinimizer#iterate()} (either update mode): per player an
     * average, the instantaneous regrets, the regret update, the strategy and the plan; no joint play.
     */
    long iterationBytes() {
        long total = 0;
        for (int p = 0; p < layout.players(); p++) {
            total += bytes(CudaPrimitive.AVERAGE, p) + bytes(CudaPrimitive.INSTANTANEOUS_REGRET, p)
                    + bytes(CudaPrimitive.UPDATE_REGRET, p) + bytes(CudaPrimitive.STRATEGY, p)
                    + bytes(CudaPrimitive.REALIZATION_PLAN, p);
        }
        return total;
    }

    private long totalSequences() {
        long t = 0;
        for (int p = 0; p < layout.players(); p++) {
            t += layout.numSequences(p);
        }
        return t;
    }
}

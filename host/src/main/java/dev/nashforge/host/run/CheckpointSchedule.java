package dev.nashforge.host.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The iterations after which a run evaluates its metrics (and writes its solver-state file): a strictly
 * increasing list of positive iteration counts. Immutable.
 *
 * @param iterations the checkpoint iterations, strictly increasing, each ≥ 1
 */
public record CheckpointSchedule(List<Integer> iterations) {

    public CheckpointSchedule {
        iterations = List.copyOf(iterations);
        for (int k = 0; k < iterations.size(); k++) {
            int t = iterations.get(k);
            if (t < 1) {
                throw new IllegalArgumentException("checkpoint iterations start at 1, got " + t);
            }
            if (k > 0 && t <= iterations.get(k - 1)) {
                throw new IllegalArgumentException("checkpoint iterations must be strictly increasing: "
                        + iterations.get(k - 1) + " then " + t);
            }
        }
    }

    /** The given iterations, sorted and deduplicated. */
    public static CheckpointSchedule of(int... iterations) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int t : iterations) {
            set.add(t);
        }
        return new CheckpointSchedule(new ArrayList<>(set));
    }

    /** 1, 2, 4, … up to {@code total}, and {@code total} itself when it is not a power of two. */
    public static CheckpointSchedule powersOfTwo(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("a run needs at least 1 iteration, got " + total);
        }
        List<Integer> list = new ArrayList<>();
        for (long t = 1; t <= total; t *= 2) {
            list.add((int) t);
        }
        if (list.get(list.size() - 1) != total) {
            list.add(total);
        }
        return new CheckpointSchedule(list);
    }

    /** The first checkpoint strictly after {@code iteration}, or -1. */
    public int next(int iteration) {
        for (int t : iterations) {
            if (t > iteration) {
                return t;
            }
        }
        return -1;
    }

    /** Whether {@code iteration} is a checkpoint. */
    public boolean contains(int iteration) {
        return iterations.contains(iteration);
    }
}

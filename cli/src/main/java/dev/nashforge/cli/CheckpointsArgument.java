package dev.nashforge.cli;

import dev.nashforge.host.run.CheckpointSchedule;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.TreeSet;

/**
 * Resolves {@code --checkpoints pow2|LIST} of {@code nash solve} to a {@link CheckpointSchedule} for T
 * iterations: {@code pow2} is 1, 2, 4, … up to T; LIST is comma-separated iteration counts between 1 and T (any
 * order, duplicates ignored). T itself is always a checkpoint, so every run reports its final metrics. Stateless.
 */
final class CheckpointsArgument {

    /** Description of the option, shared by the help. */
    static final String DESCRIPTION = "When to evaluate the metrics (and write the --state file): pow2 (1, 2, 4, ... "
            + "up to T) or a comma-separated list such as 10,100,1000; T is always included. Default: "
            + "${DEFAULT-VALUE}.";

    private CheckpointsArgument() {
    }

    /**
     * The schedule for {@code iterations} = T ≥ 1.
     *
     * @throws ParameterException for an entry that is not an integer or lies outside 1..T
     */
    static CheckpointSchedule resolve(CommandSpec spec, String text, int iterations) {
        String key = text.trim();
        if (key.equalsIgnoreCase("pow2")) {
            return CheckpointSchedule.powersOfTwo(iterations);
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (String part : key.split(",", -1)) {
            String p = part.trim();
            int t;
            try {
                t = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--checkpoints " + text + ": '" + p + "' is not an"
                        + " iteration count; use pow2 or a comma-separated list of integers such as 10,100,1000");
            }
            if (t < 1 || t > iterations) {
                throw new ParameterException(spec.commandLine(), "--checkpoints " + text + ": " + t + " is outside 1.."
                        + iterations + " (the run has --iterations " + iterations + ")");
            }
            set.add(t);
        }
        set.add(iterations);
        return CheckpointSchedule.of(set.stream().mapToInt(Integer::intValue).toArray());
    }
}

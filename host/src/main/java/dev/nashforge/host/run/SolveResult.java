package dev.nashforge.host.run;

/**
 * The outcome of a {@link SolveRun}: its record and the average profile, for the profile file writer.
 *
 * @param record           what was run and measured
 * @param averageBehaviour {@code [batch][player][sequence]} behaviour strategies of the average realization
 *                         plans (σ̄(a|I) = x̄[(I,a)] / Σ_b x̄[(I,b)], uniform where never reached; entry 0 = 1)
 *                         after the last iteration run (for a stopped run: the iteration it stopped at)
 * @param stopped          whether the run stopped early on its {@link RunOptions#stop() stop request}, after
 *                         {@code record.iterations()} of the requested iterations (the state file, if any, holds
 *                         that iteration, so the same run with resume continues from it)
 */
public record SolveResult(RunRecord record, double[][][] averageBehaviour, boolean stopped) {
}

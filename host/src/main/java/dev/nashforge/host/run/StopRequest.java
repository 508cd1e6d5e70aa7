package dev.nashforge.host.run;

/**
 * A cooperative request to stop a long run early, for example after Ctrl-C. {@link SolveRun} asks after every
 * iteration and the meta-trainer after every optimizer step; once it answers {@code true} they finish the unit of
 * work in progress, save their resumable state (when a state or checkpoint file was given) and stop, so an
 * interruption loses nothing. Implementations must be thread-safe: the request is usually set on another thread
 * (a signal handler) than the one that asks.
 */
@FunctionalInterface
public interface StopRequest {

    /** Never asks to stop. */
    StopRequest NEVER = () -> false;

    /** Whether the run should stop at the next safe point. */
    boolean requested();
}

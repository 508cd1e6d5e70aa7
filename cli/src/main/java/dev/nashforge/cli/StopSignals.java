package dev.nashforge.cli;

import dev.nashforge.host.run.StopRequest;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal or SSH session closing) for the long-running commands
 * ({@code solve}, {@code compare}, {@code train}). The first signal sets this {@link StopRequest} and prints one
 * line on stderr saying what happens next; the run then finishes the unit of work in progress, saves its state file
 * or checkpoint and ends with exit code 128 + the signal's number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP),
 * as shells expect. A second signal exits at once with that code, without saving. {@link #close()} puts back the
 * handlers that were there before.
 *
 * <p>Where the JVM does not let us handle a signal (for example under {@code -Xrs}), that signal keeps its default
 * behaviour: a signal ignored when the JVM started (SIGHUP under {@code nohup}, SIGINT in a background job of a
 * script) stays ignored; otherwise the process ends at once and the periodic saves ({@code --state-interval}, the
 * training save interval) bound what is lost.
 *
 * <p>Uses {@code sun.misc.Signal} of the {@code jdk.unsupported} module, which JEP 260 keeps accessible because the
 * JDK has no standard replacement (javac warns about it; checked on JDK 17 and 25).
 */
final class StopSignals implements StopRequest, AutoCloseable {

    /** The signals handled, with their numbers on Linux and macOS. */
    private static final Map<String, Integer> SIGNALS = new LinkedHashMap<>(Map.of("INT", 2, "TERM", 15, "HUP", 1));

    private final PrintWriter err;
    private final String whatHappens;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals(PrintWriter err, String whatHappens) {
        this.err = err;
        this.whatHappens = whatHappens;
    }

    /**
     * Installs the handlers.
     *
     * @param err         where the line of the first signal goes
     * @param whatHappens the rest of that line after "SIGINT received: ", e.g. "stopping after the current
     *                    iteration and saving the state to run.state"
     */
    static StopSignals install(PrintWriter err, String whatHappens) {
        StopSignals s = new StopSignals(err, whatHappens);
        for (String name : SIGNALS.keySet()) {
            try {
                Signal signal = new Signal(name);
                s.previous.put(signal, Signal.handle(signal, s::onSignal));
            } catch (IllegalArgumentException unavailable) {
                // the JVM keeps this signal (e.g. -Xrs): its default behaviour stays
            }
        }
        return s;
    }

    private void onSignal(Signal signal) {
        String name = "SIG" + signal.getName();
        if (!received.compareAndSet(null, name)) {
            err.println();
            err.println("nash: " + name + " received again: quitting at once");
            err.flush();
            Runtime.getRuntime().halt(128 + SIGNALS.getOrDefault(signal.getName(), signal.getNumber()));
        }
        err.println();
        err.println("nash: " + name + " received: " + whatHappens + " (send it again to quit at once)");
        err.flush();
    }

    /** Simulates the arrival of {@code SIGINT}, {@code SIGTERM} or {@code SIGHUP} (for tests). */
    void raise(String name) {
        onSignal(new Signal(name));
    }

    @Override
    public boolean requested() {
        return received.get() != null;
    }

    /** The signal that asked to stop ({@code SIGINT}, {@code SIGTERM} or {@code SIGHUP}), or null. */
    String signal() {
        return received.get();
    }

    /**
     * 128 + the number of {@code signal} ({@code SIGINT} 130, {@code SIGTERM} 143, {@code SIGHUP} 129): the exit
     * code after it.
     */
    static int exitCode(String signal) {
        Integer number = signal.startsWith("SIG") ? SIGNALS.get(signal.substring(3)) : null;
        if (number == null) {
            throw new IllegalArgumentException("not a handled signal: " + signal);
        }
        return 128 + number;
    }

    /**
     * Puts back the previous handlers. Never throws: the JVM can hand back a previous handler it cannot reinstall
     * (seen once in CI as a {@code NullPointerException: handler}, after PoCL's LLVM had installed and restored
     * native handlers behind the JVM's back); that signal then gets its default action, which for SIGINT, SIGTERM
     * and SIGHUP also ends the process.
     */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (NullPointerException | IllegalArgumentException unrestorable) {
                Signal.handle(signal, SignalHandler.SIG_DFL);
            }
        });
        previous.clear();
    }
}

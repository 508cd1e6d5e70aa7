package dev.nashforge.opencl;

import com.aparapi.Config;
import com.aparapi.Kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Aparapi reports why a kernel falls back to its Java thread pool only in its log ("Device failed for
 * &lt;kernel&gt;: &lt;reason&gt;"). This keeps the last warnings of Aparapi's logger so that
 * {@link OpenClFallbackException} can name the reason. Installed once per JVM; thread-safe.
 */
final class AparapiLog {

    private static final int KEPT = 64;
    private static final Deque<String> WARNINGS = new ArrayDeque<>();
    private static final Logger LOGGER = Logger.getLogger(Config.getLoggerName());

    static {
        LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage() != null) {
                    synchronized (WARNINGS) {
                        if (WARNINGS.size() == KEPT) {
                            WARNINGS.removeFirst();
                        }
                        WARNINGS.addLast(record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private AparapiLog() {
    }

    /** Ensures the handler is installed (before the first kernel runs). */
    static void install() {
        // the static initializer does the work
    }

    /**
     * Aparapi's reason for the fallback of {@code kernel}: the message of {@code failure} when there is one, then
     * the logged warnings that name the kernel's class, most recent last.
     */
    static String reasonFor(Kernel kernel, Throwable failure) {
        List<String> reasons = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !reasons.contains(t.getMessage())) {
                reasons.add(t.getMessage());
            }
        }
        String name = kernel.getClass().getSimpleName();
        synchronized (WARNINGS) {
            for (String w : WARNINGS) {
                if (w.contains(name) && !reasons.contains(w)) {
                    reasons.add(w);
                }
            }
        }
        return reasons.isEmpty() ? "Aparapi gave no reason (run with -Djava.util.logging.config.file to see its log)"
                : String.join("; ", reasons);
    }
}

package dev.nashforge.host.backend;

import java.util.List;

/**
 * The outcome of {@link BackendRegistry#select(String)}: the backend obtained and, for {@code auto}, why the
 * higher-priority ones were passed over (style.md rule 2: no silent fallback).
 *
 * @param backend     the selected backend (available)
 * @param info        its listing entry (device included)
 * @param explanation one line naming the choice and every backend tried before it with its reason, e.g.
 *                    {@code "auto: cuda unavailable (no CUDA driver); opencl unavailable (...); using cpu"}
 * @param passedOver  for {@code auto}, the backends tried before the chosen one, highest priority first (the
 *                    explanation's parts, structured); empty for a backend selected by name
 */
public record BackendSelection(Backend backend, BackendInfo info, String explanation, List<PassedOver> passedOver) {

    /** Why {@code auto} did not take a backend of higher priority. */
    public enum Why {
        /** The backend cannot run here ({@link BackendAvailability#reason()}). */
        UNAVAILABLE,
        /** The backend could run, but auto does not take it ({@link BackendAvailability#autoPassReason()}). */
        NOT_FOR_AUTO,
        /** The backend cannot run this solver configuration ({@link Backend#unsupportedReason}). */
        CANNOT_RUN
    }

    /**
     * One backend {@code auto} tried before the one it took.
     * @param backend the backend's name
     * @param why     the kind of reason
     * @param reason  the reason in words
     */
    public record PassedOver(String backend, Why why, String reason) {
    }

    public BackendSelection {
        if (backend == null || info == null) {
            throw new IllegalArgumentException("a selection needs a backend and its info");
        }
        passedOver = List.copyOf(passedOver);
    }
}

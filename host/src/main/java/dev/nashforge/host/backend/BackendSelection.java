package dev.nashforge.host.backend;

/**
 * The outcome of {@link BackendRegistry#select(String)}: the backend obtained and, for {@code auto}, why the
 * higher-priority ones were passed over (style.md rule 2: no silent fallback).
 *
 * @param backend     the selected backend (available)
 * @param info        its listing entry (device included)
 * @param explanation one line naming the choice and every backend tried before it with its reason, e.g.
 *                    {@code "auto: cuda unavailable (no CUDA driver); opencl unavailable (...); using cpu"}
 */
public record BackendSelection(Backend backend, BackendInfo info, String explanation) {

    public BackendSelection {
        if (backend == null || info == null) {
            throw new IllegalArgumentException("a selection needs a backend and its info");
        }
    }

}

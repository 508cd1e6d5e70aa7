package dev.nashforge.host.backend;

/**
 * Result of probing a backend: whether it can run here, on which device, and why not when it cannot.
 *
 * @param available whether {@link Backend#open} can be called
 * @param device    human-readable device description (e.g. "CPU: 2 threads, Java 17 (OpenJDK 64-Bit Server VM)");
 *                  empty when unavailable
 * @param reason    why the backend is unavailable and what to do about it; empty when available
 */
public record BackendAvailability(boolean available, String device, String reason) {

    public BackendAvailability {
        device = device == null ? "" : device;
        reason = reason == null ? "" : reason;
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable backend must say why");
        }
    }

    public static BackendAvailability available(String device) {
        return new BackendAvailability(true, device, "");
    }

    public static BackendAvailability unavailable(String reason) {
        return new BackendAvailability(false, "", reason);
    }
}

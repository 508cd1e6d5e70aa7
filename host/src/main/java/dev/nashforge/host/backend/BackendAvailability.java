package dev.nashforge.host.backend;

/**
 * Result of probing a backend: whether it can run here, on which device, why not when it cannot, and whether
 * {@code --backend auto} may choose it.
 *
 * @param available      whether {@link Backend#open} can be called
 * @param device         human-readable device description (e.g. "CPU: 2 threads, Java 17 (OpenJDK 64-Bit Server
 *                       VM)"); empty when unavailable
 * @param reason         why the backend is unavailable and what to do about it; empty when available
 * @param autoPassReason why {@code --backend auto} passes over this <em>available</em> backend (e.g. its only
 *                       device is an OpenCL emulation on the host CPU, slower than the native CPU backend); empty
 *                       when auto may pick it. Naming the backend explicitly still uses it.
 */
public record BackendAvailability(boolean available, String device, String reason, String autoPassReason) {

    public BackendAvailability {
        device = device == null ? "" : device;
        reason = reason == null ? "" : reason;
        autoPassReason = autoPassReason == null ? "" : autoPassReason;
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable backend must say why");
        }
    }

    public static BackendAvailability available(String device) {
        return new BackendAvailability(true, device, "", "");
    }

    /** Available when named, but passed over by {@code --backend auto} for the given reason. */
    public static BackendAvailability availableNotForAuto(String device, String autoPassReason) {
        if (autoPassReason == null || autoPassReason.isBlank()) {
            throw new IllegalArgumentException("a backend that auto passes over must say why");
        }
        return new BackendAvailability(true, device, "", autoPassReason);
    }

    public static BackendAvailability unavailable(String reason) {
        return new BackendAvailability(false, "", reason, "");
    }

    /** Whether {@code --backend auto} may choose this backend. */
    public boolean eligibleForAuto() {
        return available && autoPassReason.isEmpty();
    }
}

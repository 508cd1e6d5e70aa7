package dev.nashforge.host.backend;

import java.util.List;

/**
 * One line of the backend listing ({@code nash backends [--json]}): a discovered backend, or a provider that
 * failed to load.
 *
 * @param name       the backend's name ({@code cpu}, {@code opencl}, {@code cuda}); for a provider that failed to
 *                   load, its class name
 * @param priority   order of {@code --backend auto}: higher is tried first
 * @param available  whether it can run here
 * @param device     the device it runs on (empty when unavailable)
 * @param reason     why it is unavailable (empty when available)
 * @param precisions the precisions it supports, as {@link Precision#label()}s
 */
public record BackendInfo(String name, int priority, boolean available, String device, String reason,
                          List<String> precisions) {

    public BackendInfo {
        precisions = List.copyOf(precisions);
    }
}

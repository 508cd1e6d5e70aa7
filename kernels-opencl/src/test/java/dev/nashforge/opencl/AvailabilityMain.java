package dev.nashforge.opencl;

import dev.nashforge.host.backend.BackendAvailability;

/** Prints the OpenCL backend's availability as one line, for tests that probe in a fresh JVM. */
public final class AvailabilityMain {

    private AvailabilityMain() {
    }

    public static void main(String[] args) {
        BackendAvailability a = new OpenClBackend().availability();
        System.out.println("available=" + a.available() + "|device=" + a.device() + "|reason=" + a.reason());
    }
}

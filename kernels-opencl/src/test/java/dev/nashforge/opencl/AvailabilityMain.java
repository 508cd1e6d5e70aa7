package dev.nashforge.opencl;

import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;

/**
 * Prints, as one line, for tests that probe in a fresh JVM: without arguments the OpenCL backend's availability;
 * with {@code auto} what {@code --backend auto} selects, whether the OpenCL kernels were compiled on the way and
 * the chosen device's type.
 */
public final class AvailabilityMain {

    private AvailabilityMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("auto")) {
            BackendSelection s = BackendRegistry.discover().select("auto");
            OpenClDeviceProbe.Discovery d = OpenClDeviceProbe.discovery();
            System.out.println("selected=" + s.backend().name() + "|compiled=" + OpenClDeviceProbe.compiled()
                    + "|type=" + (d.device() == null ? "none" : d.device().getType()) + "|explanation="
                    + s.explanation());
            return;
        }
        BackendAvailability a = new OpenClBackend().availability();
        System.out.println("available=" + a.available() + "|device=" + a.device() + "|reason=" + a.reason());
    }
}

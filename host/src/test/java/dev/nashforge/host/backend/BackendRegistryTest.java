package dev.nashforge.host.backend;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing and selection rules of {@link BackendRegistry}, on fake backends (no silent fallback). */
class BackendRegistryTest {

    private record FakeBackend(String name, int priority, BackendAvailability probe, boolean probeThrows)
            implements Backend {

        @Override
        public BackendAvailability availability() {
            if (probeThrows) {
                throw new UnsatisfiedLinkError("libfake.so: cannot open shared object file");
            }
            return probe;
        }

        @Override
        public Set<Precision> precisions() {
            return EnumSet.of(Precision.FLOAT);
        }

        @Override
        public SolverSession open(GameBatch batch, SolverConfig config) {
            throw new UnsupportedOperationException("fake");
        }
    }

    private static final FakeBackend CUDA = new FakeBackend("cuda", 300,
            BackendAvailability.unavailable("no CUDA driver found"), false);
    private static final FakeBackend OPENCL = new FakeBackend("opencl", 200, null, true);
    private static final FakeBackend CPU = new FakeBackend("cpu", 100,
            BackendAvailability.available("CPU: 2 threads"), false);

    @Test
    void listsEveryBackendByPriorityWithAvailabilityAndReason() {
        List<BackendInfo> list = BackendRegistry.of(List.of(CPU, CUDA, OPENCL)).list();
        assertEquals(List.of("cuda", "opencl", "cpu"), list.stream().map(BackendInfo::name).toList());
        assertFalse(list.get(0).available());
        assertEquals("no CUDA driver found", list.get(0).reason());
        assertFalse(list.get(1).available(), "a probe that throws is reported as unavailable");
        assertTrue(list.get(1).reason().contains("libfake.so"), list.get(1).reason());
        assertTrue(list.get(2).available());
        assertEquals("CPU: 2 threads", list.get(2).device());
        assertEquals(List.of("float"), list.get(2).precisions());
    }

    @Test
    void autoTakesTheBestAvailableAndSaysWhyOthersWereSkipped() {
        BackendSelection s = BackendRegistry.of(List.of(CPU, CUDA, OPENCL)).select("auto");
        assertSame(CPU, s.backend());
        assertTrue(s.explanation().contains("cuda unavailable (no CUDA driver found)"), s.explanation());
        assertTrue(s.explanation().contains("opencl unavailable"), s.explanation());
        assertTrue(s.explanation().endsWith("using cpu (CPU: 2 threads)"), s.explanation());
    }

    @Test
    void autoPassesOverAnAvailableBackendThatSaysWhyButNamingItStillWorks() {
        FakeBackend emulated = new FakeBackend("opencl", 200,
                BackendAvailability.availableNotForAuto("OpenCL: host CPU", "its device is the host CPU"), false);
        BackendRegistry registry = BackendRegistry.of(List.of(CPU, CUDA, emulated));
        BackendSelection auto = registry.select("auto");
        assertSame(CPU, auto.backend());
        assertTrue(auto.explanation().contains("opencl passed over (its device is the host CPU; use --backend opencl"),
                auto.explanation());
        assertSame(emulated, registry.select("opencl").backend());
        BackendInfo info = registry.list().get(1);
        assertTrue(info.available());
        assertFalse(info.eligibleForAuto());
        assertThrows(IllegalArgumentException.class,
                () -> BackendAvailability.availableNotForAuto("device", " "), "the reason is required");
    }

    @Test
    void autoPassesOverABackendWhoseCheapStageSaysSoWithoutTheFullProbe() {
        int[] probes = new int[1];
        Backend cpuOpenCl = counting("opencl", 200, probes, 0,
                BackendAvailability.availableNotForAuto("OpenCL: host CPU", "its device is the host CPU"),
                Optional.of("its device is the host CPU"));
        BackendRegistry registry = BackendRegistry.of(List.of(CPU, CUDA, cpuOpenCl));
        BackendSelection auto = registry.select("auto", SolverConfig.cfr());
        assertSame(CPU, auto.backend());
        assertEquals(0, probes[0], "auto must not run the full probe of a backend it passes over early");
        assertEquals("auto: cuda unavailable (no CUDA driver found); opencl passed over (its device is the host CPU;"
                + " use --backend opencl to run it); using cpu (CPU: 2 threads)", auto.explanation());
        registry.list();
        assertEquals(1, probes[0], "listing still probes it fully");
        assertEquals(auto.explanation(), registry.select("auto").explanation(),
                "the same words before and after the full probe");
        assertSame(cpuOpenCl, registry.select("opencl").backend());
    }

    @Test
    void namedSelectionNeverFallsBack() {
        BackendRegistry registry = BackendRegistry.of(List.of(CPU, CUDA));
        IllegalArgumentException unavailable = assertThrows(IllegalArgumentException.class,
                () -> registry.select("cuda"));
        assertTrue(unavailable.getMessage().contains("no CUDA driver found"), unavailable.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry.select("tpu"));
        assertTrue(unknown.getMessage().contains("'cuda', 'cpu'"), unknown.getMessage());
        assertSame(CPU, registry.select("CPU").backend());
    }

    @Test
    void autoWithNothingAvailableFailsWithTheReasons() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendRegistry.of(List.of(CUDA)).select("auto"));
        assertTrue(e.getMessage().contains("no CUDA driver found"), e.getMessage());
    }

    @Test
    void selectingByNameProbesOnlyThatBackendAndEachProbeRunsOnce() {
        int[] probes = new int[2];
        BackendRegistry registry = BackendRegistry.of(List.of(counting("cuda", 300, probes, 0),
                counting("cpu", 100, probes, 1)));
        assertEquals(List.of("cuda", "cpu"), registry.names());
        assertEquals(0, probes[0] + probes[1], "names() probes nothing");
        registry.select("cpu");
        registry.select("cpu");
        assertEquals(0, probes[0], "--backend cpu must not initialize another backend's runtime");
        assertEquals(1, probes[1], "a backend is probed once");
        registry.list();
        registry.select("auto");
        assertEquals(1, probes[0]);
        assertEquals(1, probes[1]);
    }

    private static Backend counting(String name, int priority, int[] probes, int slot) {
        return counting(name, priority, probes, slot, BackendAvailability.available(name + " device"),
                Optional.empty());
    }

    /** A backend that counts its full probes in {@code probes[slot]}, with a cheap first stage saying {@code early}. */
    private static Backend counting(String name, int priority, int[] probes, int slot, BackendAvailability probe,
                                    Optional<String> early) {
        FakeBackend plain = new FakeBackend(name, priority, null, false);
        return new Backend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public BackendAvailability availability() {
                probes[slot]++;
                return probe;
            }

            @Override
            public Optional<String> autoPassReasonBeforeProbe() {
                return early;
            }

            @Override
            public Set<Precision> precisions() {
                return plain.precisions();
            }

            @Override
            public SolverSession open(GameBatch batch, SolverConfig config) {
                return plain.open(batch, config);
            }
        };
    }
}

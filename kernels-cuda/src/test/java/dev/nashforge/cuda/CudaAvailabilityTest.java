package dev.nashforge.cuda;

import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.BackendInfo;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Detection: the backend is discovered through ServiceLoader, and on a machine without a usable driver it is
 * unavailable with a reason that names the failure (for a missing {@code libcuda.so.1}: the
 * {@link UnsatisfiedLinkError} and the library) and what to do; opening a session then fails with that reason.
 */
class CudaAvailabilityTest {

    @Test
    void discoveredWithItsPriorityAndPrecisions() {
        BackendInfo cuda = BackendRegistry.discover().list().stream().filter(b -> b.name().equals("cuda")).findFirst()
                .orElseThrow(() -> new AssertionError("the cuda backend is not discovered through ServiceLoader"));
        assertEquals(300, cuda.priority());
        assertEquals(List.of("double", "float"), cuda.precisions());
        assertEquals(cuda.available(), new CudaBackend().availability().available());
    }

    @Test
    void withoutADriverTheReasonNamesTheFailure() {
        BackendAvailability a = new CudaBackend().availability();
        assumeFalse(a.available(), "a CUDA device is available here: " + a.device());
        assertTrue(a.reason().length() > 40, a.reason());
        boolean noLibrary = !new java.io.File("/usr/lib/x86_64-linux-gnu/libcuda.so.1").exists()
                && !new java.io.File("/usr/lib64/libcuda.so.1").exists();
        if (noLibrary) {
            assertTrue(a.reason().contains("UnsatisfiedLinkError") && a.reason().contains("libcuda.so.1"), a.reason());
            assertTrue(a.reason().contains("r580"), "the reason says which driver to install: " + a.reason());
        }
        assertEquals(a.reason(), new CudaBackend().availability().reason(), "probed once, the same answer");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CudaBackend().open(CudaTestGames.batch("kuhn_poker", 1, false), SolverConfig.cfr()));
        assertTrue(e.getMessage().contains(a.reason()), e.getMessage());
        assertTrue(BackendRegistry.discover().select("auto").explanation().contains("cuda unavailable"),
                "auto explains why it passed over cuda");
    }

    @Test
    void failuresAreDescribedWithWhatToDo() {
        String link = CudaProbe.describeFailure(new UnsatisfiedLinkError("Error while loading native library "
                + "\"JCudaDriver-12.6.0-linux-x86_64\"\nOperating system name: Linux\n"
                + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot "
                + "open shared object file: No such file or directory\n\tat java.base/..."));
        assertTrue(link.startsWith("no CUDA driver") && link.contains("libcuda.so.1: cannot open shared object file")
                && !link.contains("\n"), link);
        String later = CudaProbe.describeFailure(new NoClassDefFoundError(
                "Could not initialize class jcuda.driver.JCudaDriver"));
        assertTrue(later.contains("NoClassDefFoundError") && later.contains("JCudaDriver"), later);
        String driver = CudaProbe.describeFailure(new CudaException(
                CudaCheck.message(100, "cuInit", "opening CUDA device 0"), 100));
        assertTrue(driver.contains("CUDA_ERROR_NO_DEVICE") && driver.contains("cuInit"), driver);
        assertEquals("no message", CudaProbe.essentialLine(null));
    }

    @Test
    void constructionTouchesNoNativeLibrary() {
        CudaBackend b = new CudaBackend();
        assertEquals("cuda", b.name());
        assertFalse(b.precisions().isEmpty());
    }
}

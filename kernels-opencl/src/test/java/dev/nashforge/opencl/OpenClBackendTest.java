package dev.nashforge.opencl;

import com.aparapi.device.JavaDevice;
import com.aparapi.internal.kernel.KernelManager;
import com.aparapi.internal.model.ClassModel;
import com.aparapi.internal.writer.KernelWriter;
import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendAvailability;
import dev.nashforge.host.backend.BackendInfo;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Discovery, selection and honesty of the OpenCL backend: it is found through ServiceLoader, {@code auto} takes
 * it when no CUDA device is available, it reports its OpenCL platform and device, it is unavailable with the
 * reason when there is no OpenCL platform, and a kernel that Aparapi would run in its Java thread pool is an
 * error naming the kernel and Aparapi's reason. Tests that need the device are skipped without one, except
 * under {@code CI=true}, where they fail.
 */
class OpenClBackendTest {

    private static void requireDevice() {
        BackendAvailability a = new OpenClBackend().availability();
        if (!a.available()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires an OpenCL platform: " + a.reason());
            }
            Assumptions.abort("no OpenCL device here: " + a.reason());
        }
    }

    @Test
    void serviceLoaderListsTheOpenClBackendWithItsDeviceOrReason() {
        BackendInfo info = BackendRegistry.discover().list().stream().filter(b -> b.name().equals("opencl"))
                .findFirst().orElseThrow(() -> new AssertionError("ServiceLoader did not find the opencl backend"));
        assertEquals(200, info.priority());
        if (info.available()) {
            assertTrue(info.device().startsWith("OpenCL: "), info.device());
            assertTrue(info.device().contains(" / "), "platform / device: " + info.device());
            assertTrue(info.precisions().contains("float"), info.precisions().toString());
            assertEquals(info.device().contains("fp64"), info.precisions().contains("double"),
                    "double precision exactly where the device reports fp64: " + info.device());
        } else {
            assertTrue(info.reason().contains(OpenClDeviceProbe.INSTALL_HINT), info.reason());
        }
    }

    @Test
    void autoTakesAnOpenClAcceleratorWhenNoCudaDeviceIsAvailableButPassesOverAnOpenClCpu() {
        requireDevice();
        Backend cuda = new Backend() {
            @Override
            public String name() {
                return "cuda";
            }

            @Override
            public int priority() {
                return 300;
            }

            @Override
            public BackendAvailability availability() {
                return BackendAvailability.unavailable("no CUDA driver (test stand-in)");
            }

            @Override
            public Set<Precision> precisions() {
                return EnumSet.noneOf(Precision.class);
            }

            @Override
            public SolverSession open(GameBatch batch, SolverConfig config) {
                throw new IllegalStateException("unavailable");
            }
        };
        Backend cpu = BackendRegistry.discover().select("cpu").backend();
        OpenClBackend opencl = new OpenClBackend();
        BackendSelection auto = BackendRegistry.of(List.of(cpu, cuda, opencl)).select("auto");
        assertTrue(auto.explanation().contains("cuda unavailable (no CUDA driver"), auto.explanation());
        if (OpenClDeviceProbe.result().device().getType() == com.aparapi.device.Device.TYPE.CPU) {
            // PoCL: OpenCL on the host CPU is slower than the native cpu backend, so auto passes over it, says
            // why, and naming it still works.
            assertSame(cpu, auto.backend(), auto.explanation());
            assertTrue(auto.explanation().contains("opencl passed over (its device is the host CPU"),
                    auto.explanation());
            assertSame(opencl, BackendRegistry.of(List.of(cpu, cuda, opencl)).select("opencl").backend());
        } else {
            assertSame(opencl, auto.backend());
            assertTrue(auto.explanation().contains("using opencl (OpenCL: "), auto.explanation());
        }
    }

    @Test
    void aKernelAparapiCannotTranslateIsAnErrorNotACpuRun() {
        requireDevice();
        UnsupportedKernel kernel = new UnsupportedKernel();
        OpenClFallbackException e = assertThrows(OpenClFallbackException.class,
                () -> kernel.bind(OpenClDeviceProbe.result().device(), "test device"));
        assertEquals("UnsupportedKernel", e.kernel());
        assertTrue(e.reason().contains("objects"), "Aparapi's reason: " + e.reason());
        assertTrue(e.getMessage().contains("did not run on the OpenCL device (test device)"), e.getMessage());
    }

    @Test
    void aLaunchAparapiRefusesIsAnError() {
        requireDevice();
        RuntimeFallbackKernel kernel = new RuntimeFallbackKernel();
        kernel.bind(OpenClDeviceProbe.result().device(), "test device");
        kernel.batchSize = 1;
        OpenClFallbackException e = assertThrows(OpenClFallbackException.class, () -> kernel.launch(
                OpenClKernel.OP_STRATEGY, 1));
        assertEquals("RuntimeFallbackKernel", e.kernel());
        assertTrue(e.reason().contains("null refs"), "Aparapi's reason: " + e.reason());
        assertTrue(e.getMessage().contains("computeStrategy"), "names the primitive: " + e.getMessage());
    }

    /** Whatever makes Aparapi run a launch in its Java thread pool, the launch is reported, not accepted. */
    @Test
    void aLaunchThatRanInTheJavaThreadPoolIsAnError() {
        requireDevice();
        ThreadPoolKernel kernel = new ThreadPoolKernel();
        kernel.bind(OpenClDeviceProbe.result().device(), "test device");
        kernel.batchSize = 1;
        KernelManager.instance().setPreferredDevices(kernel,
                new LinkedHashSet<>(List.of(JavaDevice.THREAD_POOL)));
        OpenClFallbackException e = assertThrows(OpenClFallbackException.class, () -> kernel.launch(
                OpenClKernel.OP_PLAN, 1));
        assertEquals("ThreadPoolKernel", e.kernel());
        assertFalse(kernel.isRunningCL());
        assertTrue(e.getMessage().contains("computeRealizationPlan") && e.getMessage().contains("Java thread pool"),
                e.getMessage());
    }

    /**
     * A JVM whose OpenCL ICD loader finds no driver ({@code OCL_ICD_VENDORS} pointed at an empty folder, read by
     * the ocl-icd loader; where OpenCL is absent altogether the library does not load): the backend is
     * unavailable and says why and what to install.
     */
    @Test
    void withoutAnOpenClPlatformTheBackendIsUnavailableWithTheReason() throws IOException, InterruptedException {
        Path empty = Files.createTempDirectory("no-opencl-vendors");
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AvailabilityMain.class.getName());
            pb.environment().put("OCL_ICD_VENDORS", empty.toString());
            pb.redirectErrorStream(true);
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
            String line = output.lines().filter(l -> l.startsWith("available=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no availability line in: " + output));
            assertTrue(line.startsWith("available=false|device=|reason="), line);
            assertTrue(line.contains("no OpenCL platform") || line.contains("could not load"), line);
            assertTrue(line.contains("pocl-opencl-icd"), "the reason says what to install: " + line);
        } finally {
            Files.deleteIfExists(empty);
        }
    }

    /**
     * {@code --backend auto} passes over an OpenCL CPU device (PoCL) after listing the devices only: it does not
     * compile the kernels, which would start PoCL's LLVM (half a second, and signal handlers of its own) for a
     * backend it is not going to use. In a fresh JVM, since the probe is cached per JVM.
     */
    @Test
    void autoPassesOverAnOpenClCpuWithoutCompilingTheKernels() throws IOException, InterruptedException {
        requireDevice();
        Assumptions.assumeTrue(OpenClDeviceProbe.discovery().device().getType() == com.aparapi.device.Device.TYPE.CPU,
                "the OpenCL device here is not a CPU, so auto takes it");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AvailabilityMain.class.getName(), "auto");
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        String line = output.lines().filter(l -> l.startsWith("selected=")).findFirst()
                .orElseThrow(() -> new AssertionError("no selection line in: " + output));
        assertTrue(line.startsWith("selected=cpu|compiled=false|type=CPU|"), line);
        assertTrue(line.contains("opencl passed over (" + OpenClDeviceProbe.CPU_DEVICE_AUTO_PASS
                + "; use --backend opencl to run it)"), line);
        assertEquals(Optional.of(new OpenClBackend().availability().autoPassReason()),
                new OpenClBackend().autoPassReasonBeforeProbe(), "the cheap stage and the full probe agree");
    }

    /**
     * The float kernels' generated OpenCL (the solver kernel and the one with the NPCFR network) uses no double,
     * so it runs on devices without {@code cl_khr_fp64}; the double kernels ask for the extension. (Aparapi's
     * code generator only: no device needed.)
     */
    @Test
    void theFloatKernelNeedsNoFp64() throws Exception {
        String floatSource = openClSource(new OpenClFloatKernel());
        String doubleSource = openClSource(new OpenClDoubleKernel());
        assertFalse(floatSource.contains("double"), "float kernel source mentions double");
        assertFalse(floatSource.contains("cl_khr_fp64"), "float kernel source enables fp64");
        assertTrue(doubleSource.contains("cl_khr_fp64"), "double kernel source does not enable fp64");
        assertTrue(floatSource.contains("__global float *cumulativeRegret"), "float kernel buffers are float");
        String floatNetwork = openClSource(new OpenClFloatNetworkKernel());
        assertFalse(floatNetwork.contains("double"), "float network kernel source mentions double");
        assertTrue(floatNetwork.contains("__global float *netParams"), "float network weights are float");
        assertTrue(floatNetwork.contains("tanh("), "the network kernel holds the forward pass");
        assertFalse(floatSource.contains("netParams"), "the plain float kernel carries no network");
        assertTrue(openClSource(new OpenClDoubleNetworkKernel()).contains("cl_khr_fp64"),
                "double network kernel source does not enable fp64");
    }

    private static String openClSource(OpenClKernel kernel) throws Exception {
        return KernelWriter.writeToString(ClassModel.createClassModel(kernel.getClass()).getEntrypoint("run", kernel));
    }
}

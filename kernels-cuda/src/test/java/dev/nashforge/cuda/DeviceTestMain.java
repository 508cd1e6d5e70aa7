package dev.nashforge.cuda;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs this module's tests without Maven, on the lent GPU machine (which has a carried Java runtime and no
 * Maven): by default every test class of {@code dev.nashforge.cuda}, with {@code nashforge.cuda.required=true} so
 * the device suites fail rather than skip if the device is unusable. Arguments: test class names to run instead.
 * Run from the {@code kernels-cuda} directory (the source checks read {@code src/main/cuda}); prints one line per
 * failed or skipped test and a summary; exits 0 only if tests ran and none failed.
 */
public final class DeviceTestMain {

    private DeviceTestMain() {
    }

    public static void main(String[] args) {
        System.setProperty(CudaConformanceTest.REQUIRED_PROPERTY,
                System.getProperty(CudaConformanceTest.REQUIRED_PROPERTY, "true"));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        if (args.length == 0) {
            request.selectors(DiscoverySelectors.selectPackage("dev.nashforge.cuda"));
        } else {
            for (String name : args) {
                request.selectors(DiscoverySelectors.selectClass(name.contains(".") ? name : "dev.nashforge.cuda." + name));
            }
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<String> lines = new ArrayList<>();
        TestExecutionListener printer = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                System.out.println("SKIPPED " + test.getDisplayName() + " (" + test.getUniqueId() + "): " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    String line = result.getStatus() + " " + test.getUniqueId() + ": "
                            + result.getThrowable().map(Throwable::toString).orElse("");
                    System.out.println(line);
                    lines.add(line);
                } else if (test.isContainer() && test.getSource().isPresent()
                        && test.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource) {
                    System.out.println("DONE " + test.getDisplayName());
                }
            }
        };
        launcher.execute(discovery, summary, printer);
        TestExecutionSummary s = summary.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        s.printTo(out);
        s.printFailuresTo(out, 40);
        System.exit(s.getTotalFailureCount() == 0 && s.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}

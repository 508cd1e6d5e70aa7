package dev.nashforge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nashforge.host.backend.BackendInfo;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * {@code nash backends [--json]}: every backend found at run time ({@link BackendRegistry#discover()}), highest
 * priority first, with its availability, device, precisions and, when unavailable, the reason; then what
 * {@code --backend auto} picks and why. Providers that failed to load are listed as unavailable.
 */
@Command(name = "backends",
        mixinStandardHelpOptions = true,
        description = "List the compute backends found on the class path, whether each can run here (and why not), "
                + "and which one --backend auto picks.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash backends", "  ./nash backends --json"})
final class BackendsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object: backends (name, priority, available, device, "
            + "reason, precisions) and auto (backend, explanation; backend null when none is available).")
    boolean json;

    @Override
    public void run() {
        BackendRegistry registry = BackendRegistry.discover();
        String autoBackend = null;
        String autoExplanation;
        try {
            BackendSelection auto = registry.select(BackendRegistry.AUTO);
            autoBackend = auto.info().name();
            autoExplanation = auto.explanation();
        } catch (IllegalArgumentException e) {
            autoExplanation = e.getMessage();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(registry, autoBackend, autoExplanation));
            return;
        }
        TextTable t = new TextTable();
        t.row("backend", "priority", "available", "precisions", "device or reason");
        for (BackendInfo b : registry.list()) {
            t.row(b.name(), b.priority() == Integer.MIN_VALUE ? "-" : Integer.toString(b.priority()),
                    b.available() ? "yes" : "no", b.precisions().isEmpty() ? "-" : String.join(", ", b.precisions()),
                    !b.available() ? b.reason()
                            : b.eligibleForAuto() ? b.device()
                            : b.device() + " [auto passes over it: " + b.autoPassReason() + "]");
        }
        t.print(out);
        out.println();
        out.println("--backend auto: " + (autoBackend == null ? "none available" : autoBackend) + "  ("
                + CliErrorHandler.oneLine(autoExplanation) + ")");
        out.flush();
    }

    private static ObjectNode toJson(BackendRegistry registry, String autoBackend, String autoExplanation) {
        ObjectNode node = JsonOutput.object();
        ArrayNode backends = node.putArray("backends");
        for (BackendInfo b : registry.list()) {
            ObjectNode o = backends.addObject();
            o.put("name", b.name());
            o.put("priority", b.priority());
            o.put("available", b.available());
            o.put("device", b.device());
            o.put("reason", b.reason());
            o.put("autoEligible", b.eligibleForAuto());
            o.put("autoPassReason", b.autoPassReason());
            ArrayNode p = o.putArray("precisions");
            b.precisions().forEach(p::add);
        }
        ObjectNode auto = node.putObject("auto");
        if (autoBackend == null) {
            auto.putNull("backend");
        } else {
            auto.put("backend", autoBackend);
        }
        auto.put("explanation", autoExplanation);
        return node;
    }
}

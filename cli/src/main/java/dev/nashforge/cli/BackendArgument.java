package dev.nashforge.cli;

import dev.nashforge.host.solver.Prediction;
import dev.nashforge.host.solver.SolverConfig;

import dev.nashforge.cpu.CpuBackend;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.BackendSelection;
import dev.nashforge.host.backend.Precision;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves {@code --backend auto|NAME} and {@code --threads N} of {@code nash solve} through the
 * {@link BackendRegistry} found at run time. An unknown name, a precision the backend lacks, and {@code --threads}
 * for a backend other than {@code cpu} are usage errors (exit 2); a known backend that is unavailable on this
 * machine is a failure (exit 1) whose message gives the backend's reason. Stateless.
 */
final class BackendArgument {

    /** Description of {@code --backend}, shared by the help. */
    static final String DESCRIPTION = "auto (the best available: cuda, then opencl, then cpu; the output says which "
            + "and why) or a backend name; list them with 'nash backends'. Default: ${DEFAULT-VALUE}.";

    /**
     * The backend to run on.
     *
     * @param backend     the backend
     * @param device      the device it runs on
     * @param explanation how it was chosen (for {@code auto}: why the backends before it were passed over)
     * @param summary     a short form for the text output: the name and how it was chosen, naming the backends
     *                    {@code auto} passed over without their (long) reasons, e.g.
     *                    {@code cpu  (--backend auto; passed over cuda (unavailable), opencl (slower here); see 'nash backends')}
     */
    record Chosen(Backend backend, String device, String explanation, String summary) {
    }

    private BackendArgument() {
    }

    /**
     * Selects the backend named {@code name} (or {@code auto}) from {@code registry}; with {@code threads}
     * non-null, the CPU backend with that many worker threads instead of the discovered one.
     *
     * @throws ParameterException       for an unknown name, an unsupported precision or a misplaced --threads
     * @throws IllegalArgumentException for a named backend that is unavailable, or when auto finds none
     */
    static Chosen select(CommandSpec spec, BackendRegistry registry, String name, Integer threads,
                         Precision precision) {
        return select(spec, registry, name, threads, precision, null);
    }

    /**
     * As {@link #select(CommandSpec, BackendRegistry, String, Integer, Precision)}, for a backend that can run
     * {@code config} ({@code auto} passes over the others and says why; a named one that cannot is refused).
     */
    static Chosen select(CommandSpec spec, BackendRegistry registry, String name, Integer threads,
                         Precision precision, SolverConfig config) {
        boolean known = name.trim().equalsIgnoreCase(BackendRegistry.AUTO)
                || registry.names().stream().anyMatch(n -> n.equalsIgnoreCase(name.trim()));
        if (!known) {
            throw new ParameterException(spec.commandLine(), "unknown backend '" + name + "'; known here: "
                    + String.join(", ", registry.names())
                    + ", or auto; 'nash backends' lists what was found and why a backend is unavailable");
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        BackendSelection selection = registry.select(name, config);
        Backend backend = selection.backend();
        String device = selection.info().device();
        String explanation = selection.explanation();
        String how = "--backend " + name.trim();
        if (name.trim().equalsIgnoreCase(BackendRegistry.AUTO)) {
            List<String> passed = new ArrayList<>();
            for (BackendSelection.PassedOver p : selection.passedOver()) {
                passed.add(p.backend() + " (" + switch (p.why()) {
                    case UNAVAILABLE -> "unavailable";
                    case NOT_FOR_AUTO -> "slower here";
                    case CANNOT_RUN -> "cannot run this solver";
                } + ")");
            }
            if (!passed.isEmpty()) {
                how += "; passed over " + String.join(", ", passed) + "; see 'nash backends'";
            }
        }
        if (threads != null) {
            if (!backend.name().equals("cpu")) {
                throw new ParameterException(spec.commandLine(), "--threads applies only to the cpu backend, but the"
                        + " run uses " + backend.name() + " (" + explanation + "); drop --threads or add"
                        + " --backend cpu");
            }
            CpuBackend cpu = new CpuBackend(threads);
            backend = cpu;
            device = cpu.device();
            explanation = explanation + "; --threads " + threads;
            how = how + "; --threads " + threads;
        }
        if (!backend.precisions().contains(precision)) {
            throw new ParameterException(spec.commandLine(), "backend " + backend.name() + " does not support "
                    + precision.label() + " precision; it supports " + backend.precisions().stream().sorted()
                    .map(Precision::label).collect(Collectors.joining(", ")));
        }
        return new Chosen(backend, device, explanation, backend.name() + "  (" + how + ")");
    }
}

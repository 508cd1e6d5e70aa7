package dev.nashforge.host.backend;

import dev.nashforge.host.solver.SolverConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The backends found at run time through {@link ServiceLoader} (service interface {@link Backend}), with their
 * availability, device and, when unavailable, the reason. Providers that fail to load are listed as unavailable
 * with the loading error, never dropped silently. Each backend is probed once, when first needed: {@link #list()}
 * probes them all; {@code auto} probes them in priority order up to the one it takes, skipping the full probe of a
 * backend whose {@link Backend#autoPassReasonBeforeProbe()} already says it is passed over; selecting a backend by
 * name probes only that one (so {@code --backend cpu} never initializes an OpenCL or CUDA runtime). Thread-safe.
 */
public final class BackendRegistry {

    /** The name that asks {@link #select(String)} to pick the best available backend. */
    public static final String AUTO = "auto";

    private final List<Backend> backends;
    private final List<BackendInfo> failedProviders;
    private final BackendInfo[] probed;

    private BackendRegistry(List<Backend> backends, List<BackendInfo> failedProviders) {
        List<Backend> sorted = new ArrayList<>(backends);
        sorted.sort(Comparator.comparingInt(Backend::priority).reversed().thenComparing(Backend::name));
        this.backends = List.copyOf(sorted);
        this.failedProviders = List.copyOf(failedProviders);
        this.probed = new BackendInfo[this.backends.size()];
    }

    /** Discovers the backends on the class path of this class's loader. */
    public static BackendRegistry discover() {
        return discover(BackendRegistry.class.getClassLoader());
    }

    /** Discovers the backends visible to {@code loader}. */
    public static BackendRegistry discover(ClassLoader loader) {
        List<Backend> found = new ArrayList<>();
        List<BackendInfo> failed = new ArrayList<>();
        Iterator<Backend> it = ServiceLoader.load(Backend.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                failed.add(new BackendInfo(providerName(e), Integer.MIN_VALUE, false, "",
                        "the backend provider failed to load: " + e.getMessage()
                                + " (check that its module and its native dependencies are on the class path)",
                        List.of(), ""));
                if (failed.size() > 100) {
                    break;
                }
            }
        }
        return new BackendRegistry(found, failed);
    }

    /** A registry over explicitly given backends (tests, embedding). */
    public static BackendRegistry of(List<Backend> backends) {
        return new BackendRegistry(backends, List.of());
    }

    /** Every backend, highest priority first, then providers that failed to load (probes every backend). */
    public List<BackendInfo> list() {
        List<BackendInfo> infos = new ArrayList<>();
        for (int k = 0; k < backends.size(); k++) {
            infos.add(info(k));
        }
        infos.addAll(failedProviders);
        return List.copyOf(infos);
    }

    /** The names of every backend and failed provider, in {@link #list()} order, without probing any. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        backends.forEach(b -> names.add(b.name()));
        failedProviders.forEach(f -> names.add(f.name()));
        return List.copyOf(names);
    }

    /** The probed description of backend {@code k} (probing it on first use). */
    private synchronized BackendInfo info(int k) {
        if (probed[k] == null) {
            probed[k] = describe(backends.get(k));
        }
        return probed[k];
    }

    /**
     * Selects a backend by name, or the best available one for {@link #AUTO}.
     *
     * @throws IllegalArgumentException if the name is unknown (the message lists the known names), if the named
     *                                  backend is unavailable (with its reason), or if {@code auto} finds none
     */
    public BackendSelection select(String name) {
        return select(name, null);
    }

    /**
     * Selects a backend that can run {@code config} ({@link Backend#unsupportedReason}): {@code auto} passes over
     * the ones that cannot and says why; a named one that cannot is refused with its reason (never a silent
     * fallback). A null {@code config} selects as {@link #select(String)}.
     *
     * @throws IllegalArgumentException as {@link #select(String)}, or if the named backend cannot run {@code config}
     */
    public BackendSelection select(String name, SolverConfig config) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals(AUTO)) {
            List<BackendSelection.PassedOver> passed = new ArrayList<>();
            for (int k = 0; k < backends.size(); k++) {
                String candidate = backends.get(k).name();
                Optional<String> early = backends.get(k).autoPassReasonBeforeProbe();
                if (early.isPresent()) {
                    passed.add(new BackendSelection.PassedOver(candidate, BackendSelection.Why.NOT_FOR_AUTO, early.get()));
                    continue;
                }
                BackendInfo info = info(k);
                Optional<String> refusal = config == null || !info.available() ? Optional.empty()
                        : backends.get(k).unsupportedReason(config);
                if (refusal.isPresent()) {
                    passed.add(new BackendSelection.PassedOver(candidate, BackendSelection.Why.CANNOT_RUN, refusal.get()));
                } else if (info.eligibleForAuto()) {
                    return new BackendSelection(backends.get(k), info,
                            "auto: " + describe(passed) + "using " + candidate + " (" + info.device() + ")", passed);
                } else if (info.available()) {
                    passed.add(new BackendSelection.PassedOver(candidate, BackendSelection.Why.NOT_FOR_AUTO,
                            info.autoPassReason()));
                } else {
                    passed.add(new BackendSelection.PassedOver(candidate, BackendSelection.Why.UNAVAILABLE, info.reason()));
                }
            }
            throw new IllegalArgumentException("auto: no backend is available: " + describe(passed)
                    + "failed providers: " + failedNames() + ". Put fallback-cpu on the class path.");
        }
        for (int k = 0; k < backends.size(); k++) {
            if (backends.get(k).name().equalsIgnoreCase(key)) {
                BackendInfo info = info(k);
                if (!info.available()) {
                    throw new IllegalArgumentException("backend '" + info.name() + "' is unavailable: " + info.reason());
                }
                if (config != null) {
                    backends.get(k).requireSupported(config);
                }
                return new BackendSelection(backends.get(k), info, info.name() + " (" + info.device() + ")",
                        List.of());
            }
        }
        throw new IllegalArgumentException("unknown backend '" + name + "': known backends are " + knownNames()
                + " and '" + AUTO + "'");
    }

    /** The explanation's words for the backends auto passed over, each ending in "; ". */
    private static String describe(List<BackendSelection.PassedOver> passed) {
        StringBuilder b = new StringBuilder();
        for (BackendSelection.PassedOver p : passed) {
            b.append(p.backend()).append(switch (p.why()) {
                case UNAVAILABLE -> " unavailable (" + p.reason() + "); ";
                case NOT_FOR_AUTO -> " passed over (" + p.reason() + "; use --backend " + p.backend()
                        + " to run it); ";
                case CANNOT_RUN -> " passed over (" + p.reason() + "); ";
            });
        }
        return b.toString();
    }

    private String knownNames() {
        List<String> names = new ArrayList<>();
        for (Backend b : backends) {
            names.add("'" + b.name() + "'");
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private String failedNames() {
        List<String> names = new ArrayList<>();
        failedProviders.forEach(f -> names.add(f.name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static BackendInfo describe(Backend b) {
        BackendAvailability a;
        try {
            a = b.availability();
        } catch (RuntimeException | LinkageError e) {
            a = BackendAvailability.unavailable("probing the device failed: " + e);
        }
        List<String> precisions = b.precisions().stream().sorted().map(Precision::label).toList();
        return new BackendInfo(b.name(), b.priority(), a.available(), a.device(), a.reason(), precisions,
                a.autoPassReason());
    }

    private static String providerName(ServiceConfigurationError e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Provider (\\S+)")
                .matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "unknown provider";
    }
}

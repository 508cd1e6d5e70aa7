package dev.nashforge.cli;

import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.solver.Averaging;
import dev.nashforge.host.solver.RegretUpdate;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

/**
 * Resolves the algorithm options of {@code nash solve} ({@code --algo}, {@code --alpha}, {@code --beta},
 * {@code --gamma}, {@code --updates}, {@code --averaging}, {@code --precision}) to a {@link SolverConfig}:
 * the preset {@link SolverConfig#preset(String)} names, adjusted by the options that were given, and which of
 * the preset's defaults were kept. Every inconsistency is a usage error (exit 2). Stateless.
 */
final class SolverArgument {

    /** Description of {@code --algo}, shared by the help. */
    static final String ALGO_DESCRIPTION = "Regret minimizer: cfr, cfr+, lcfr, dcfr, 'dcfr(ALPHA,BETA,GAMMA)', pcfr+, "
            + "the simultaneous-update presets rm, rm+, prm+, or the meta-learned npcfr, npcfr+ (with --model; see README.md "
            + "for each one's defaults).";

    /**
     * A resolved configuration.
     *
     * @param config             the configuration to run
     * @param updatesDefaulted   whether the update mode is the preset's default (no {@code --updates})
     * @param averagingDefaulted whether the averaging weights are the preset's default (no {@code --averaging},
     *                           no {@code --gamma}, no inline DCFR parameters)
     */
    record Resolved(SolverConfig config, boolean updatesDefaulted, boolean averagingDefaulted) {
    }

    private SolverArgument() {
    }

    /**
     * The configuration the options name; {@code null} for an option that was not given.
     *
     * @throws ParameterException for an unknown algorithm, update mode, averaging or precision, DCFR parameters
     *                            without DCFR, DCFR parameters given twice, or out-of-range values
     */
    static Resolved resolve(CommandSpec spec, String algo, Double alpha, Double beta, Double gamma, String updates,
                            String averaging, String precision) {
        return resolve(spec, algo, null, null, alpha, beta, gamma, updates, averaging, precision);
    }

    /**
     * As {@link #resolve(CommandSpec, String, Double, Double, Double, String, String, String)}, with
     * {@code --model} for npcfr / npcfr+ ({@link ModelArgument}; {@code game} picks the shipped default).
     *
     * @throws ParameterException       also for --model with another algorithm
     * @throws IllegalArgumentException for a missing or corrupt model (exit 1)
     */
    static Resolved resolve(CommandSpec spec, String algo, String model, String game, Double alpha, Double beta,
                            Double gamma, String updates, String averaging, String precision) {
        SolverConfig config;
        if (SolverConfig.needsModel(algo)) {
            config = SolverConfig.preset(algo, ModelArgument.resolve(model, game, algo.trim()));
        } else if (model != null) {
            throw usage(spec, "--model applies only to --algo npcfr or npcfr+, not to --algo " + algo);
        } else {
            try {
                config = SolverConfig.preset(algo);
            } catch (IllegalArgumentException e) {
                throw usage(spec, e.getMessage());
            }
        }
        boolean dcfr = config.regretUpdate().kind() == RegretUpdate.Kind.DISCOUNTED;
        boolean inlineDcfr = dcfr && algo.contains("(");
        boolean anyDcfrOption = alpha != null || beta != null || gamma != null;
        if (anyDcfrOption && !dcfr) {
            throw usage(spec, firstGiven(alpha, beta) + " applies only to --algo dcfr (DCFR's alpha, beta, gamma), not"
                    + " to --algo " + algo);
        }
        if (anyDcfrOption && inlineDcfr) {
            throw usage(spec, "DCFR's parameters are given twice: in --algo " + algo + " and with "
                    + firstGiven(alpha, beta) + "; use one of the two");
        }
        if (gamma != null && averaging != null) {
            throw usage(spec, "--gamma and --averaging both set the averaging weights of dcfr (w_t = t^gamma); give"
                    + " only one");
        }
        try {
            if (dcfr && anyDcfrOption) {
                SolverConfig d = SolverConfig.dcfr();
                config = SolverConfig.dcfr(alpha != null ? alpha : d.regretUpdate().alpha(),
                        beta != null ? beta : d.regretUpdate().beta(),
                        gamma != null ? gamma : d.averaging().exponent());
            }
            if (updates != null) {
                config = config.withUpdates(UpdateMode.fromLabel(updates));
            }
            if (averaging != null) {
                config = config.withAveraging(averaging(averaging));
            }
            if (precision != null) {
                config = config.withPrecision(Precision.fromLabel(precision));
            }
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
        return new Resolved(config, updates == null, averaging == null && gamma == null && !inlineDcfr);
    }

    /** {@code uniform}, {@code linear}, {@code quadratic}, or an exponent γ ≥ 0 for w_t = t^γ. */
    static Averaging averaging(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "uniform": return Averaging.uniform();
            case "linear": return Averaging.linear();
            case "quadratic": return Averaging.quadratic();
            default: break;
        }
        double exponent;
        try {
            exponent = Double.parseDouble(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown averaging '" + text + "': use uniform, linear, quadratic or"
                    + " an exponent gamma >= 0 for the weights w_t = t^gamma");
        }
        return Averaging.polynomial(exponent);
    }

    private static String firstGiven(Double alpha, Double beta) {
        return alpha != null ? "--alpha" : beta != null ? "--beta" : "--gamma";
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), CliErrorHandler.oneLine(message));
    }
}

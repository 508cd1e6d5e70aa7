package dev.nashforge.host.solver;

import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.meta.AveragingWeights;
import dev.nashforge.host.meta.SolverVariant;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An immutable regret-minimizer configuration (method.md §3): the regret update, the prediction, the averaging
 * weights, the update mode and the precision. Build one from a named preset and adjust it with the
 * {@code with…} methods; every path goes through the canonical constructor, which validates. The record is
 * serialized as it is into results and solver-state checkpoints ({@link #describe()} prints it).
 *
 * <p><b>Presets and their defaults</b> (the sources the defaults follow):
 * <table>
 *   <caption>presets</caption>
 *   <tr><th>preset</th><th>regret update</th><th>prediction</th><th>averaging w_t</th><th>updates</th></tr>
 *   <tr><td>{@link #cfr()}</td><td>R + r</td><td>none</td><td>1</td><td>alternating</td></tr>
 *   <tr><td>{@link #cfrPlus()}</td><td>[R + r]⁺</td><td>none</td><td>t</td><td>alternating</td></tr>
 *   <tr><td>{@link #lcfr()}</td><td>R + t·r</td><td>none</td><td>t</td><td>alternating</td></tr>
 *   <tr><td>{@link #dcfr(double, double, double)}</td><td>discounted</td><td>none</td><td>t^γ</td>
 *       <td>alternating</td></tr>
 *   <tr><td>{@link #pcfrPlus()}</td><td>[R + r]⁺</td><td>last r</td><td>t²</td><td>alternating</td></tr>
 *   <tr><td>{@link #rm()}</td><td>R + r</td><td>none</td><td>1</td><td>simultaneous</td></tr>
 *   <tr><td>{@link #rmPlus()}</td><td>[R + r]⁺</td><td>none</td><td>t</td><td>simultaneous</td></tr>
 *   <tr><td>{@link #prmPlus()}</td><td>[R + r]⁺</td><td>last r</td><td>t²</td><td>simultaneous</td></tr>
 *   <tr><td>{@link #npcfr(LearnedModel)}</td><td>R + r</td><td>network</td><td>1</td><td>simultaneous</td></tr>
 *   <tr><td>{@link #npcfrPlus(LearnedModel)}</td><td>[R + r]⁺</td><td>network</td><td>t²</td>
 *       <td>simultaneous</td></tr>
 * </table>
 * CFR and CFR+ follow OpenSpiel's {@code CFRSolver} / {@code CFRPlusSolver} (alternating updates; uniform
 * averaging for CFR, linear for CFR+), which also makes the OpenSpiel golden values of method.md §8 apply.
 * LCFR and DCFR follow Brown &amp; Sandholm, "Solving Imperfect-Information Games via Discounted Regret
 * Minimization" (AAAI 2019), whose experiments use alternating updates, with LCFR weighting both the regrets
 * and the average by t and DCFR's default (α, β, γ) = (1.5, 0, 2). PCFR+ follows Farina, Kroer &amp; Sandholm,
 * "Faster Game Solving via Predictive Blackwell Approachability" (AAAI 2021): alternating updates and
 * quadratic averaging (method.md §3 table). The normal-form names RM, RM+ and PRM+ are the same rules with
 * <em>simultaneous</em> updates, the self-play dynamics in which the time-averaged joint play converges to a
 * coarse correlated equilibrium (Hart &amp; Mas-Colell 2000) and in which the meta-learned method's joint
 * iterate is defined (method.md §1, §3). NPCFR and NPCFR+ run exactly as the meta-learned predictor was trained
 * ({@code meta.UnrolledSolver}): simultaneous updates by default (the network was trained on every player's
 * iterate of the same iteration; {@link #withUpdates} to alternating runs the network per player in turn, off
 * the training dynamics, on backends that support it) and the averaging of the model's solver
 * variant (a model trained for another variant gets that variant's default: uniform for NPCFR, t² for NPCFR+).
 * Every preset defaults to {@link Precision#DOUBLE}.
 *
 * @param algorithm    the printable algorithm name ({@code cfr}, {@code cfr+}, {@code dcfr}, {@code rm+} …)
 * @param regretUpdate the cumulative-regret update
 * @param prediction   where the prediction m of σ ∝ [R + m]⁺ comes from
 * @param averaging    the averaging weights of the average strategy
 * @param updates      simultaneous or alternating updates
 * @param precision    the backend precision
 * @param model        the trained predictor when {@code prediction} is {@link Prediction#LEARNED}, else null
 */
public record SolverConfig(String algorithm, RegretUpdate regretUpdate, Prediction prediction, Averaging averaging,
                           UpdateMode updates, Precision precision, LearnedModel model) {

    private static final Pattern DCFR = Pattern.compile(
            "dcfr\\(\\s*([^,\\s]+)\\s*,\\s*([^,\\s]+)\\s*,\\s*([^,\\s)]+)\\s*\\)");

    public SolverConfig {
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("a solver configuration needs an algorithm name");
        }
        if (regretUpdate == null || prediction == null || averaging == null || updates == null
                || precision == null) {
            throw new IllegalArgumentException("solver configuration '" + algorithm + "' has a null component: "
                    + "regretUpdate=" + regretUpdate + ", prediction=" + prediction + ", averaging=" + averaging
                    + ", updates=" + updates + ", precision=" + precision);
        }
        if ((prediction == Prediction.LEARNED) != (model != null)) {
            throw new IllegalArgumentException("solver configuration '" + algorithm + "': "
                    + (model == null ? "a learned prediction needs a trained model (SolverConfig.npcfrPlus(model),"
                    + " --model NAME|FILE)" : "a model was given but the prediction is " + prediction.label()));
        }
    }

    /** NPCFR / NPCFR+ with alternating updates: the network runs once per player and iteration. */
    public boolean learnedAlternating() {
        return prediction == Prediction.LEARNED && updates == UpdateMode.ALTERNATING;
    }

    /** A configuration without a learned model (every preset except NPCFR / NPCFR+). */
    public SolverConfig(String algorithm, RegretUpdate regretUpdate, Prediction prediction, Averaging averaging,
                        UpdateMode updates, Precision precision) {
        this(algorithm, regretUpdate, prediction, averaging, updates, precision, null);
    }

    /** CFR (Zinkevich et al. 2007) as OpenSpiel runs it: R ← R + r, uniform averaging, alternating. */
    public static SolverConfig cfr() {
        return new SolverConfig("cfr", RegretUpdate.sum(), Prediction.NONE, Averaging.uniform(),
                UpdateMode.ALTERNATING, Precision.DOUBLE);
    }

    /** CFR+ (Tammelin 2014) as OpenSpiel runs it: RM+ with alternating updates and linear averaging. */
    public static SolverConfig cfrPlus() {
        return new SolverConfig("cfr+", RegretUpdate.plus(), Prediction.NONE, Averaging.linear(),
                UpdateMode.ALTERNATING, Precision.DOUBLE);
    }

    /** Linear CFR: R ← R + t·r, linear averaging, alternating. */
    public static SolverConfig lcfr() {
        return new SolverConfig("lcfr", RegretUpdate.linear(), Prediction.NONE, Averaging.linear(),
                UpdateMode.ALTERNATING, Precision.DOUBLE);
    }

    /** DCFR(α, β, γ) with averaging weights t^γ, alternating. */
    public static SolverConfig dcfr(double alpha, double beta, double gamma) {
        return new SolverConfig("dcfr", RegretUpdate.discounted(alpha, beta), Prediction.NONE,
                Averaging.polynomial(gamma), UpdateMode.ALTERNATING, Precision.DOUBLE);
    }

    /** DCFR with Brown &amp; Sandholm's recommended (α, β, γ) = (1.5, 0, 2). */
    public static SolverConfig dcfr() {
        return dcfr(1.5, 0, 2);
    }

    /** Predictive CFR+: R ← [R + r]⁺, σ ∝ [R + r_last]⁺, quadratic averaging, alternating. */
    public static SolverConfig pcfrPlus() {
        return new SolverConfig("pcfr+", RegretUpdate.plus(), Prediction.LAST_INSTANTANEOUS_REGRET,
                Averaging.quadratic(), UpdateMode.ALTERNATING, Precision.DOUBLE);
    }

    /** Regret matching (the normal-form name of CFR's rule), uniform averaging, simultaneous. */
    public static SolverConfig rm() {
        return new SolverConfig("rm", RegretUpdate.sum(), Prediction.NONE, Averaging.uniform(),
                UpdateMode.SIMULTANEOUS, Precision.DOUBLE);
    }

    /** Regret matching+ (CFR+'s rule), linear averaging, simultaneous. */
    public static SolverConfig rmPlus() {
        return new SolverConfig("rm+", RegretUpdate.plus(), Prediction.NONE, Averaging.linear(),
                UpdateMode.SIMULTANEOUS, Precision.DOUBLE);
    }

    /** Predictive regret matching+ (PCFR+'s rule), quadratic averaging, simultaneous. */
    public static SolverConfig prmPlus() {
        return new SolverConfig("prm+", RegretUpdate.plus(), Prediction.LAST_INSTANTANEOUS_REGRET,
                Averaging.quadratic(), UpdateMode.SIMULTANEOUS, Precision.DOUBLE);
    }

    /**
     * NPCFR (method.md §3, §5): R ← R + r, σ ∝ [R + m]⁺ with m from {@code model}'s network, the model's update
     * mode (simultaneous unless it was trained with alternating updates), uniform averaging (or the model's own
     * averaging when it was trained for NPCFR).
     */
    public static SolverConfig npcfr(LearnedModel model) {
        return learned("npcfr", SolverVariant.NPCFR, RegretUpdate.sum(), model);
    }

    /**
     * NPCFR+ (method.md §3, §5): R ← [R + r]⁺, σ ∝ [R + m]⁺ with m from {@code model}'s network, the model's update
     * mode (simultaneous unless it was trained with alternating updates), quadratic averaging (or the model's own
     * averaging when it was trained for NPCFR+).
     */
    public static SolverConfig npcfrPlus(LearnedModel model) {
        return learned("npcfr+", SolverVariant.NPCFR_PLUS, RegretUpdate.plus(), model);
    }

    private static SolverConfig learned(String name, SolverVariant variant, RegretUpdate update, LearnedModel model) {
        if (model == null) {
            throw new IllegalArgumentException(name + " needs a trained model: give --model NAME|FILE ('nash models'"
                    + " lists the shipped ones)");
        }
        AveragingWeights weights = model.trainedFor() == variant ? model.model().averaging()
                : variant.defaultAveraging();
        Averaging averaging = switch (weights) {
            case UNIFORM -> Averaging.uniform();
            case LINEAR -> Averaging.linear();
            case QUADRATIC -> Averaging.quadratic();
        };
        return new SolverConfig(name, update, Prediction.LEARNED, averaging, model.model().training().updates(),
                Precision.DOUBLE, model);
    }

    /** Whether {@code name} names a preset that needs a trained model ({@code npcfr}, {@code npcfr+}). */
    public static boolean needsModel(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return key.equals("npcfr") || key.equals("npcfr+");
    }

    /** The preset {@code name} with a trained model: {@code npcfr} or {@code npcfr+}. */
    public static SolverConfig preset(String name, LearnedModel model) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "npcfr" -> npcfr(model);
            case "npcfr+" -> npcfrPlus(model);
            default -> throw new IllegalArgumentException("--model applies only to npcfr and npcfr+, not to '" + name
                    + "'");
        };
    }

    /**
     * The preset of that name: {@code cfr}, {@code cfr+}, {@code lcfr}, {@code dcfr}, {@code dcfr(α,β,γ)},
     * {@code pcfr+}, {@code rm}, {@code rm+}, {@code prm+} (case-insensitive).
     */
    public static SolverConfig preset(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "cfr": return cfr();
            case "cfr+": return cfrPlus();
            case "lcfr": return lcfr();
            case "dcfr": return dcfr();
            case "pcfr+": return pcfrPlus();
            case "rm": return rm();
            case "rm+": return rmPlus();
            case "prm+": return prmPlus();
            case "npcfr", "npcfr+": throw new IllegalArgumentException(key + " needs a trained model: give --model"
                    + " NAME|FILE ('nash models' lists the shipped ones)");
            default: break;
        }
        Matcher m = DCFR.matcher(key);
        if (m.matches()) {
            try {
                return dcfr(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dcfr parameters must be numbers, as in dcfr(1.5,0,2): " + name);
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name
                + "': use one of cfr, cfr+, lcfr, dcfr, dcfr(alpha,beta,gamma), pcfr+, rm, rm+, prm+, npcfr, npcfr+");
    }

    /** This configuration with another update mode. */
    public SolverConfig withUpdates(UpdateMode mode) {
        return new SolverConfig(algorithm, regretUpdate, prediction, averaging, mode, precision, model);
    }

    /** This configuration with another precision. */
    public SolverConfig withPrecision(Precision p) {
        return new SolverConfig(algorithm, regretUpdate, prediction, averaging, updates, p, model);
    }

    /** This configuration with other averaging weights. */
    public SolverConfig withAveraging(Averaging a) {
        return new SolverConfig(algorithm, regretUpdate, prediction, a, updates, precision, model);
    }

    /** One line naming every setting, printed with every result. */
    public String describe() {
        return algorithm + " [regret " + regretUpdate.describe() + "; prediction " + prediction.label()
                + (model == null ? "" : " " + model.describe())
                + "; averaging " + averaging.describe() + "; updates " + updates.label() + "; precision "
                + precision.label() + "]";
    }
}

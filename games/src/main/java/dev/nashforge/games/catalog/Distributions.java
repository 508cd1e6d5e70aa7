package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.ChancePerturbation;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.batch.PayoffNoise;
import dev.nashforge.games.batch.SampledDistribution;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.model.Game;

import java.util.List;

/** The distribution parameters shared by families, and the two ways of perturbing a compiled game. */
final class Distributions {

    static final ParameterSpec PAYOFF_NOISE = ParameterSpec.real("noise", 0.1, 0, 1,
            "multiplicative payoff noise: every utility u_i(z) is multiplied by an independent factor drawn from"
                    + " Uniform[1-noise, 1+noise] (independent per player, so zero-sum becomes general-sum)");
    static final ParameterSpec CHANCE_NOISE = ParameterSpec.real("chance_noise", 0, 0, 5,
            "chance-probability perturbation: each chance node's outcome probabilities are multiplied by"
                    + " exp(chance_noise * N(0,1)) and renormalized; chance reach is recomputed");
    static final ParameterSpec MATRIX_NOISE = ParameterSpec.real("noise", 0.1, 0, 10,
            "additive payoff noise: Uniform[-noise, noise] added to every normalized payoff, then each player's"
                    + " payoffs are normalized to [0,1] again");

    /** Distribution parameters of the extensive-form (poker) families. */
    static final List<ParameterSpec> EXTENSIVE_FORM = List.of(PAYOFF_NOISE, CHANCE_NOISE);

    /**
     * Distribution parameters of the general-sum two-player Leduc family: payoff noise 0.5 by default, where the
     * best regret minimizer (alternating PCFR+) keeps a median NashGap above 1e-3 at 2^14 iterations (measured:
     * 2.5e-3 on 16 instances; with noise 0.1 it reaches 3e-5, see bench/RESULTS.md).
     */
    static final List<ParameterSpec> GENERAL_SUM_LEDUC = List.of(ParameterSpec.real(PAYOFF_NOISE.name(), 0.5, 0, 1,
            PAYOFF_NOISE.meaning()), CHANCE_NOISE);

    private Distributions() {
    }

    /**
     * Multiplicative payoff noise and log-normal chance perturbation around the compiled {@code game}. The noise
     * of instance b is drawn before its chance perturbation, from the same per-instance stream.
     */
    static GameDistribution extensiveForm(String name, Game game, ParameterValues distribution) {
        CompiledGame compiled = GameCompiler.compile(game);
        GameStructure structure = compiled.structure();
        GameInstance base = compiled.instance();
        double noise = distribution.doubleValue(PAYOFF_NOISE.name());
        double chanceNoise = distribution.doubleValue(CHANCE_NOISE.name());
        return new SampledDistribution(name, structure, random -> {
            double[][] utility = PayoffNoise.multiplicative(base.utility(), noise, random);
            double[] reach = chanceNoise == 0 ? base.chanceReach()
                    : ChancePerturbation.perturbedChanceReach(structure, chanceNoise, random);
            return new GameInstance(reach, utility);
        });
    }

    /** Additive payoff noise then re-normalization around the compiled normal-form {@code game}. */
    static GameDistribution normalForm(String name, Game game, double noise) {
        CompiledGame compiled = GameCompiler.compile(game);
        GameInstance base = compiled.instance();
        return new SampledDistribution(name, compiled.structure(), random ->
                new GameInstance(base.chanceReach(), PayoffNoise.additiveNormalized(base.utility(), noise, random)));
    }
}

package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.batch.PayoffNoise;
import dev.nashforge.games.batch.SampledDistribution;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.games.matrix.RandomMatrixGame;
import dev.nashforge.games.model.Game;

import java.util.List;

/** {@code random_matrix(players=N,actions=K,seed=S)}: {@link RandomMatrixGame}. */
final class RandomMatrixFamily implements GameFamily {

    private static final ParameterSpec RESAMPLE = ParameterSpec.integer("resample", 1, 0, 1,
            "1: every instance is an independent random game drawn from the batch seed and the instance index"
                    + " (the spec's seed is not used); 0: every instance perturbs the game of the spec's seed");
    private static final ParameterSpec NOISE = ParameterSpec.real("noise", 0, 0, 10,
            "additive payoff noise: Uniform[-noise, noise] added to every payoff, then each player's payoffs are"
                    + " normalized to [0,1] again");

    private static final CatalogEntry ENTRY = new CatalogEntry("random_matrix",
            "random general-sum N-player normal-form game: i.i.d. Uniform[0,1) payoffs, each player's normalized"
                    + " to [0,1]",
            GameKind.NORMAL_FORM,
            List.of(ParameterSpec.integer("players", 2, 2, RandomMatrixGame.MAX_PLAYERS, "number of players"),
                    ParameterSpec.integer("actions", 3, 1, RandomMatrixGame.MAX_ACTIONS,
                            "actions per player (actions^players at most " + RandomMatrixGame.MAX_OUTCOMES + ")"),
                    ParameterSpec.longInteger("seed", 0, "seed of the payoff draw")),
            List.of(RESAMPLE, NOISE));

    @Override
    public CatalogEntry entry() {
        return ENTRY;
    }

    @Override
    public Game game(ParameterValues parameters) {
        try {
            return RandomMatrixGame.create(parameters.intValue("players"), parameters.intValue("actions"),
                    parameters.longValue("seed"));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(e.getMessage());
        }
    }

    @Override
    public GameDistribution distribution(ParameterValues parameters, ParameterValues distributionParameters,
                                         String canonicalName) {
        int players = parameters.intValue("players");
        int actions = parameters.intValue("actions");
        CompiledGame compiled = GameCompiler.compile(game(parameters));
        GameInstance base = compiled.instance();
        boolean resample = distributionParameters.intValue(RESAMPLE.name()) == 1;
        double noise = distributionParameters.doubleValue(NOISE.name());
        // The compiler numbers the terminals of a normal-form game in row-major joint-action order, the order
        // of RandomMatrixGame.samplePayoffs, so fresh payoffs are the instance's utilities as they are.
        return new SampledDistribution(canonicalName, compiled.structure(), random -> {
            double[][] payoffs = resample ? RandomMatrixGame.samplePayoffs(players, actions, random) : base.utility();
            return new GameInstance(base.chanceReach(), PayoffNoise.additiveNormalized(payoffs, noise, random));
        });
    }
}

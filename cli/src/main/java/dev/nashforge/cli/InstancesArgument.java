package dev.nashforge.cli;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.catalog.GameSpec;
import dev.nashforge.games.layout.CompiledGame;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves what {@code nash solve} solves: the {@code GAME} argument with {@code --batch B},
 * {@code --distribution NAME} and {@code --seed S}, to a {@link GameBatch}.
 *
 * <ul>
 *   <li>No {@code --batch} and no {@code --distribution}: the game itself, B = 1 (the single-instance output
 *       form).</li>
 *   <li>{@code --distribution NAME}: B instances (default 1) sampled from the catalog distribution
 *       {@link GameCatalog#distribution(String)} with seed S (default 0). NAME is a distribution spec of the
 *       game's family, e.g. {@code leduc_poker(noise=0.05)}; its game parameters default to GAME's, so
 *       {@code 'leduc_poker(players=3)' --distribution leduc_poker} samples three-player instances. A game
 *       parameter given in both with different values is an error.</li>
 *   <li>{@code --batch B} without {@code --distribution}: B identical copies of the game (for throughput
 *       measurements); the output says {@code "instances": "replicated"}.</li>
 * </ul>
 * Either of {@code --batch} and {@code --distribution} selects the batch output form. Stateless.
 */
final class InstancesArgument {

    /**
     * What is solved.
     *
     * @param batch        the instances
     * @param distribution the canonical distribution spec, or null when the game itself is solved
     * @param seed         the sampling seed, or null without a distribution
     * @param batchForm    whether the output uses the batch form (per-instance arrays and statistics)
     */
    record Instances(GameBatch batch, String distribution, Long seed, boolean batchForm) {

        /** {@code single}, {@code sampled} or {@code replicated}. */
        String kind() {
            return distribution != null ? "sampled" : batchForm ? "replicated" : "single";
        }
    }

    private InstancesArgument() {
    }

    /**
     * Resolves the options; {@code null} for an option that was not given.
     *
     * @throws ParameterException for an unknown game or distribution, a batch size below 1, a seed without a
     *                            distribution, or a distribution of another game
     */
    static Instances resolve(CommandSpec spec, String game, Integer batchSize, String distribution, Long seed) {
        if (batchSize != null && batchSize < 1) {
            throw usage(spec, "--batch must be at least 1, got " + batchSize);
        }
        if (seed != null && distribution == null) {
            throw usage(spec, "--seed applies only with --distribution (it seeds the sampling of the instances)");
        }
        CompiledGame compiled = GameArgument.compile(spec, game);
        int b = batchSize == null ? 1 : batchSize;
        if (distribution == null) {
            GameBatch batch = GameBatch.replicate(compiled.structure(), compiled.instance(), b);
            return new Instances(batch, null, null, batchSize != null);
        }
        GameDistribution d = distribution(spec, game, distribution, compiled);
        long s = seed == null ? 0L : seed;
        return new Instances(d.sample(b, s), d.name(), s, true);
    }

    private static GameDistribution distribution(CommandSpec spec, String game, String distribution,
                                                 CompiledGame compiled) {
        GameSpec gameSpec;
        GameSpec distSpec;
        try {
            gameSpec = GameSpec.parse(game);
            distSpec = GameSpec.parse(distribution);
        } catch (IllegalArgumentException e) {
            throw usage(spec, "--distribution: " + e.getMessage());
        }
        if (!gameSpec.name().equals(distSpec.name())) {
            throw usage(spec, "--distribution " + distribution + " samples " + distSpec.name() + " games, but GAME is "
                    + gameSpec.name() + "; give a distribution of the same family, e.g. --distribution '"
                    + gameSpec.name() + "(noise=0.1)' (see 'nash games' for the distribution parameters)");
        }
        Map<String, String> args = new LinkedHashMap<>(gameSpec.arguments());
        for (Map.Entry<String, String> a : distSpec.arguments().entrySet()) {
            String before = args.put(a.getKey(), a.getValue());
            if (before != null && !before.equals(a.getValue())) {
                throw usage(spec, "--distribution " + distribution + " sets " + a.getKey() + "=" + a.getValue()
                        + " but GAME " + game + " has " + a.getKey() + "=" + before + "; give the game parameters"
                        + " once");
            }
        }
        String merged = args.isEmpty() ? gameSpec.name() : gameSpec.name() + "(" + args.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")) + ")";
        GameDistribution d;
        try {
            d = GameCatalog.distribution(merged);
        } catch (IllegalArgumentException e) {
            throw usage(spec, "--distribution: " + e.getMessage());
        }
        if (!d.structure().name().equals(compiled.structure().name())) {
            throw usage(spec, "--distribution " + d.name() + " samples " + d.structure().name() + ", not GAME "
                    + compiled.structure().name());
        }
        return d;
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), CliErrorHandler.oneLine(message));
    }
}

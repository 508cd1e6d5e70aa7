package dev.nashforge.host.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.catalog.GameCatalog;

/** Small games for the meta-learning tests, built from the catalog with fixed seeds. */
final class MetaTestGames {

    final MetaLayout layout;
    final MetaInstance instance;
    final GameBatch batch;

    private MetaTestGames(String spec, long seed) {
        GameDistribution d = GameCatalog.distribution(spec);
        this.batch = d.sample(1, seed);
        this.layout = new MetaLayout(d.structure());
        this.instance = MetaInstance.of(batch, 0, new PredictionBounds(layout));
    }

    /** A random general-sum 3x3 bimatrix game. */
    static MetaTestGames matrix2() {
        return new MetaTestGames("random_matrix(players=2,actions=3,seed=7)", 11);
    }

    /** A random general-sum three-player 2x2x2 game. */
    static MetaTestGames matrix3() {
        return new MetaTestGames("random_matrix(players=3,actions=2,seed=5)", 3);
    }

    /** Two-player Kuhn poker with 30% multiplicative payoff noise (general-sum). */
    static MetaTestGames kuhn() {
        return new MetaTestGames("kuhn_poker(noise=0.3)", 5);
    }

    /** Three-player Kuhn poker with payoff noise (general-sum). */
    static MetaTestGames kuhn3() {
        return new MetaTestGames("kuhn_poker(players=3,noise=0.3)", 9);
    }

    /** Biased Shapley with the catalog's default distribution. */
    static MetaTestGames biasedShapley() {
        return new MetaTestGames("biased_shapley", 1);
    }

    static MetaTestGames[] all() {
        return new MetaTestGames[] {matrix2(), matrix3(), kuhn(), kuhn3()};
    }

    @Override
    public String toString() {
        return layout.structure().name();
    }
}

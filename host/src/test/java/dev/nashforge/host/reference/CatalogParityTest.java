package dev.nashforge.host.reference;

import dev.nashforge.games.catalog.GameCatalog;
import org.junit.jupiter.api.Test;

import static dev.nashforge.host.reference.RecursiveParityTest.assertParity;

/**
 * Recursive reference vs flat evaluator (expected values, best-response values, NashGap to 1e-12) on random
 * profiles of every catalog game small enough to recurse.
 */
class CatalogParityTest {

    @Test
    void kuhnPoker() {
        assertParity(GameCatalog.game("kuhn_poker(players=2)"), 20, 21);
        assertParity(GameCatalog.game("kuhn_poker(players=3)"), 10, 22);
    }

    @Test
    void leducPokerTwoPlayers() {
        assertParity(GameCatalog.game("leduc_poker(players=2)"), 8, 23);
    }

    @Test
    void biasedLeduc() {
        assertParity(GameCatalog.game("biased_leduc"), 5, 24);
        assertParity(GameCatalog.game("biased_leduc(rake=0.1,bias=2)"), 3, 29);
    }

    @Test
    void matrixFamilies() {
        assertParity(GameCatalog.game("shapley"), 10, 25);
        assertParity(GameCatalog.game("biased_shapley"), 10, 26);
        assertParity(GameCatalog.game("random_matrix"), 10, 27);
        assertParity(GameCatalog.game("random_matrix(players=3,actions=4,seed=5)"), 10, 28);
    }
}

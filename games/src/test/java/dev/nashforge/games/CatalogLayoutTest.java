package dev.nashforge.games;

import dev.nashforge.games.catalog.CatalogEntry;
import dev.nashforge.games.catalog.GameCatalog;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameCompiler;
import dev.nashforge.games.testing.LayoutInvariants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Layout invariants (treeplex order, depth groups, child-infoset CSR, sorted terminal views, chance) on every
 * catalog family at its defaults and on a few non-default specs. Three-player Leduc is checked in
 * {@code LeducThreePlayerTest}, which compiles it once.
 */
class CatalogLayoutTest {

    static Stream<String> specs() {
        Stream<String> defaults = GameCatalog.entries().stream().map(CatalogEntry::defaultSpec);
        return Stream.concat(defaults, Stream.of("kuhn_poker(players=3)", "kuhn_poker(players=4)",
                "biased_leduc(rake=0.2,bias=1)", "random_matrix(players=3,actions=4,seed=7)",
                "random_matrix(players=2,actions=1,seed=1)"));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyCatalogGameCompilesToAValidLayout(String spec) {
        CompiledGame game = GameCompiler.compile(GameCatalog.game(spec));
        LayoutInvariants.assertValid(game);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shapley", "biased_shapley", "random_matrix(players=3,actions=2,seed=3)"})
    void normalFormGamesHaveOneInfosetPerPlayerAndNoChance(String spec) {
        CompiledGame game = GameCompiler.compile(GameCatalog.game(spec));
        for (int i = 0; i < game.numPlayers(); i++) {
            assertEquals(1, game.structure().treeplex(i).numInfosets());
        }
        assertEquals(0, game.structure().numChanceNodes());
    }
}

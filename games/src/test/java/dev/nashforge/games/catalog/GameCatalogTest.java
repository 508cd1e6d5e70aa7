package dev.nashforge.games.catalog;

import dev.nashforge.games.batch.GameDistribution;
import dev.nashforge.games.model.Game;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameCatalogTest {

    private static String error(Runnable r) {
        return assertThrows(CatalogException.class, r::run).getMessage();
    }

    @Test
    void canonicalNamesListEveryParameter() {
        assertEquals("kuhn_poker(players=2)", GameCatalog.game("kuhn_poker").name());
        assertEquals("kuhn_poker(players=3)", GameCatalog.game(" kuhn_poker ( players = 3 ) ").name());
        assertEquals("leduc_poker(players=2)", GameCatalog.game("leduc_poker()").name());
        assertEquals("biased_leduc(rake=0.1,bias=0.5)", GameCatalog.game("biased_leduc").name());
        assertEquals("biased_leduc(rake=0.25,bias=0)", GameCatalog.game("biased_leduc(bias=0.0,rake=0.25)").name());
        assertEquals("shapley", GameCatalog.game("shapley").name());
        assertEquals("biased_shapley(bias0=0.5,bias1=0.25)", GameCatalog.game("biased_shapley").name());
        assertEquals("random_matrix(players=2,actions=3,seed=0)", GameCatalog.game("random_matrix").name());
        assertEquals("random_matrix(players=4,actions=2,seed=-5)",
                GameCatalog.game("random_matrix(seed=-5,players=4,actions=2)").name());
    }

    @Test
    void everyEntryBuildsAtItsDefaultSpecWithThatName() {
        for (CatalogEntry e : GameCatalog.entries()) {
            Game g = GameCatalog.game(e.name());
            assertEquals(e.defaultSpec(), g.name());
            assertEquals(g.name(), GameCatalog.game(g.name()).name(), "canonical names parse back to themselves");
        }
    }

    @Test
    void distributionNamesIncludeGameAndDistributionParameters() {
        GameDistribution d = GameCatalog.distribution("kuhn_poker(chance_noise=0.5)");
        assertEquals("kuhn_poker(players=2,noise=0.1,chance_noise=0.5)", d.name());
        assertEquals("shapley(noise=0.1)", GameCatalog.distribution("shapley").name());
        assertEquals("random_matrix(players=2,actions=3,seed=0,resample=1,noise=0)",
                GameCatalog.distribution("random_matrix").name());
        assertEquals("biased_leduc(rake=0.1,bias=0.5,noise=0,chance_noise=0)",
                GameCatalog.distribution("biased_leduc(noise=0)").name());
        // the general-sum Leduc distribution is noisier by default than the zero-sum families' (see Distributions)
        assertEquals("biased_leduc(rake=0.1,bias=0.5,noise=0.5,chance_noise=0)",
                GameCatalog.distribution("biased_leduc").name());
        assertEquals("leduc_poker(players=2,noise=0.1,chance_noise=0)", GameCatalog.distribution("leduc_poker").name());
    }

    @Test
    void entriesDescribeFamiliesAndParameters() {
        List<String> names = GameCatalog.entries().stream().map(CatalogEntry::name).toList();
        assertEquals(List.of("kuhn_poker", "leduc_poker", "biased_leduc", "shapley", "biased_shapley",
                "random_matrix"), names);
        CatalogEntry leduc = GameCatalog.entry("leduc_poker");
        assertEquals(GameKind.EXTENSIVE_FORM, leduc.kind());
        assertEquals(List.of("players"), leduc.parameterNames());
        assertEquals(List.of("noise", "chance_noise"), leduc.distributionParameterNames());
        assertEquals(GameKind.NORMAL_FORM, GameCatalog.entry("shapley").kind());
        assertTrue(leduc.parameters().get(0).describe().startsWith("players = 2 (integer 2..3): number of players"),
                leduc.parameters().get(0).describe());
        for (CatalogEntry e : GameCatalog.entries()) {
            assertTrue(!e.description().isBlank() && !e.distributionParameters().isEmpty(), e.name());
        }
    }

    @Test
    void unknownGameListsTheKnownNames() {
        assertEquals("unknown game 'kuhn'; known games: kuhn_poker, leduc_poker, biased_leduc, shapley,"
                + " biased_shapley, random_matrix", error(() -> GameCatalog.game("kuhn(players=2)")));
        assertTrue(error(() -> GameCatalog.distribution("chess")).startsWith("unknown game 'chess'; known games:"));
    }

    @Test
    void unknownParameterListsTheFamilysParameters() {
        assertEquals("kuhn_poker: unknown parameter 'player'; parameters of kuhn_poker: players",
                error(() -> GameCatalog.game("kuhn_poker(player=3)")));
        assertEquals("shapley: unknown parameter 'bias0'; parameters of shapley: none",
                error(() -> GameCatalog.game("shapley(bias0=1)")));
        assertEquals("leduc_poker: unknown parameter 'rake'; parameters of leduc_poker: players, noise,"
                + " chance_noise", error(() -> GameCatalog.distribution("leduc_poker(rake=0.1)")));
        assertEquals("kuhn_poker: 'noise' is a distribution parameter; a game accepts only players (use it in a"
                + " distribution spec)", error(() -> GameCatalog.game("kuhn_poker(noise=0.1)")));
    }

    @Test
    void badValuesNameParameterValueAndRange() {
        assertEquals("kuhn_poker: players=1 is out of range; allowed integer 2..6",
                error(() -> GameCatalog.game("kuhn_poker(players=1)")));
        assertEquals("leduc_poker: players=4 is out of range; allowed integer 2..3",
                error(() -> GameCatalog.game("leduc_poker(players=4)")));
        assertEquals("kuhn_poker: players=two is not a valid integer; allowed integer 2..6",
                error(() -> GameCatalog.game("kuhn_poker(players=two)")));
        assertEquals("kuhn_poker: players=2.5 is not a valid integer; allowed integer 2..6",
                error(() -> GameCatalog.game("kuhn_poker(players=2.5)")));
        assertEquals("biased_leduc: rake=1.5 is out of range; allowed real 0..1",
                error(() -> GameCatalog.game("biased_leduc(rake=1.5)")));
        assertEquals("biased_leduc: bias=NaN is out of range; allowed real 0..10",
                error(() -> GameCatalog.game("biased_leduc(bias=NaN)")));
        assertEquals("shapley: noise=-0.1 is out of range; allowed real 0..10",
                error(() -> GameCatalog.distribution("shapley(noise=-0.1)")));
        assertEquals("random_matrix: seed=x is not a valid 64-bit integer; allowed 64-bit integer",
                error(() -> GameCatalog.game("random_matrix(seed=x)")));
        assertEquals("random_matrix: actions^players = 64^8 exceeds 1048576 joint actions; use fewer players or"
                + " actions", error(() -> GameCatalog.game("random_matrix(players=8,actions=64)")));
        assertEquals("random_matrix: resample=2 is out of range; allowed integer 0..1",
                error(() -> GameCatalog.distribution("random_matrix(resample=2)")));
    }

    @Test
    void malformedSpecsExplainTheSyntax() {
        String syntax = "expected name or name(param=value,...), e.g. kuhn_poker(players=3)";
        assertEquals("empty game spec; " + syntax, error(() -> GameCatalog.game(" ")));
        assertEquals("malformed game spec 'kuhn_poker(players=2': missing ')' at the end; " + syntax,
                error(() -> GameCatalog.game("kuhn_poker(players=2")));
        assertEquals("malformed game spec 'kuhn_poker(players)': 'players' is not param=value; " + syntax,
                error(() -> GameCatalog.game("kuhn_poker(players)")));
        assertEquals("malformed game spec 'kuhn_poker(players=2,)': '' is not param=value; " + syntax,
                error(() -> GameCatalog.game("kuhn_poker(players=2,)")));
        assertEquals("malformed game spec 'kuhn_poker(players=2,players=3)': parameter 'players' is given twice",
                error(() -> GameCatalog.game("kuhn_poker(players=2,players=3)")));
        assertEquals("malformed game spec '3kuhn': '3kuhn' is not a game name; " + syntax,
                error(() -> GameCatalog.game("3kuhn")));
        assertEquals("malformed game spec 'a(b=(1))': nested parentheses; " + syntax,
                error(() -> GameCatalog.game("a(b=(1))")));
    }

    @Test
    void specParserKeepsArgumentsInOrder() {
        GameSpec s = GameSpec.parse("random_matrix( seed = 3 , players=4 )");
        assertEquals("random_matrix", s.name());
        assertEquals(List.of("seed", "players"), List.copyOf(s.arguments().keySet()));
        assertEquals(Map.of("seed", "3", "players", "4"), s.arguments());
        assertTrue(CatalogException.class.getSuperclass() == IllegalArgumentException.class);
    }
}

package dev.nashforge.cpu;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.games.model.Game;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import dev.nashforge.host.solver.UpdateMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Parity between two independent implementations (style.md rule 5): the flat, batched CPU backend driven by
 * {@link RegretMinimizer} and the recursive tree-walking {@link RecursiveCfr} (OpenSpiel's structure), for every
 * preset in both update modes, on random general-sum games with chance, imperfect information, terminals at
 * several depths, 2 and 3 players. After 30 iterations every infoset's current strategy, average strategy and
 * cumulative regret agree to 1e-9 (the two sum in different orders; rounding differences stay near 1e-15
 * unless regret matching meets an exact tie, which these random payoffs avoid).
 */
class RecursiveReferenceParityTest {

    private static final int ITERATIONS = 30;
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        List<SolverConfig> presets = List.of(SolverConfig.cfr(), SolverConfig.cfrPlus(), SolverConfig.lcfr(),
                SolverConfig.dcfr(), SolverConfig.dcfr(2, 0.5, 1), SolverConfig.pcfrPlus());
        List<Game> games = List.of(TestGames.signalGame(2, 3, 2, 7), TestGames.signalGame(3, 2, 2, 11));
        List<Arguments> out = new ArrayList<>();
        for (Game g : games) {
            for (SolverConfig c : presets) {
                for (UpdateMode mode : UpdateMode.values()) {
                    out.add(Arguments.of(g, c.withUpdates(mode)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void flatEngineMatchesRecursiveReference(Game game, SolverConfig config) {
        CompiledGame compiled = TestGames.compile(game);
        RecursiveCfr reference = new RecursiveCfr(game, config);
        try (SolverSession session = new CpuBackend(1).open(TestGames.single(compiled), config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < ITERATIONS; t++) {
                solver.iterate();
                reference.iterate();
            }
            double[][] current = session.read(SequenceBuffer.CURRENT_STRATEGY)[0];
            double[][] regret = session.read(SequenceBuffer.CUMULATIVE_REGRET)[0];
            double[][] averagePlan = session.read(SequenceBuffer.AVERAGE_PLAN)[0];
            for (int p = 0; p < compiled.numPlayers(); p++) {
                Treeplex t = compiled.structure().treeplex(p);
                double[] average = Profiles.behaviourFromPlan(t, averagePlan[p]);
                for (int infoset = 0; infoset < t.numInfosets(); infoset++) {
                    String key = t.infosetKeys()[infoset];
                    double[] refCurrent = reference.currentStrategy(p, key);
                    double[] refAverage = reference.averageStrategy(p, key);
                    double[] refRegret = reference.cumulativeRegret(p, key);
                    assertNotNull(refCurrent, "reference never visited infoset " + key);
                    int first = t.firstSequence()[infoset];
                    for (int a = 0; a < t.numActions()[infoset]; a++) {
                        String where = config.describe() + ": player " + p + ", infoset " + key + ", action " + a;
                        assertEquals(refCurrent[a], current[p][first + a], TOLERANCE, "current strategy, " + where);
                        assertEquals(refAverage[a], average[first + a], TOLERANCE, "average strategy, " + where);
                        assertEquals(refRegret[a], regret[p][first + a],
                                TOLERANCE * Math.max(1, Math.abs(refRegret[a])), "cumulative regret, " + where);
                    }
                }
            }
        }
    }
}

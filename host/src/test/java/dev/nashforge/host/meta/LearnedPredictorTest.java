package dev.nashforge.host.meta;

import dev.nashforge.host.meta.model.ModelFile;
import dev.nashforge.host.meta.model.NpcfrModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine-facing predictor gives exactly the predictions the unrolled solver uses. */
class LearnedPredictorTest {

    @Test
    void predictionsMatchTheUnrolledSolverBitForBit() {
        NpcfrModel model = ModelFile.readResource(ShippedModelTest.RESOURCE);
        MetaTestGames g = MetaTestGames.biasedShapley();
        MetaLayout l = g.layout;
        UnrolledSolver solver = new UnrolledSolver(l, model.network(),
                new UnrolledConfig(model.variant(), model.averaging(), 1, MetaLoss.totalCorrelation()));
        List<double[]> strategies = new ArrayList<>();
        List<double[]> regrets = new ArrayList<>();
        List<double[]> predictions = new ArrayList<>();
        solver.run(g.instance, model.parameters(), 20, view -> {
            strategies.add(view.strategy().clone());
            regrets.add(view.regret().clone());
            predictions.add(view.prediction().clone());
        });
        LearnedPredictor predictor = new LearnedPredictor(model, l.structure(), g.batch.instance(0));
        boolean plus = model.variant().plus();
        double[] cumulative = new double[l.numSequences()];
        double[][] next = UnrolledGradientTest.perPlayer(l, new double[l.numSequences()]);
        for (int t = 1; t < 20; t++) {
            double[] r = regrets.get(t - 1);
            for (int s = 0; s < cumulative.length; s++) {
                cumulative[s] = plus ? Math.max(cumulative[s] + r[s], 0) : cumulative[s] + r[s];
            }
            predictor.predict(t, UnrolledGradientTest.perPlayer(l, r), UnrolledGradientTest.perPlayer(l, cumulative),
                    UnrolledGradientTest.perPlayer(l, predictions.get(t - 1)),
                    UnrolledGradientTest.perPlayer(l, strategies.get(t - 1)), next);
            double[][] expected = UnrolledGradientTest.perPlayer(l, predictions.get(t));
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], next[i], 0.0, "m^" + (t + 1) + " of player " + i);
            }
        }
        assertThrows(IllegalStateException.class, () -> predictor.predict(5, next, next, next, next, next));
    }
}

package dev.nashforge.bench.meta;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.host.meta.BaselinePrediction;
import dev.nashforge.host.meta.MetaInstance;
import dev.nashforge.host.meta.MetaLayout;
import dev.nashforge.host.meta.PredictionBounds;
import dev.nashforge.host.meta.UnrolledConfig;
import dev.nashforge.host.meta.UnrolledSolver;
import dev.nashforge.host.meta.ops.NashGapOp;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Median NashGap of the average profile at every power of two up to a budget, over a batch of games, for one
 * solver (learned or baseline). Simultaneous updates throughout.
 */
final class ConvergenceTable {

    private ConvergenceTable() {
    }

    /** {@code [k]} median NashGap after 2^k iterations, k = 0..log2(budget). */
    static double[] medianNashGaps(MetaLayout layout, GameBatch games, int budget, Supplier<UnrolledSolver> solvers,
                                   double[] params, int threads) {
        int levels = 31 - Integer.numberOfLeadingZeros(budget) + 1;
        double[][] gaps = new double[levels][games.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    UnrolledSolver solver = solvers.get();
                    PredictionBounds bounds = new PredictionBounds(layout);
                    NashGapOp nash = new NashGapOp(layout);
                    for (int b = first; b < games.size(); b += threads) {
                        MetaInstance inst = MetaInstance.of(games, b, bounds);
                        int game = b;
                        solver.run(inst, params, budget, view -> {
                            int t = view.t();
                            if ((t & (t - 1)) == 0) {
                                int k = Integer.numberOfTrailingZeros(t);
                                gaps[k][game] = nash.forward(inst.chanceReach(), inst.utility(), view.average(), null);
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("evaluation failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        double[] medians = new double[levels];
        for (int k = 0; k < levels; k++) {
            double[] g = gaps[k].clone();
            Arrays.sort(g);
            int n = g.length;
            medians[k] = n % 2 == 1 ? g[n / 2] : 0.5 * (g[n / 2 - 1] + g[n / 2]);
        }
        return medians;
    }

    static Supplier<UnrolledSolver> baseline(MetaLayout layout, BaselinePrediction prediction, UnrolledConfig config) {
        return () -> new UnrolledSolver(layout, prediction, config);
    }
}

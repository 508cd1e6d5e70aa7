package dev.nashforge.host.meta;

import dev.nashforge.games.layout.GameInstance;
import dev.nashforge.host.meta.nn.PredictorArchitecture;
import dev.nashforge.host.meta.nn.PredictorNetwork;
import dev.nashforge.host.metrics.ExactEvaluator;
import dev.nashforge.host.metrics.JointPlay;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guarantee of method.md §5 (issue part 9): whatever the network outputs, the learned solver keeps the regret
 * bound of predictive regret matching with bounded predictions, so it still converges to a CCE on any game.
 *
 * <p><b>The bound checked.</b> At an infoset I with n actions, predictive RM+ (NPCFR+) and predictive RM (NPCFR)
 * satisfy, for the counterfactual regrets r^t and predictions m^t,
 * <pre>  ρ_I = max_a Σ_{t≤T} r^t(I,a) ≤ sqrt(S_I),   S_I = Σ_{t≤T} ‖r^t_I − m^t_I‖²  </pre>
 * (potential Φ(R) = ½‖[R]⁺‖²: with θ = [R^{t−1} + m^t]⁺ ⊥ r^t, convexity and 1-smoothness of Φ give
 * Φ(R^{t−1} + r^t) − Φ(R^{t−1}) ≤ ½‖r^t − m^t‖²; RM+'s clipping does not change Φ and R^T ≥ Σ_t r^t; cf. Farina,
 * Kroer, Sandholm, "Faster game solving via predictive Blackwell approachability", AAAI 2021). With |r|, |m| ≤ B_I
 * this is at most {@code 2 B_I sqrt(n T)}: O(√T). By the CFR decomposition (Zinkevich et al. 2007, Thm 3) player
 * i's external regret in the whole game is at most {@code Σ_{I of i} [ρ_I]⁺ ≤ Σ_I 2 B_I sqrt(n_I T)} — the constant
 * asserted here, on adversarial inputs: networks with huge random weights (saturated outputs m = ±B), payoffs
 * scaled by 1000 and shifted, and games unlike any training distribution.
 */
class RegretGuaranteeTest {

    private static final int ITERATIONS = 400;

    private record Case(String name, MetaTestGames game, GameInstance instance) {
    }

    private static GameInstance adversariallyScaled(MetaTestGames g) {
        GameInstance base = g.batch.instance(0);
        double[][] u = new double[base.utility().length][];
        for (int i = 0; i < u.length; i++) {
            u[i] = base.utility()[i].clone();
            for (int z = 0; z < u[i].length; z++) {
                u[i][z] = i == 0 ? 1000 * u[i][z] : u[i][z] - 500 * (z % 2);
            }
        }
        return new GameInstance(base.chanceReach(), u);
    }

    @Test
    void externalRegretStaysWithinThePredictiveRegretMatchingBound() {
        MetaTestGames shapley = MetaTestGames.biasedShapley();
        MetaTestGames kuhn = MetaTestGames.kuhn();
        Case[] cases = {
            new Case("biased Shapley, payoffs x1000 and shifted", shapley, adversariallyScaled(shapley)),
            new Case("random 3-player game", MetaTestGames.matrix3(), MetaTestGames.matrix3().batch.instance(0)),
            new Case("Kuhn with noise, payoffs x1000 and shifted", kuhn, adversariallyScaled(kuhn)),
            new Case("3-player Kuhn with noise", MetaTestGames.kuhn3(), MetaTestGames.kuhn3().batch.instance(0)),
        };
        int checked = 0;
        for (Case c : cases) {
            for (PredictorArchitecture arch : new PredictorArchitecture[] {PredictorArchitecture.gru(8),
                    PredictorArchitecture.mlp(8)}) {
                for (SolverVariant variant : SolverVariant.values()) {
                    PredictorNetwork net = new PredictorNetwork(arch);
                    SplittableRandom r = new SplittableRandom(17);
                    double[] huge = new double[net.parameterCount()];
                    for (int k = 0; k < huge.length; k++) {
                        huge[k] = 100 * (2 * r.nextDouble() - 1);
                    }
                    UnrolledSolver solver = new UnrolledSolver(c.game().layout, net, UnrolledConfig.of(variant, 1));
                    checkBound(c.name() + ", " + arch.cell() + " with huge weights, " + variant, c, solver, huge);
                    checked++;
                }
            }
            UnrolledSolver pcfr = new UnrolledSolver(c.game().layout, BaselinePrediction.LAST_REGRET,
                    UnrolledConfig.of(SolverVariant.NPCFR_PLUS, 1));
            checkBound(c.name() + ", PCFR+", c, pcfr, null);
            checked++;
        }
        assertTrue(checked == 20);
    }

    private static void checkBound(String what, Case c, UnrolledSolver solver, double[] params) {
        MetaLayout l = c.game().layout;
        MetaInstance inst = MetaInstance.of(c.instance(), new PredictionBounds(l));
        double[] bound = inst.bound();
        int numS = l.numSequences();
        double[] cumulative = new double[numS];
        double[] squaredError = new double[l.numInfosets()];
        JointPlay play = JointPlay.empty(l.structure());
        solver.run(inst, params, ITERATIONS, view -> {
            double[] reg = view.regret();
            double[] m = view.prediction();
            for (int g = 0; g < l.numInfosets(); g++) {
                for (int s = l.infosetFirst()[g]; s < l.infosetFirst()[g] + l.infosetActions()[g]; s++) {
                    assertTrue(Math.abs(m[s]) <= bound[g], what + ": |m| exceeds B_I");
                    assertTrue(Math.abs(reg[s]) <= bound[g] * (1 + 1e-12) + 1e-12, what + ": |r| exceeds B_I = "
                            + bound[g] + " at infoset " + g + ": r = " + reg[s]);
                    cumulative[s] += reg[s];
                    squaredError[g] += (reg[s] - m[s]) * (reg[s] - m[s]);
                }
            }
            play.add(1.0, UnrolledGradientTest.perPlayer(l, view.plan()));
        });
        ExactEvaluator evaluator = new ExactEvaluator(l.structure());
        double[] incentives = evaluator.cceDeviationIncentives(c.instance(), play);
        for (int i = 0; i < l.numPlayers(); i++) {
            double sumLocal = 0;
            double sumData = 0;
            double sumPrior = 0;
            for (int g = l.infosetOffset()[i]; g < l.infosetOffset()[i + 1]; g++) {
                double rho = Double.NEGATIVE_INFINITY;
                for (int s = l.infosetFirst()[g]; s < l.infosetFirst()[g] + l.infosetActions()[g]; s++) {
                    rho = Math.max(rho, cumulative[s]);
                }
                double data = Math.sqrt(squaredError[g]);
                double prior = 2 * bound[g] * Math.sqrt(l.infosetActions()[g] * (double) ITERATIONS);
                double tol = 1e-9 * Math.max(1, prior);
                assertTrue(rho <= data + tol, what + ": local regret " + rho + " above sqrt(S_I) = " + data);
                assertTrue(data <= prior + tol, what + ": sqrt(S_I) " + data + " above 2 B sqrt(nT) = " + prior);
                sumLocal += Math.max(rho, 0);
                sumData += data;
                sumPrior += prior;
            }
            double external = ITERATIONS * incentives[i];
            double tol = 1e-9 * Math.max(1, sumPrior);
            assertTrue(external <= sumLocal + tol, what + ", player " + i + ": external regret " + external
                    + " above the CFR decomposition Σ[ρ_I]⁺ = " + sumLocal);
            assertTrue(external <= sumPrior + tol, what + ", player " + i + ": external regret " + external
                    + " above Σ 2 B_I sqrt(n_I T) = " + sumPrior);
            assertTrue(sumData <= sumPrior + tol);
        }
    }
}

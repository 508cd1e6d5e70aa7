package dev.nashforge.cpu;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SolverSession;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first three iterations of every rule on the 2×2 general-sum game of {@link TestGames#traceGame()},
 * computed by hand (exact fractions) in each test's comment and compared with the CPU backend in double
 * precision.
 *
 * <p>Game: u0 = [[2, −1], [−1, 1]], u1 = [[−1, 1], [1, −1]] (rows: player 0's H, T; columns: player 1's H, T).
 * Against σ1 = (p, 1−p), player 0's counterfactual values are q0 = (3p − 1, 1 − 2p); against σ0 = (p, 1−p),
 * player 1's are q1 = (1 − 2p, 2p − 1). V = σ·q, r = q − V. In the traces "p0:" is player 0's update, written
 * q → V → r → R → σ. Alternating updates: player 1 sees player 0's new strategy of the same iteration.
 * The average after three iterations is Σ w_t σ^t / Σ w_t of the strategies at the start of each iteration.
 */
class HandTraceTest {

    private static final double EXACT = 1e-12;

    /**
     * CFR (alternating, w_t = 1).
     * <pre>
     * t=1 σ0=σ1=(1/2,1/2)
     *   p0: q=(1/2,0)  V=1/4  r=(1/4,−1/4)  R0=(1/4,−1/4) → σ0=(1,0)
     *   p1 vs (1,0): q=(−1,1)  V=0  r=(−1,1)  R1=(−1,1) → σ1=(0,1)
     * t=2 p0 vs (0,1): q=(−1,1)  V=−1  r=(0,2)  R0=(1/4,7/4) → σ0=(1/8,7/8)
     *   p1 vs (1/8,7/8): q=(3/4,−3/4)  V=−3/4  r=(3/2,0)  R1=(1/2,1) → σ1=(1/3,2/3)
     * t=3 p0 vs (1/3,2/3): q=(0,1/3)  V=7/24  r=(−7/24,1/24)  R0=(−1/24,43/24) → σ0=(0,1)
     *   p1 vs (0,1): q=(1,−1)  V=−1/3  r=(4/3,−2/3)  R1=(11/6,1/3) → σ1=(11/13,2/13)
     * average: σ0 = ((1/2,1/2)+(1,0)+(1/8,7/8))/3 = (13/24,11/24); σ1 = ((1/2,1/2)+(0,1)+(1/3,2/3))/3 = (5/18,13/18)
     * </pre>
     */
    @Test
    void cfr() {
        check(SolverConfig.cfr(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 8, 7.0 / 8}, {1.0 / 3, 2.0 / 3}},
                        {{0, 1}, {11.0 / 13, 2.0 / 13}}},
                new double[][] {{-1.0 / 24, 43.0 / 24}, {11.0 / 6, 1.0 / 3}},
                new double[][] {{13.0 / 24, 11.0 / 24}, {5.0 / 18, 13.0 / 18}});
    }

    /**
     * CFR+ (alternating, R ← [R + r]⁺, w_t = t).
     * <pre>
     * t=1 p0: q=(1/2,0)  V=1/4  r=(1/4,−1/4)  R0=(1/4,0) → σ0=(1,0)
     *   p1 vs (1,0): q=(−1,1)  V=0  r=(−1,1)  R1=(0,1) → σ1=(0,1)
     * t=2 p0 vs (0,1): q=(−1,1)  V=−1  r=(0,2)  R0=(1/4,2) → σ0=(1/9,8/9)
     *   p1 vs (1/9,8/9): q=(7/9,−7/9)  V=−7/9  r=(14/9,0)  R1=(14/9,1) → σ1=(14/23,9/23)
     * t=3 p0 vs (14/23,9/23): q=(19/23,−5/23)  V=1/9·19/23 − 8/9·5/23 = −7/69  r=(64/69,−8/69)
     *       R0=(1/4+64/69, [2−8/69]⁺)=(325/276,130/69) → σ0=(5/13,8/13)
     *   p1 vs (5/13,8/13): q=(3/13,−3/13)  V=14/23·3/13 − 9/23·3/13 = 15/299  r=(54/299,−84/299)
     *       R1=(14/9+54/299, 1−84/299)=(4672/2691,215/299) → σ1=(4672/6607,1935/6607)
     * average (w = 1, 2, 3; W = 6): σ0 = (1·1/2 + 2·1 + 3·1/9)/6 = 17/36 → (17/36,19/36);
     *   σ1 = (1·1/2 + 2·0 + 3·14/23)/6 = 107/276 → (107/276,169/276)
     * </pre>
     */
    @Test
    void cfrPlus() {
        check(SolverConfig.cfrPlus(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 9, 8.0 / 9}, {14.0 / 23, 9.0 / 23}},
                        {{5.0 / 13, 8.0 / 13}, {4672.0 / 6607, 1935.0 / 6607}}},
                new double[][] {{325.0 / 276, 130.0 / 69}, {4672.0 / 2691, 215.0 / 299}},
                new double[][] {{17.0 / 36, 19.0 / 36}, {107.0 / 276, 169.0 / 276}});
    }

    /**
     * LCFR (alternating, R ← R + t·r, w_t = t).
     * <pre>
     * t=1 as CFR: R0=(1/4,−1/4) → σ0=(1,0); R1=(−1,1) → σ1=(0,1)
     * t=2 p0 vs (0,1): r=(0,2)  R0=(1/4,−1/4+4)=(1/4,15/4) → σ0=(1/16,15/16)
     *   p1 vs (1/16,15/16): q=(7/8,−7/8)  V=−7/8  r=(7/4,0)  R1=(−1+7/2,1)=(5/2,1) → σ1=(5/7,2/7)
     * t=3 p0 vs (5/7,2/7): q=(8/7,−3/7)  V=1/16·8/7 − 15/16·3/7 = −37/112  r=(165/112,−11/112)
     *       R0=(1/4+3·165/112, 15/4−3·11/112)=(523/112,387/112) → σ0=(523/910,387/910)
     *   p1 vs (523/910,387/910): q=(−68/455,68/455)  V=(2/7−5/7)·68/455 = −204/3185
     *       r=(−272/3185,136/637)  R1=(5/2−816/3185, 1+408/637)=(14293/6370,1045/637) → σ1=(14293/24743,10450/24743)
     * average (W = 6): σ0 = (1/2 + 2·1 + 3/16)/6 = 43/96; σ1 = (1/2 + 0 + 3·5/7)/6 = 37/84
     * </pre>
     */
    @Test
    void lcfr() {
        check(SolverConfig.lcfr(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 16, 15.0 / 16}, {5.0 / 7, 2.0 / 7}},
                        {{523.0 / 910, 387.0 / 910}, {14293.0 / 24743, 10450.0 / 24743}}},
                new double[][] {{523.0 / 112, 387.0 / 112}, {14293.0 / 6370, 1045.0 / 637}},
                new double[][] {{43.0 / 96, 53.0 / 96}, {37.0 / 84, 47.0 / 84}});
    }

    /**
     * DCFR(1.5, 0, 2) (alternating). With d⁺(t) = t^1.5/(t^1.5+1) and d⁻ = 1/2 (β = 0):
     * d⁺(1) = 1/2, d⁺(2) = 2√2/(2√2+1), d⁺(3) = 3√3/(3√3+1); w_t = t².
     * <pre>
     * t=1 p0: r=(1/4,−1/4)  R0=(1/4·1/2, −1/4·1/2)=(1/8,−1/8) → σ0=(1,0)
     *   p1 vs (1,0): r=(−1,1)  R1=(−1/2,1/2) → σ1=(0,1)
     * t=2 p0 vs (0,1): r=(0,2)  R0=(1/8·d⁺(2), (2−1/8)·d⁺(2)) → σ0=(1/16,15/16)  (both scaled alike)
     *   p1 vs (1/16,15/16): q=(7/8,−7/8)  V=−7/8  r=(7/4,0)  R1=((5/4)·d⁺(2), (1/2)·d⁺(2)) → σ1=(5/7,2/7)
     * t=3 p0 vs (5/7,2/7): r=(165/112,−11/112) (as in LCFR)
     *       R0=((d⁺(2)/8 + 165/112)·d⁺(3), (15d⁺(2)/8 − 11/112)·d⁺(3)) → σ0 ∝ R0
     *   p1 vs σ0=(a,1−a): q=(1−2a, 2a−1), V=(5/7−2/7)(1−2a), r=q−V
     *       R1=(5d⁺(2)/4 + r_H, d⁺(2)/2 + r_T)·d⁺(3) (both stay positive) → σ1 ∝ R1
     * average (w = 1, 4, 9; W = 14): σ0 = (1/2 + 4·1 + 9/16)/14 = 81/224; σ1 = (1/2 + 0 + 9·5/7)/14 = 97/196
     * </pre>
     */
    @Test
    void dcfr() {
        double d2 = Math.pow(2, 1.5) / (Math.pow(2, 1.5) + 1);
        double d3 = Math.pow(3, 1.5) / (Math.pow(3, 1.5) + 1);
        double[] r0 = {(d2 / 8 + 165.0 / 112) * d3, (15 * d2 / 8 - 11.0 / 112) * d3};
        double a = r0[0] / (r0[0] + r0[1]);
        double v1 = (5.0 / 7 - 2.0 / 7) * (1 - 2 * a);
        double[] r1 = {(5 * d2 / 4 + (1 - 2 * a) - v1) * d3, (d2 / 2 + (2 * a - 1) - v1) * d3};
        double b = r1[0] / (r1[0] + r1[1]);
        check(SolverConfig.dcfr(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 16, 15.0 / 16}, {5.0 / 7, 2.0 / 7}},
                        {{a, 1 - a}, {b, 1 - b}}},
                new double[][] {r0, r1},
                new double[][] {{81.0 / 224, 143.0 / 224}, {97.0 / 196, 99.0 / 196}});
    }

    /**
     * PCFR+ (alternating, R ← [R + r]⁺, σ ∝ [R + m]⁺ with m the last r, w_t = t²).
     * <pre>
     * t=1 p0: r=(1/4,−1/4)  R0=(1/4,0)  m0=(1/4,−1/4)  R0+m0=(1/2,−1/4) → σ0=(1,0)
     *   p1 vs (1,0): r=(−1,1)  R1=(0,1)  m1=(−1,1)  R1+m1=(−1,2) → σ1=(0,1)
     * t=2 p0 vs (0,1): q=(−1,1)  V=−1  r=(0,2)  R0=(1/4,2)  m0=(0,2)  R0+m0=(1/4,4) → σ0=(1/17,16/17)
     *   p1 vs (1/17,16/17): q=(15/17,−15/17)  V=−15/17  r=(30/17,0)  R1=(30/17,1)  m1=(30/17,0)
     *       R1+m1=(60/17,1) → σ1=(60/77,17/77)
     * t=3 p0 vs (60/77,17/77): q=(103/77,−43/77)  V=103/1309 − 688/1309 = −585/1309
     *       r=(2336/1309,−146/1309)  R0=(1/4+2336/1309, 2−146/1309)=(10653/5236,2472/1309)
     *       R0+r=(19997/5236, 2326/1309) → σ0=(19997/29301,9304/29301)
     *   p1 vs σ0=(a,1−a), a=19997/29301: q=(1−2a,2a−1)  V=(60/77−17/77)(1−2a)  r=q−V
     *       R1=(30/17+r_H, 1+r_T) (both positive) → σ1 ∝ R1 + r = (55324202,81982449)/137306651
     * average (w = 1, 4, 9; W = 14): σ0 = (1/2 + 4·1 + 9/17)/14 = 171/476; σ1 = (1/2 + 0 + 9·60/77)/14 = 1157/2156
     * </pre>
     */
    @Test
    void pcfrPlus() {
        check(SolverConfig.pcfrPlus(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 17, 16.0 / 17}, {60.0 / 77, 17.0 / 77}},
                        {{19997.0 / 29301, 9304.0 / 29301}, {55324202.0 / 137306651, 81982449.0 / 137306651}}},
                new double[][] {{10653.0 / 5236, 2472.0 / 1309}, {61504756.0 / 38355009, 1179779.0 / 752059}},
                new double[][] {{171.0 / 476, 305.0 / 476}, {1157.0 / 2156, 999.0 / 2156}});
    }

    /**
     * RM (simultaneous, w_t = 1): both players respond to the same profile.
     * <pre>
     * t=1 σ=(1/2,1/2) both. p0: q=(1/2,0) V=1/4 r=(1/4,−1/4); p1: q=(0,0) r=(0,0)
     *     R0=(1/4,−1/4) → σ0=(1,0); R1=(0,0) → σ1=(1/2,1/2)
     * t=2 p0 vs (1/2,1/2): q=(1/2,0) V=1/2 r=(0,−1/2); p1 vs (1,0): q=(−1,1) V=0 r=(−1,1)
     *     R0=(1/4,−3/4) → σ0=(1,0); R1=(−1,1) → σ1=(0,1)
     * t=3 p0 vs (0,1): q=(−1,1) V=−1 r=(0,2); p1 vs (1,0): q=(−1,1) V=1 r=(−2,0)
     *     R0=(1/4,5/4) → σ0=(1/6,5/6); R1=(−3,1) → σ1=(0,1)
     * average: σ0 = (1/2+1+1)/3 = 5/6; σ1 = (1/2+1/2+0)/3 = 1/3
     * </pre>
     */
    @Test
    void rm() {
        check(SolverConfig.rm(),
                new double[][][] {{{1, 0}, {0.5, 0.5}}, {{1, 0}, {0, 1}}, {{1.0 / 6, 5.0 / 6}, {0, 1}}},
                new double[][] {{0.25, 1.25}, {-3, 1}},
                new double[][] {{5.0 / 6, 1.0 / 6}, {1.0 / 3, 2.0 / 3}});
    }

    /**
     * RM+ (simultaneous, R ← [R + r]⁺, w_t = t).
     * <pre>
     * t=1 r0=(1/4,−1/4), r1=(0,0): R0=(1/4,0) → σ0=(1,0); R1=(0,0) → σ1=(1/2,1/2)
     * t=2 r0=(0,−1/2), r1=(−1,1): R0=(1/4,0) → σ0=(1,0); R1=(0,1) → σ1=(0,1)
     * t=3 r0=(0,2), r1=(−2,0): R0=(1/4,2) → σ0=(1/9,8/9); R1=(0,1) → σ1=(0,1)
     * average (W = 6): σ0 = (1/2+2+3)/6 = 11/12; σ1 = (1/2+2·1/2+0)/6 = 1/4
     * </pre>
     */
    @Test
    void rmPlus() {
        check(SolverConfig.rmPlus(),
                new double[][][] {{{1, 0}, {0.5, 0.5}}, {{1, 0}, {0, 1}}, {{1.0 / 9, 8.0 / 9}, {0, 1}}},
                new double[][] {{0.25, 2}, {0, 1}},
                new double[][] {{11.0 / 12, 1.0 / 12}, {0.25, 0.75}});
    }

    /**
     * PRM+ (simultaneous, σ ∝ [R + m]⁺, w_t = t²).
     * <pre>
     * t=1 r0=(1/4,−1/4), r1=(0,0): R0=(1/4,0), R0+m0=(1/2,−1/4) → σ0=(1,0); R1+m1=(0,0) → σ1=(1/2,1/2)
     * t=2 r0=(0,−1/2), r1=(−1,1): R0=(1/4,0), R0+m0=(1/4,−1/2) → σ0=(1,0); R1=(0,1), R1+m1=(−1,2) → σ1=(0,1)
     * t=3 r0=(0,2), r1=(−2,0): R0=(1/4,2), R0+m0=(1/4,4) → σ0=(1/17,16/17); R1=(0,1), R1+m1=(−2,1) → σ1=(0,1)
     * average (w = 1, 4, 9; W = 14): σ0 = (1/2+4+9)/14 = 27/28; σ1 = (1/2+4·1/2+0)/14 = 5/28
     * </pre>
     */
    @Test
    void prmPlus() {
        check(SolverConfig.prmPlus(),
                new double[][][] {{{1, 0}, {0.5, 0.5}}, {{1, 0}, {0, 1}}, {{1.0 / 17, 16.0 / 17}, {0, 1}}},
                new double[][] {{0.25, 2}, {0, 1}},
                new double[][] {{27.0 / 28, 1.0 / 28}, {5.0 / 28, 23.0 / 28}});
    }

    /**
     * Runs three iterations and compares, per player, σ after each iteration ({@code [t][player][action]}),
     * R after the third and the average behaviour after the third.
     */
    private static void check(SolverConfig config, double[][][] strategyAfter, double[][] regretAfterThree,
                              double[][] averageAfterThree) {
        CompiledGame game = TestGames.compile(TestGames.traceGame());
        try (SolverSession session = new CpuBackend(1).open(TestGames.single(game), config)) {
            RegretMinimizer solver = new RegretMinimizer(session);
            for (int t = 0; t < 3; t++) {
                solver.iterate();
                double[][] sigma = session.read(SequenceBuffer.CURRENT_STRATEGY)[0];
                for (int p = 0; p < 2; p++) {
                    for (int a = 0; a < 2; a++) {
                        assertEquals(strategyAfter[t][p][a], sigma[p][1 + a], EXACT,
                                config.algorithm() + ": σ of player " + p + ", action " + a + " after t=" + (t + 1));
                    }
                }
            }
            double[][] regret = session.read(SequenceBuffer.CUMULATIVE_REGRET)[0];
            double[][] average = session.read(SequenceBuffer.AVERAGE_PLAN)[0];
            for (int p = 0; p < 2; p++) {
                for (int a = 0; a < 2; a++) {
                    assertEquals(regretAfterThree[p][a], regret[p][1 + a], EXACT,
                            config.algorithm() + ": R of player " + p + ", action " + a + " after t=3");
                    assertEquals(averageAfterThree[p][a], average[p][1 + a], EXACT,
                            config.algorithm() + ": average of player " + p + ", action " + a + " after t=3");
                }
            }
        }
    }
}

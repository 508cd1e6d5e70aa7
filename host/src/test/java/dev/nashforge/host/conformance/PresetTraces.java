package dev.nashforge.host.conformance;

import dev.nashforge.host.solver.SolverConfig;

import java.util.List;

/**
 * Hand-computed first three iterations of every preset on {@link ConformanceGames#traceGame()} (exact
 * fractions; the derivations are the traces in {@code fallback-cpu}'s {@code HandTraceTest}, repeated in short
 * here). Against σ1 = (p, 1−p) player 0's counterfactual values are q0 = (3p − 1, 1 − 2p); against σ0 = (p, 1−p)
 * player 1's are q1 = (1 − 2p, 2p − 1); V = σ·q, r = q − V. Alternating presets: player 1 sees player 0's new
 * strategy of the same iteration.
 *
 * @param config              the preset
 * @param strategyAfter       {@code [t][player][action]} σ after iterations 1, 2, 3
 * @param regretAfterThree    {@code [player][action]} R after iteration 3
 * @param averageAfterThree   {@code [player][action]} Σ_t w_t σ^t / Σ_t w_t over the strategies at the start of
 *                            iterations 1..3
 */
record PresetTraces(SolverConfig config, double[][][] strategyAfter, double[][] regretAfterThree,
                    double[][] averageAfterThree) {

    /** Every preset's trace. */
    static List<PresetTraces> all() {
        return List.of(cfr(), cfrPlus(), lcfr(), dcfr(), pcfrPlus(), rm(), rmPlus(), prmPlus());
    }

    /** The trace of the preset named {@code name}. */
    static PresetTraces of(String name) {
        for (PresetTraces t : all()) {
            if (t.config().algorithm().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no hand trace for preset '" + name + "'");
    }

    /**
     * CFR: t=1 R0=(1/4,−1/4) → σ0=(1,0); R1=(−1,1) → σ1=(0,1). t=2 R0=(1/4,7/4) → (1/8,7/8); R1=(1/2,1) →
     * (1/3,2/3). t=3 R0=(−1/24,43/24) → (0,1); R1=(11/6,1/3) → (11/13,2/13).
     */
    static PresetTraces cfr() {
        return new PresetTraces(SolverConfig.cfr(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 8, 7.0 / 8}, {1.0 / 3, 2.0 / 3}},
                        {{0, 1}, {11.0 / 13, 2.0 / 13}}},
                new double[][] {{-1.0 / 24, 43.0 / 24}, {11.0 / 6, 1.0 / 3}},
                new double[][] {{13.0 / 24, 11.0 / 24}, {5.0 / 18, 13.0 / 18}});
    }

    /**
     * CFR+: t=2 R0=(1/4,2) → (1/9,8/9); R1=(14/9,1) → (14/23,9/23). t=3 R0=(325/276,130/69) → (5/13,8/13);
     * R1=(4672/2691,215/299) → (4672/6607,1935/6607). Average with w = 1, 2, 3.
     */
    static PresetTraces cfrPlus() {
        return new PresetTraces(SolverConfig.cfrPlus(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 9, 8.0 / 9}, {14.0 / 23, 9.0 / 23}},
                        {{5.0 / 13, 8.0 / 13}, {4672.0 / 6607, 1935.0 / 6607}}},
                new double[][] {{325.0 / 276, 130.0 / 69}, {4672.0 / 2691, 215.0 / 299}},
                new double[][] {{17.0 / 36, 19.0 / 36}, {107.0 / 276, 169.0 / 276}});
    }

    /** LCFR (R ← R + t·r): t=3 R0=(523/112,387/112), R1=(14293/6370,1045/637). Average with w = 1, 2, 3. */
    static PresetTraces lcfr() {
        return new PresetTraces(SolverConfig.lcfr(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 16, 15.0 / 16}, {5.0 / 7, 2.0 / 7}},
                        {{523.0 / 910, 387.0 / 910}, {14293.0 / 24743, 10450.0 / 24743}}},
                new double[][] {{523.0 / 112, 387.0 / 112}, {14293.0 / 6370, 1045.0 / 637}},
                new double[][] {{43.0 / 96, 53.0 / 96}, {37.0 / 84, 47.0 / 84}});
    }

    /**
     * DCFR(1.5, 0, 2) with d⁺(t) = t^1.5/(t^1.5+1), d⁻ = 1/2: t=1 R0=(1/8,−1/8), R1=(−1/2,1/2); t=2 σ0=(1/16,15/16),
     * σ1=(5/7,2/7); t=3 R0 = ((d⁺(2)/8 + 165/112)·d⁺(3), (15d⁺(2)/8 − 11/112)·d⁺(3)), σ0 ∝ R0 = (a, 1−a);
     * player 1 against it: r = (1−2a, 2a−1) − (3/7)(1−2a), R1 = (5d⁺(2)/4 + r_H, d⁺(2)/2 + r_T)·d⁺(3).
     * Average with w = 1, 4, 9.
     */
    static PresetTraces dcfr() {
        double d2 = Math.pow(2, 1.5) / (Math.pow(2, 1.5) + 1);
        double d3 = Math.pow(3, 1.5) / (Math.pow(3, 1.5) + 1);
        double[] r0 = {(d2 / 8 + 165.0 / 112) * d3, (15 * d2 / 8 - 11.0 / 112) * d3};
        double a = r0[0] / (r0[0] + r0[1]);
        double v1 = (5.0 / 7 - 2.0 / 7) * (1 - 2 * a);
        double[] r1 = {(5 * d2 / 4 + (1 - 2 * a) - v1) * d3, (d2 / 2 + (2 * a - 1) - v1) * d3};
        double b = r1[0] / (r1[0] + r1[1]);
        return new PresetTraces(SolverConfig.dcfr(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 16, 15.0 / 16}, {5.0 / 7, 2.0 / 7}},
                        {{a, 1 - a}, {b, 1 - b}}},
                new double[][] {r0, r1},
                new double[][] {{81.0 / 224, 143.0 / 224}, {97.0 / 196, 99.0 / 196}});
    }

    /**
     * PCFR+ (σ ∝ [R + m]⁺, m = last r): t=2 σ0=(1/17,16/17), σ1=(60/77,17/77); t=3 R0=(10653/5236,2472/1309),
     * σ0=(19997/29301,9304/29301), σ1=(55324202,81982449)/137306651. Average with w = 1, 4, 9.
     */
    static PresetTraces pcfrPlus() {
        return new PresetTraces(SolverConfig.pcfrPlus(),
                new double[][][] {{{1, 0}, {0, 1}}, {{1.0 / 17, 16.0 / 17}, {60.0 / 77, 17.0 / 77}},
                        {{19997.0 / 29301, 9304.0 / 29301}, {55324202.0 / 137306651, 81982449.0 / 137306651}}},
                new double[][] {{10653.0 / 5236, 2472.0 / 1309}, {61504756.0 / 38355009, 1179779.0 / 752059}},
                new double[][] {{171.0 / 476, 305.0 / 476}, {1157.0 / 2156, 999.0 / 2156}});
    }

    /** RM (simultaneous): R0 = (1/4,−1/4), (1/4,−3/4), (1/4,5/4); R1 = (0,0), (−1,1), (−3,1). */
    static PresetTraces rm() {
        return new PresetTraces(SolverConfig.rm(),
                new double[][][] {{{1, 0}, {0.5, 0.5}}, {{1, 0}, {0, 1}}, {{1.0 / 6, 5.0 / 6}, {0, 1}}},
                new double[][] {{0.25, 1.25}, {-3, 1}},
                new double[][] {{5.0 / 6, 1.0 / 6}, {1.0 / 3, 2.0 / 3}});
    }

    /** RM+ (simultaneous): R0 = (1/4,0), (1/4,0), (1/4,2); R1 = (0,0), (0,1), (0,1). Average with w = 1, 2, 3. */
    static PresetTraces rmPlus() {
        return new PresetTraces(SolverConfig.rmPlus(),
                new double[][][] {{{1, 0}, {0.5, 0.5}}, {{1, 0}, {0, 1}}, {{1.0 / 9, 8.0 / 9}, {0, 1}}},
                new double[][] {{0.25, 2}, {0, 1}},
                new double[][] {{11.0 / 12, 1.0 / 12}, {0.25, 0.75}});
    }

    /** PRM+ (simultaneous): R0+m0 = (1/2,−1/4), (1/4,−1/2), (1/4,4); R1+m1 = (0,0), (−1,2), (−2,1). w = 1, 4, 9. */
    static PresetTraces prmPlus() {
        return new PresetTraces(SolverConfig.prmPlus(),
                new double[][][] {{{1, 0}, {0.5, 0.5}}, {{1, 0}, {0, 1}}, {{1.0 / 17, 16.0 / 17}, {0, 1}}},
                new double[][] {{0.25, 2}, {0, 1}},
                new double[][] {{27.0 / 28, 1.0 / 28}, {5.0 / 28, 23.0 / 28}});
    }
}

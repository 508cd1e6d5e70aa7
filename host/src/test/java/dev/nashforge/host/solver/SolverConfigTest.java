package dev.nashforge.host.solver;

import dev.nashforge.host.backend.Precision;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presets carry the documented defaults (method.md §3 table, SolverConfig Javadoc). */
class SolverConfigTest {

    @Test
    void presetsCarryTheirDocumentedDefaults() {
        check(SolverConfig.cfr(), RegretUpdate.Kind.SUM, Prediction.NONE, 0, UpdateMode.ALTERNATING);
        check(SolverConfig.cfrPlus(), RegretUpdate.Kind.PLUS, Prediction.NONE, 1, UpdateMode.ALTERNATING);
        check(SolverConfig.lcfr(), RegretUpdate.Kind.LINEAR, Prediction.NONE, 1, UpdateMode.ALTERNATING);
        check(SolverConfig.dcfr(), RegretUpdate.Kind.DISCOUNTED, Prediction.NONE, 2, UpdateMode.ALTERNATING);
        check(SolverConfig.pcfrPlus(), RegretUpdate.Kind.PLUS, Prediction.LAST_INSTANTANEOUS_REGRET, 2,
                UpdateMode.ALTERNATING);
        check(SolverConfig.rm(), RegretUpdate.Kind.SUM, Prediction.NONE, 0, UpdateMode.SIMULTANEOUS);
        check(SolverConfig.rmPlus(), RegretUpdate.Kind.PLUS, Prediction.NONE, 1, UpdateMode.SIMULTANEOUS);
        check(SolverConfig.prmPlus(), RegretUpdate.Kind.PLUS, Prediction.LAST_INSTANTANEOUS_REGRET, 2,
                UpdateMode.SIMULTANEOUS);
        assertEquals(1.5, SolverConfig.dcfr().regretUpdate().alpha());
        assertEquals(0, SolverConfig.dcfr().regretUpdate().beta());
    }

    private static void check(SolverConfig c, RegretUpdate.Kind kind, Prediction prediction, double exponent,
                              UpdateMode mode) {
        assertEquals(kind, c.regretUpdate().kind(), c.algorithm());
        assertEquals(prediction, c.prediction(), c.algorithm());
        assertEquals(exponent, c.averaging().exponent(), c.algorithm());
        assertEquals(mode, c.updates(), c.algorithm());
        assertEquals(Precision.DOUBLE, c.precision(), c.algorithm());
    }

    @Test
    void presetNamesParse() {
        assertEquals(SolverConfig.cfrPlus(), SolverConfig.preset("CFR+"));
        assertEquals(SolverConfig.dcfr(1, 1, 1), SolverConfig.preset("dcfr(1, 1, 1)"));
        assertEquals(SolverConfig.prmPlus(), SolverConfig.preset(" prm+ "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolverConfig.preset("cfr++"));
        assertTrue(e.getMessage().contains("pcfr+"), e.getMessage());
    }

    @Test
    void withersKeepEverythingElse() {
        SolverConfig c = SolverConfig.pcfrPlus().withUpdates(UpdateMode.SIMULTANEOUS).withPrecision(Precision.FLOAT);
        assertEquals(new SolverConfig("pcfr+", RegretUpdate.plus(), Prediction.LAST_INSTANTANEOUS_REGRET,
                Averaging.quadratic(), UpdateMode.SIMULTANEOUS, Precision.FLOAT), c);
        assertEquals("pcfr+ [regret R <- [R + r]+; prediction last-regret; averaging quadratic (w_t = t^2); "
                + "updates simultaneous; precision float]", c.describe());
    }

    @Test
    void invalidSettingsAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new Averaging(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegretUpdate(RegretUpdate.Kind.PLUS, 1.5, 0));
        assertTrue(e.getMessage().contains("DISCOUNTED"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SolverConfig("x", RegretUpdate.sum(), null,
                Averaging.uniform(), UpdateMode.ALTERNATING, Precision.DOUBLE));
    }

    @Test
    void discountsAndWeightsFollowTheirFormulas() {
        // Brown & Sandholm 2019: DCFR(1.5, 0, 2) scales positive regrets by t^1.5/(t^1.5+1), negative by 1/2
        RegretUpdate d = RegretUpdate.discounted(1.5, 0);
        assertEquals(0.5, d.positiveDiscount(1), 0);
        assertEquals(8.0 / 9, d.positiveDiscount(4), 1e-15);
        assertEquals(0.5, d.negativeDiscount(7), 0);
        assertEquals(1.0, RegretUpdate.plus().positiveDiscount(5), 0);
        assertEquals(3.0, RegretUpdate.linear().regretWeight(3), 0);
        assertEquals(9.0, Averaging.quadratic().weight(3), 0);
        assertEquals(Math.pow(3, 1.5), Averaging.polynomial(1.5).weight(3), 0);
    }
}

package dev.nashforge.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchStatisticsTest {

    @Test
    void percentilesInterpolateLinearlyBetweenOrderStatistics() {
        // Hand-computed with NumPy's default (linear) rule: sorted 1e-6, 1e-4, 2e-3, 0.5 (B = 4);
        // median at h = 1.5: (1e-4 + 2e-3) / 2; p90 at h = 2.7: 2e-3 + 0.7 * (0.5 - 2e-3); p10 at h = 0.3.
        double[] values = {0.5, 1e-6, 2e-3, 1e-4};
        BatchStatistics s = BatchStatistics.of(values);
        assertEquals(1.05e-3, s.median(), 1e-18);
        assertEquals(2e-3 + 0.7 * (0.5 - 2e-3), s.p90(), 1e-15);
        assertEquals(1e-6 + 0.3 * (1e-4 - 1e-6), s.p10(), 1e-18);
        assertEquals(0.5, s.max(), 0.0);
        assertEquals(0.5, s.fractionBelow1e3(), 0.0, "1e-6 and 1e-4 are below 1e-3");
        assertEquals(0.25, s.fractionBelow1e5(), 0.0, "only 1e-6 is below 1e-5");
        assertArrayEquals(new double[] {0.5, 1e-6, 2e-3, 1e-4}, s.values(), 0.0, "values keep instance order");
    }

    @Test
    void oneInstanceIsItsOwnStatistics() {
        BatchStatistics s = BatchStatistics.of(new double[] {1e-3});
        assertEquals(1e-3, s.median(), 0.0);
        assertEquals(1e-3, s.p90(), 0.0);
        assertEquals(0.0, s.fractionBelow1e3(), 0.0, "below is strict");
    }

    @Test
    void emptyOrNaNIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BatchStatistics.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> BatchStatistics.of(new double[] {1, Double.NaN}));
    }
}

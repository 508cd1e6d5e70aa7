package dev.nashforge.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberTextTest {

    @Test
    void tenSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0.9166666667", NumberText.format(11.0 / 12));
        assertEquals("-0.05555555556", NumberText.format(-1.0 / 18));
        assertEquals("4.747222222", NumberText.format(4.747222222222222));
        assertEquals("2", NumberText.format(2.0));
        assertEquals("-13", NumberText.format(-13.0));
        assertEquals("0", NumberText.format(0.0));
        assertEquals("0", NumberText.format(-0.0));
    }

    @Test
    void scientificOutsidePlainRange() {
        assertEquals("1.5e-12", NumberText.format(1.5e-12));
        assertEquals("-2.220446049e-16", NumberText.format(-2.220446049250313e-16));
        assertEquals("1e10", NumberText.format(1e10));
        assertEquals("0.0001", NumberText.format(1e-4));
        assertEquals("NaN", NumberText.format(Double.NaN));
    }
}

package dev.nashforge.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Formats doubles for the human-readable (text) output of the {@code nash} commands: 10 significant digits,
 * trailing zeros dropped, plain notation between 1e-4 and 1e10, scientific notation outside. JSON output does
 * not use this class: it prints every double with full precision. Stateless.
 */
final class NumberText {

    private static final MathContext DIGITS = new MathContext(10);

    private NumberText() {
    }

    /** {@code x} with 10 significant digits, e.g. {@code 0.9166666667}, {@code -1}, {@code 1.5e-12}. */
    static String format(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e10) {
            return new BigDecimal(x).round(DIGITS).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.9e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }
}

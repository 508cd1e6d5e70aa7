package dev.nashforge.host.meta;

import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Central finite-difference checks of hand-written adjoints (double precision). */
final class FiniteDifferences {

    /** Step of the central differences (Richardson-extrapolated: truncation O(h⁴), round-off ~ε/h). */
    static final double STEP = 1e-5;
    /** Required relative agreement of adjoint and finite difference (the brief's bound). */
    static final double RELATIVE = 1e-6;
    /** Absolute floor for components that are 0 up to round-off. */
    static final double ABSOLUTE = 1e-9;

    private FiniteDifferences() {
    }

    private static double central(double[] x, int k, double save, double h, DoubleSupplier f) {
        x[k] = save + h;
        double plus = f.getAsDouble();
        x[k] = save - h;
        double minus = f.getAsDouble();
        x[k] = save;
        return (plus - minus) / (2 * h);
    }

    /**
     * Checks every component of {@code analytic} against the Richardson-extrapolated central difference {@code (4 D(h/2) − D(h)) / 3},
     * {@code D(h) = (f(x + h e_k) − f(x − h e_k)) / 2h} (truncation error O(h⁴)), where
     * {@code f} reads {@code x} (which is perturbed in place and restored): per component
     * {@code |a − d| ≤ 1e-6 (|a| + |d|) + 1e-9}, and for the whole vector {@code ‖a − d‖ ≤ 1e-6 max(‖a‖, ‖d‖)}.
     *
     * @return the vector relative error
     */
    static double check(String what, double[] x, DoubleSupplier f, double[] analytic) {
        double diff2 = 0;
        double a2 = 0;
        double d2 = 0;
        StringBuilder failures = new StringBuilder();
        for (int k = 0; k < x.length; k++) {
            double save = x[k];
            double wide = central(x, k, save, STEP, f);
            double narrow = central(x, k, save, STEP / 2, f);
            double d = (4 * narrow - wide) / 3;
            double a = analytic[k];
            diff2 += (a - d) * (a - d);
            a2 += a * a;
            d2 += d * d;
            if (!(Math.abs(a - d) <= RELATIVE * (Math.abs(a) + Math.abs(d)) + ABSOLUTE)) {
                failures.append("\n  component ").append(k).append(": adjoint ").append(a).append(", finite ")
                        .append("difference ").append(d);
            }
        }
        double rel = Math.sqrt(diff2) / Math.max(Math.max(Math.sqrt(a2), Math.sqrt(d2)), 1e-300);
        assertTrue(failures.length() == 0, what + ": adjoint disagrees with central differences:" + failures);
        assertTrue(rel <= RELATIVE || Math.sqrt(diff2) <= ABSOLUTE, what + ": vector relative error " + rel);
        assertTrue(a2 > 0, what + ": the adjoint is identically 0, the check would be vacuous");
        return rel;
    }
}

package dev.nashforge.host.solver;

/**
 * Polynomial averaging weights {@code w_t = t^exponent} of the average strategy
 * {@code x̄_i = Σ_t w_t x_i^t / Σ_t w_t} (method.md §3): exponent 0 is uniform averaging (CFR), 1 linear
 * (CFR+, LCFR), 2 quadratic (PCFR+), γ the DCFR average (DCFR's discount of the accumulated average by
 * (t/(t+1))^γ after every iteration normalizes to exactly the weights t^γ).
 *
 * <p>Backends keep the average as a running mean: after iteration t,
 * {@code x̄ ← x̄ + (w_t / W_t)(x^t − x̄)} with {@code W_t = Σ_{k≤t} w_k}, so values stay bounded in float
 * precision. {@link #step(double, double)} gives that factor.
 *
 * @param exponent the exponent of t, finite and ≥ 0
 */
public record Averaging(double exponent) {

    public Averaging {
        if (!(exponent >= 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("averaging exponent must be finite and >= 0, got " + exponent);
        }
    }

    /** w_t = 1. */
    public static Averaging uniform() {
        return new Averaging(0);
    }

    /** w_t = t. */
    public static Averaging linear() {
        return new Averaging(1);
    }

    /** w_t = t². */
    public static Averaging quadratic() {
        return new Averaging(2);
    }

    /** w_t = t^γ. */
    public static Averaging polynomial(double gamma) {
        return new Averaging(gamma);
    }

    /** The weight w_t of iteration {@code t ≥ 1} (exact for the integer exponents 0, 1 and 2). */
    public double weight(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("iterations are numbered from 1, got " + t);
        }
        if (exponent == 0) {
            return 1.0;
        }
        if (exponent == 1) {
            return t;
        }
        if (exponent == 2) {
            return (double) t * t;
        }
        return Math.pow(t, exponent);
    }

    /** The running-mean factor w_t / W_t, where {@code totalWeight} = W_t already includes w_t. */
    public static double step(double weight, double totalWeight) {
        return weight / totalWeight;
    }

    /** E.g. {@code linear (w_t = t)}. */
    public String describe() {
        if (exponent == 0) {
            return "uniform (w_t = 1)";
        }
        if (exponent == 1) {
            return "linear (w_t = t)";
        }
        if (exponent == 2) {
            return "quadratic (w_t = t^2)";
        }
        return "polynomial (w_t = t^" + exponent + ")";
    }
}

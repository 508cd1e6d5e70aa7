package dev.nashforge.host.meta.ops;

/**
 * Records how close a computation came to a kink of its piecewise-smooth primitives: the argument of a
 * {@code [·]⁺} that was not clipped structurally, the gap between the two largest entries of a max or argmax.
 * Finite-difference checks of the meta-gradient are only meaningful where this margin is large compared with the
 * step. Not thread-safe.
 */
public final class KinkMonitor {

    private double margin = Double.POSITIVE_INFINITY;

    /** Notes a distance {@code |d|} to a kink. */
    public void observe(double d) {
        double a = Math.abs(d);
        if (a < margin) {
            margin = a;
        }
    }

    /** The smallest distance observed ({@code +∞} when none). */
    public double margin() {
        return margin;
    }
}

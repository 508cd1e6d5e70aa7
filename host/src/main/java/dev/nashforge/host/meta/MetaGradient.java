package dev.nashforge.host.meta;

/**
 * Result of one meta-gradient evaluation on one instance.
 *
 * @param loss       the meta-loss
 * @param gradient   {@code [parameter]} ∂loss/∂θ
 * @param kinkMargin the smallest distance to a kink of a piecewise-smooth primitive met in the forward pass
 *                   (see {@link dev.nashforge.host.meta.ops.KinkMonitor}); finite differences are meaningful only
 *                   where it is large compared with the step
 */
public record MetaGradient(double loss, double[] gradient, double kinkMargin) {
}

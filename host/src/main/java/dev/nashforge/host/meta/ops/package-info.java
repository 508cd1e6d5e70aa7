/**
 * The differentiable primitives of the unrolled solver, each a forward pass and its hand-written adjoint over flat
 * {@code [sequence]} / {@code [terminal]} arrays of one instance: regret matching, realization plans,
 * counterfactual values, instantaneous regrets, the regret update, the running averages of the joint play, and the
 * loss terms (total correlation, NashGap, CCEGap). Kink handling is documented per primitive;
 * {@link dev.nashforge.host.meta.ops.KinkMonitor} measures the distance to kinks for finite-difference checks.
 */
package dev.nashforge.host.meta.ops;

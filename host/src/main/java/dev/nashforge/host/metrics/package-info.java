/**
 * Exact double-precision metrics of method.md §4 on the compiled flat layout: {@link
 * dev.nashforge.host.metrics.ExactEvaluator} (realization plans, counterfactual sequence values, best responses,
 * NashGap, CCEGap, total correlation), {@link dev.nashforge.host.metrics.NashGapReport} and the weighted
 * empirical joint play {@link dev.nashforge.host.metrics.JointPlay}.
 *
 * <p>Definitions as implemented (all normalized by the total averaging weight W):
 * <ul>
 *   <li>NashGap(x) = Σ_i δ_i, δ_i = max_{x'_i} u_i(x'_i, x_{-i}) − u_i(x) (OpenSpiel's NashConv);</li>
 *   <li>exploitability = NashGap / 2, only for two-player zero-sum (or constant-sum) games;</li>
 *   <li>CCEGap(μ) = Σ_i [max_{x'_i} Σ_z c(z) u_i(z) x'_i[s_i(z)] y_i(z) − Σ_z c(z) u_i(z) J(z)], which is ≥ 0 for a
 *       single iterate and in two-player zero-sum games, and can be negative in general-sum games;</li>
 *   <li>TC(μ) = KL(p_μ ‖ p_ν) over terminals, p_μ(z) = c(z) J(z), p_ν(z) = c(z) Π_i x̄_i[s_i(z)].</li>
 * </ul>
 */
package dev.nashforge.host.metrics;

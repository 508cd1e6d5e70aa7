/**
 * The regret-minimizer family of method.md §3: immutable {@link dev.nashforge.host.solver.SolverConfig}s with
 * named presets (CFR, CFR+, LCFR, DCFR, PCFR+ and the normal-form names RM, RM+, PRM+) and
 * {@link dev.nashforge.host.solver.RegretMinimizer}, which sequences a session's primitives into iterations
 * with simultaneous or alternating (OpenSpiel-order) updates.
 */
package dev.nashforge.host.solver;

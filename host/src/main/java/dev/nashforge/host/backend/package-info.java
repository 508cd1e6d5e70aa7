/**
 * The backend contract (style.md rule 1): {@link dev.nashforge.host.backend.Backend} providers found at run
 * time by {@link dev.nashforge.host.backend.BackendRegistry}, and the device-resident
 * {@link dev.nashforge.host.backend.SolverSession} with the batched primitives of the regret-minimizer family.
 * Every primitive acts on all instances of a batch over the flat {@code [batch][sequence]} /
 * {@code [batch][terminal]} layout and returns nothing; the host reads state back only at checkpoints. A GPU
 * backend maps each primitive to one kernel (strategy, regret update, average: one thread per sequence or
 * infoset; leaf values: one segmented sum per sequence; plans and the bottom-up pass: one kernel per treeplex
 * depth; joint play: one thread per terminal).
 */
package dev.nashforge.host.backend;

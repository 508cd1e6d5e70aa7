/**
 * The backend conformance suite, published in {@code host}'s test-jar: abstract JUnit 5 classes that every
 * backend's tests extend with a few lines.
 *
 * <ul>
 *   <li>{@link dev.nashforge.host.conformance.BackendConformanceSuite}: the contract of
 *       {@link dev.nashforge.host.backend.SolverSession} primitive by primitive on small games with hand-computed
 *       values ({@link dev.nashforge.host.conformance.TwoStageGame}), the hand traces of three iterations of
 *       every preset ({@link dev.nashforge.host.conformance.PresetTraces}), bit-identical reruns, batch
 *       independence, the state round trip and argument errors, in every precision the backend offers.</li>
 *   <li>{@link dev.nashforge.host.conformance.CpuParitySuite}: whole solves against the CPU reference backend,
 *       found through {@link dev.nashforge.host.backend.BackendRegistry} by the name {@code cpu}: 1e-12 in double,
 *       documented tolerances in float.</li>
 *   <li>{@link dev.nashforge.host.conformance.BackendSuiteBase}: what a subclass provides ({@code backend()},
 *       {@code requiredHere()}, {@code verifySession(...)}) and the comparison helpers;
 *       {@link dev.nashforge.host.conformance.ConformanceGames}: the games and seeded batches.</li>
 * </ul>
 *
 * A backend module depends on {@code host} with {@code <type>test-jar</type><scope>test</scope>} and on
 * {@code fallback-cpu} with {@code <scope>test</scope>} (for the parity suite; its main code never imports it).
 */
package dev.nashforge.host.conformance;

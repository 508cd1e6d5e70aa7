/**
 * A deliberately simple recursive evaluator over the authoring API ({@link
 * dev.nashforge.host.reference.RecursiveEvaluator}: expected values, per-infoset best responses, NashGap of a
 * profile keyed by infoset strings) and the converter between such profiles and the flat {@code [player][sequence]}
 * arrays ({@link dev.nashforge.host.reference.ProfileConverter}). It exists to check the flat
 * {@link dev.nashforge.host.metrics.ExactEvaluator} by parity; it is slow by design.
 */
package dev.nashforge.host.reference;

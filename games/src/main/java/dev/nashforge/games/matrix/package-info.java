/**
 * Normal-form game families (method.md §6), each built on {@link dev.nashforge.games.model.NormalFormGame}:
 * {@link dev.nashforge.games.matrix.ShapleyGame}, {@link dev.nashforge.games.matrix.BiasedShapleyGame} and
 * {@link dev.nashforge.games.matrix.RandomMatrixGame}.
 *
 * <p><b>Payoff convention</b> (one for all families): every player's payoffs are scaled affinely onto
 * {@code [0, 1]} ({@link dev.nashforge.games.batch.UnitRangeNormalization}): the player's worst outcome is 0 and
 * its best is 1. This keeps the equilibria and makes NashGap numbers comparable across games.
 */
package dev.nashforge.games.matrix;

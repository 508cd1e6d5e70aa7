/**
 * Poker games with exactly OpenSpiel's rules (method.md §6): {@link dev.nashforge.games.poker.KuhnPoker},
 * {@link dev.nashforge.games.poker.LeducPoker} and the general-sum two-player variant
 * {@link dev.nashforge.games.poker.BiasedLeducPoker}.
 *
 * <p>Information-set keys are OpenSpiel's {@code InformationStateString}s and action names are OpenSpiel's
 * {@code ActionToString}s, so behaviour profiles are interchangeable with OpenSpiel's tabular policies.
 * {@link dev.nashforge.games.model.GameState#history()} prints OpenSpiel's {@code History()} (the list of action
 * ids, chance outcomes included), which makes hands comparable with OpenSpiel's playthrough files.
 */
package dev.nashforge.games.poker;

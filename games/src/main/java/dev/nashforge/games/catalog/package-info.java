/**
 * The game catalog: OpenSpiel-style specs {@code name} or {@code name(param=value,...)} for games
 * ({@link dev.nashforge.games.catalog.GameCatalog#game(String)}) and game distributions
 * ({@link dev.nashforge.games.catalog.GameCatalog#distribution(String)}), with self-describing entries
 * ({@link dev.nashforge.games.catalog.GameCatalog#entries()}) and one-line errors
 * ({@link dev.nashforge.games.catalog.CatalogException}).
 */
package dev.nashforge.games.catalog;

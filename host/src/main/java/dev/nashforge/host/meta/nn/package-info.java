/**
 * The NPCFR predictor network: features ({@link dev.nashforge.host.meta.nn.PredictorFeatures}), cells
 * ({@link dev.nashforge.host.meta.nn.GruCell}, {@link dev.nashforge.host.meta.nn.MlpCell}) and the bounded output
 * ({@link dev.nashforge.host.meta.nn.PredictorNetwork}), forward and hand-written backward over flat arrays, one row
 * per (infoset, action). The recurrent state of an infoset is the matrix of its actions' GRU states.
 */
package dev.nashforge.host.meta.nn;

/**
 * The NPCFR predictor network: features ({@link dev.nashforge.host.meta.nn.PredictorFeatures}), cells
 * ({@link dev.nashforge.host.meta.nn.GruCell}, {@link dev.nashforge.host.meta.nn.MlpCell}) and the bounded output
 * ({@link dev.nashforge.host.meta.nn.PredictorNetwork}), forward and hand-written backward over flat arrays, one row
 * per (infoset, action). The recurrent state of an infoset is the matrix of its actions' GRU states.
 * <p><b>Same bits on every JDK.</b> tanh is {@link java.lang.StrictMath#tanh} (fdlibm), not {@link java.lang.Math#tanh}:
 * JDK 24 and later compute Math.tanh with an x86-64 intrinsic that differs from fdlibm in the last bit for about
 * 8% of inputs (measured on Temurin 25), which the regret dynamics amplify (the biased Shapley headline moved in
 * its seventh digit). On JDK 17 and 21 Math.tanh is StrictMath.tanh, so the shipped models and every recorded
 * result are unchanged. exp, log, log1p and pow stay {@link java.lang.Math}'s: their HotSpot intrinsics gave the
 * same bits on JDK 17 and 25 (2 million inputs, x86-64); a CPU of another architecture may differ in the last bit.
 */
package dev.nashforge.host.meta.nn;

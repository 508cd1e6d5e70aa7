/**
 * Meta-training of the NPCFR predictor: {@link dev.nashforge.host.meta.train.MetaTrainer} (Adam with clipping,
 * minibatches from a game distribution, held-out evaluation, resumable checkpoints, divergence stop) and its
 * configuration.
 */
package dev.nashforge.host.meta.train;

/**
 * Files of the meta-learning code: the versioned NPCFR model file ({@link dev.nashforge.host.meta.model.ModelFile})
 * and training checkpoints ({@link dev.nashforge.host.meta.model.TrainingCheckpointFile}), both JSON with CRC-32
 * checksums, written atomically, with a {@link dev.nashforge.host.meta.model.ModelFormatException} naming what is
 * wrong with a damaged or foreign file.
 */
package dev.nashforge.host.meta.model;

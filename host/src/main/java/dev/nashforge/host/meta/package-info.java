/**
 * The meta-learned predictor of NPCFR / NPCFR+ (method.md §5): a differentiable unrolled solver on the flat
 * sequence-form layout, its hand-written reverse mode, and the pieces around it.
 *
 * <h2>Layout</h2>
 * {@link dev.nashforge.host.meta.MetaLayout} flattens a {@code GameStructure} over all players (global sequences and
 * infosets); {@link dev.nashforge.host.meta.MetaInstance} holds one instance's chance reach, utilities and the
 * regret bounds {@code B_I} of {@link dev.nashforge.host.meta.PredictionBounds} (derivation in its doc:
 * {@code B_I = Ĉ_I · (u_max(I) − u_min(I))}, exact reach bound for two players, safe for more).
 *
 * <h2>Solver and meta-gradient</h2>
 * {@link dev.nashforge.host.meta.UnrolledSolver} runs T simultaneous iterations of NPCFR+ ({@code R ← [R + r]⁺},
 * quadratic averaging) or NPCFR ({@code R ← R + r}, uniform averaging), {@code σ ∝ [R + m]⁺}, with the prediction
 * {@code m = B_I tanh(o)} of the network ({@code meta.nn}: a GRU or MLP shared by every (infoset, action)), and
 * differentiates the meta-loss {@link dev.nashforge.host.meta.MetaLoss} ({@code Σ λ_t (α TC_t + β NashGap_t + γ
 * CCEGap_t)}) with respect to the weights through all iterations. Every primitive lives in {@code meta.ops} with its
 * adjoint; the kinks ({@code [·]⁺}, the uniform fallback, max pooling, best-response argmax) use the one-sided
 * derivative from the clipped side, documented per primitive. The tests check every adjoint and the whole chain
 * against central finite differences (relative error ≤ 1e-6) away from kinks.
 *
 * <h2>Memory</h2>
 * Reverse mode stores one record per unrolled iteration and game, {@code UnrolledSolver#bytesPerIteration()}:
 * 14,576 bytes for biased Shapley with the 32-unit GRU (so T = 64 and 16 games take 15 MB); checkpointed
 * recomputation (interval k) keeps only every k-th carry and recomputes segments, with bit-identical gradients.
 *
 * <h2>Training and model files</h2>
 * {@code meta.train.MetaTrainer} (Adam, clipping, held-out games from disjoint seeds, one seed split per purpose,
 * atomic resumable checkpoints, NaN/divergence stop); {@code meta.model.ModelFile} (versioned JSON with a CRC-32 of
 * the weights). The trained biased-Shapley model ships as the resource {@code models/biased_shapley.npcfr} next to
 * this package.
 *
 * <h2>What was measured (bench {@code MetaTrainingRunner}, biased_shapley with its default distribution)</h2>
 * The default loss of the brief, mean TC over t ≤ T, trains to TC ≈ 1e-5 but the network learns to freeze its
 * play: the joint play is uncorrelated yet far from an equilibrium (held-out NashGap ≈ 5e-2 at 2^14, no better than
 * PCFR+). Adding NashGap_t (β = 1) with T = 32 and uniform λ reaches ≈ 3e-3; T = 64 with linear λ (the recipe of
 * {@code TrainingConfig#biasedShapleyDefaults}) makes the learned dynamics converge: median NashGap 1.5e-6 at 4096
 * iterations against 5.7e-2 for PCFR+ (numbers of the run that produced the shipped model are in the bench
 * runner's output and the report).
 */
package dev.nashforge.host.meta;

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
 * CCEGap_t + δ NashGap(x^t))}, the last term on the iterate itself) with respect to the weights through all
 * iterations. Every primitive lives in {@code meta.ops} with its
 * adjoint; the kinks ({@code [·]⁺}, the uniform fallback, max pooling, best-response argmax) use the one-sided
 * derivative from the clipped side, documented per primitive. The tests check every adjoint and the whole chain
 * against central finite differences (relative error ≤ 1e-6) away from kinks.
 *
 * <h2>Memory</h2>
 * Reverse mode stores one record per unrolled iteration and game, {@code UnrolledSolver#bytesPerIteration()}:
 * 14,576 bytes for biased Shapley with the 32-unit GRU (T = 64 and 16 games: 15 MB); 4,023,152 bytes for
 * two-player biased Leduc with the 32-unit GRU and 1,504,880 bytes with an 8-unit GRU. Checkpointed recomputation
 * (interval k) keeps only every k-th carry plus k records, for one extra forward pass, with bit-identical gradients.
 *
 * <h2>Warm-up (truncated backpropagation through time)</h2>
 * {@code UnrolledSolver#gradient(MetaInstance, double[], int, int)} first runs W iterations forward only with the
 * current weights and differentiates the T iterations after them (their loss weights λ_1..λ_T), treating the carry
 * at W as a constant; {@code TrainingConfig#warmup} draws W per game from {0, T, 2T, 4T, …}, so one training run
 * sees both the start of a solve and its late phase, where a predictor trained on t ≤ T alone stalls (the Leduc
 * attempts below). Checked by central differences against the loss with the warm-up's weights held fixed.
 *
 * <h2>Long horizons: the meta-gradient explodes, evolution strategies do not</h2>
 * Regret matching's {@code [·]⁺} makes the unrolled dynamics chaotic: the reverse-mode meta-gradient's norm grows
 * exponentially with the horizon T, and the loss itself is rough at the scale of 0.01 in a single weight. Measured
 * by the bench {@code MetaGradientNormRunner} on two {@code biased_leduc} games (GRU-8 at its initialization, log-scale
 * TC + NashGap loss): gradient norm 73–172 at T = 32, 2e7–4e8 at T = 256, 4e17–5e35 at T = 1024; at T = 32 the
 * loss changes smoothly with the head's skip weight, at T = 256 and 1024 a move of ±0.01 changes it by up to 0.16
 * (17% of the weighted sum) in either direction. Clipped to norm 1, such a gradient is a random direction:
 * reverse-mode training at T = 1024 ({@code --recompute 32}, batch 4, Adam 1e-3) did not lower the training loss
 * in 26 steps and raised the held-out median NashGap after 1024 iterations from 1.10e-2 to 1.25e-2. Truncating
 * (T = 32 after a forward-only warm-up) keeps the gradient finite but optimizes the next 32 iterations only, and
 * every such run made the late phase worse (below).
 * {@link dev.nashforge.host.meta.train.EvolutionStrategies} ({@code nash train --estimator es}) estimates instead
 * the gradient of the Gaussian-smoothed loss from antithetic forward runs of the whole trajectory, as Metz et al.
 * (2021, "Gradients are not all you need") recommend for chaotic unrolled systems; {@code MetaLoss#logarithmic}
 * ({@code --loss-scale log}) weighs games by relative improvement.
 *
 * <h2>Training and model files</h2>
 * {@code meta.train.MetaTrainer} (Adam, clipping, held-out games from disjoint seeds, one seed split per purpose,
 * atomic resumable checkpoints, NaN/divergence stop); {@code meta.model.ModelFile} (versioned JSON with a CRC-32 of
 * the weights). The trained models ship as resources {@code models/<family>.npcfr} next to this package
 * (biased Shapley, three-player Leduc, general-sum two-player Leduc); {@link dev.nashforge.host.meta.LearnedPredictor} is its forward pass for a solver backend.
 *
 * <h2>What was measured</h2>
 * Bench {@code MetaTrainingRunner}, training on {@code biased_shapley} (defaults: bias0 0.5, bias1 0.25, additive
 * noise 0.1), 2000 steps of 16 games, Adam 1e-3, clip 1, seed 1, 2 threads on a shared 2-core machine (about
 * 110–200 s per run); evaluation: median NashGap of the average profile over 32 held-out games, simultaneous
 * updates, at 2^14 iterations. Baselines on the same games: PCFR+ 5.7e-2, CFR+ 5.1e-2, CFR 2.0e-1.
 * <ul>
 *   <li>loss mean TC_t (the brief's default), T = 32 or 64: TC drops to 1e-5 but the network learns to freeze its
 *       play — uncorrelated, not an equilibrium: 5.3e-2 (T = 64, linear λ);</li>
 *   <li>TC_t + NashGap_t, T = 32, uniform λ, GRU with 1/√t: 3.2e-3 at 4096;</li>
 *   <li>TC_t + NashGap_t, T = 64, linear λ: GRU with 1/√t 1.9e-7; MLP 1.0e-7; <b>GRU without iteration feature
 *       3.9e-11</b> (the shipped model, {@code TrainingConfig#biasedShapleyDefaults}); NPCFR (R ← R + r, uniform
 *       averaging) instead of NPCFR+ fails: 2.0e-1.</li>
 *   <li>same recipe with other loss terms: TC_t + CCEGap_t 3.7e-2 (freezes like TC alone); NashGap_t alone
 *       1.9e-11 — the NashGap term is what makes the dynamics converge, TC adds nothing measurable here.</li>
 * </ul>
 * Two-player biased Leduc (8-unit GRU without iteration feature, TC + NashGap, linear λ, 2 threads): T = 32,
 * 350 steps of 8 games (383 s) beats PCFR+ up to about T (1.5e-1 vs 3.3e-1 at 32 iterations) but stalls near 3e-2,
 * while PCFR+ reaches 7.3e-4 at 4096; T = 64, 300 steps of 4 games (298 s) ends at 4.3e-3 at 4096. Later runs
 * (log-scale loss, warm-ups up to 4096, full reverse mode at T = 1024, evolution strategies with Adam or plain
 * SGD, the last-iterate NashGap term; bench/RESULTS.md) all left the late phase worse than the untrained network. Three-player Leduc, where the untrained network is a
 * poor solver, gained tenfold from 40 short-horizon steps on chance-perturbed instances: that run ships as
 * {@code models/leduc_poker.npcfr}, and its 40-step fine-tune on {@code biased_leduc} as
 * {@code models/biased_leduc.npcfr} (ahead of the untrained network up to about 1000 iterations, not beyond).
 * Neither reaches the paper's Leduc results (10 hours of training there).
 * The shipped model off its training distribution (2^14): biased_shapley(bias0=2,bias1=-0.5,noise=0.3) 5.8e-8
 * (PCFR+ 6.8e-3); shapley with noise 0.1 7.9e-5 (PCFR+ 4.5e-2); biased_shapley(5,5,noise=1) 1.0e-10 (PCFR+
 * 2.9e-12: there PCFR+ already converges and the model is slightly worse, but still converges).
 */
package dev.nashforge.host.meta;

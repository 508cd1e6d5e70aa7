// CudaKernels.cu: the kernels of the CUDA backend, one per batched primitive of the backend contract
// (dev.nashforge.host.backend.SolverSession, method.md §2-§4). Launched by dev.nashforge.cuda.CudaKernels, whose
// argument lists must match the signatures below (CudaKernelSignatureTest parses this file and checks them).
//
// Layout (dev.nashforge.cuda.CudaSessionLayout): every per-sequence buffer holds all players, player i's block
// [batch][sequence] (row length S_i) starting at element offset B * sum_{j<i} S_j; the kernels receive the
// block of the player they work on. Int tables (treeplex, terminal table) are shared by the whole batch.
//
// Numerics: the arithmetic is the CPU backend's (dev.nashforge.cpu.CpuKernels) operation for operation, in the
// same order, and the fatbin is compiled with --fmad=false so that no multiply-add is contracted: a session
// gives the CPU backend's results bit for bit in both precisions. Every reduction runs sequentially over a
// sorted segment inside one thread: no atomics, reruns are bit-identical.
//
// Parallelism: element-wise kernels use grid-stride loops over (instance, item) pairs, so any grid size covers
// any problem size (dev.nashforge.cuda.LaunchGeometry caps the grid). The two treeplex passes (realization plan
// top-down, counterfactual values bottom-up) run one block per instance (again grid-strided) and walk the
// depths of the treeplex with a __syncthreads() between depths; the threads of a block share the infosets of
// one depth.

typedef long long i64;

#define GRID_STRIDE_LOOP(item, count) \
    for (i64 item = (i64)blockIdx.x * blockDim.x + threadIdx.x; item < (count); item += (i64)gridDim.x * blockDim.x)

// Regret-update rules (dev.nashforge.cuda.CudaKernels.RULE_*): R <- R + w*r; R <- [R + r]+; DCFR discounting.
#define RULE_WEIGHTED 0
#define RULE_PLUS 1
#define RULE_DISCOUNTED 2

// ---------------------------------------------------------------------------------------------------------------
// strategy: regret matching at every infoset, sigma(a|I) = [R+m]+(I,a) / sum_b [R+m]+(I,b), uniform when the sum
// is 0; sigma at the empty sequence is 1. One thread per (instance, infoset + 1): item 0 of an instance writes
// the empty sequence.
template <typename real>
__device__ void strategyKernel(int B, int S, int I, const int* firstSequence, const int* numActions,
                               const real* regret, const real* prediction, real* strategy) {
    const i64 perInstance = (i64)I + 1;
    GRID_STRIDE_LOOP(item, (i64)B * perInstance) {
        const i64 b = item / perInstance;
        const int j = (int)(item - b * perInstance);
        const i64 base = b * S;
        if (j == 0) {
            strategy[base] = (real)1;
            continue;
        }
        const int infoset = j - 1;
        const i64 first = base + firstSequence[infoset];
        const i64 end = first + numActions[infoset];
        real positiveSum = (real)0;
        for (i64 s = first; s < end; s++) {
            const real v = regret[s] + prediction[s];
            if (v > (real)0) {
                positiveSum = positiveSum + v;
            }
        }
        if (positiveSum > (real)0) {
            for (i64 s = first; s < end; s++) {
                const real v = regret[s] + prediction[s];
                strategy[s] = v > (real)0 ? v / positiveSum : (real)0;
            }
        } else {
            const real uniform = (real)1 / (real)numActions[infoset];
            for (i64 s = first; s < end; s++) {
                strategy[s] = uniform;
            }
        }
    }
}

#define DEFINE_STRATEGY(real, suffix)                                                                           \
    extern "C" __global__ void strategy_##suffix(int B, int S, int I, const int* firstSequence,                \
                                                 const int* numActions, const real* regret,                     \
                                                 const real* prediction, real* strategy) {                      \
        strategyKernel<real>(B, S, I, firstSequence, numActions, regret, prediction, strategy);                 \
    }
DEFINE_STRATEGY(double, f64)
DEFINE_STRATEGY(float, f32)

// ---------------------------------------------------------------------------------------------------------------
// realization_plan: x[0] = 1, then depth by depth top-down x[(I,a)] = x[parent(I)] * sigma(a|I). One block per
// instance; infosets of depth d are depthStart[d] .. depthStart[d+1]-1.
template <typename real>
__device__ void realizationPlanKernel(int B, int S, int numDepths, const int* depthStart, const int* firstSequence,
                                      const int* numActions, const int* parentSequence, const real* strategy,
                                      real* plan) {
    for (int b = blockIdx.x; b < B; b += gridDim.x) {
        const i64 base = (i64)b * S;
        if (threadIdx.x == 0) {
            plan[base] = (real)1;
        }
        __syncthreads();
        for (int d = 0; d < numDepths; d++) {
            const int last = depthStart[d + 1];
            for (int infoset = depthStart[d] + threadIdx.x; infoset < last; infoset += blockDim.x) {
                const real parentReach = plan[base + parentSequence[infoset]];
                const i64 first = base + firstSequence[infoset];
                const i64 end = first + numActions[infoset];
                for (i64 s = first; s < end; s++) {
                    plan[s] = parentReach * strategy[s];
                }
            }
            __syncthreads();
        }
    }
}

#define DEFINE_REALIZATION_PLAN(real, suffix)                                                                   \
    extern "C" __global__ void realization_plan_##suffix(int B, int S, int numDepths, const int* depthStart,   \
                                                         const int* firstSequence, const int* numActions,       \
                                                         const int* parentSequence, const real* strategy,       \
                                                         real* plan) {                                          \
        realizationPlanKernel<real>(B, S, numDepths, depthStart, firstSequence, numActions, parentSequence,     \
                                    strategy, plan);                                                            \
    }
DEFINE_REALIZATION_PLAN(double, f64)
DEFINE_REALIZATION_PLAN(float, f32)

// ---------------------------------------------------------------------------------------------------------------
// leaf_values: v[s] = sum_{k in segment(s)} c(z_k) u_i(z_k) * prod_{others o} x_o[s_o(z_k)], summed in segment
// order, the product in increasing player order. One thread per (instance, sequence).
//   segmentStart      [S+1]        CSR offsets of the player's sorted terminal segments
//   weightedUtility   [B][Z]       c(z_k) u_i(z_k) in the player's sorted order k
//   otherSequence     [others][Z]  s_o(z_k) of the other players in increasing order
//   plans                          the realization-plan buffer of all players
//   otherPlanOffset   [others]     element offset of each other player's [B][S_o] block in plans
//   otherNumSequences [others]     S_o
//   value             [B][S]       output
template <typename real>
__device__ void leafValuesKernel(int B, int S, int Z, int numOthers, const int* segmentStart,
                                 const real* weightedUtility, const int* otherSequence, const real* plans,
                                 const int* otherPlanOffset, const int* otherNumSequences, real* value) {
    GRID_STRIDE_LOOP(item, (i64)B * S) {
        const i64 b = item / S;
        const int s = (int)(item - b * S);
        const real* utility = weightedUtility + b * Z;
        const int end = segmentStart[s + 1];
        real sum = (real)0;
        for (int k = segmentStart[s]; k < end; k++) {
            real term = utility[k];
            for (int o = 0; o < numOthers; o++) {
                term = term * plans[otherPlanOffset[o] + b * otherNumSequences[o] + otherSequence[(i64)o * Z + k]];
            }
            sum = sum + term;
        }
        value[item] = sum;
    }
}

#define DEFINE_LEAF_VALUES(real, suffix)                                                                        \
    extern "C" __global__ void leaf_values_##suffix(int B, int S, int Z, int numOthers, const int* segmentStart, \
                                                    const real* weightedUtility, const int* otherSequence,      \
                                                    const real* plans, const int* otherPlanOffset,              \
                                                    const int* otherNumSequences, real* value) {                \
        leafValuesKernel<real>(B, S, Z, numOthers, segmentStart, weightedUtility, otherSequence, plans,         \
                               otherPlanOffset, otherNumSequences, value);                                      \
    }
DEFINE_LEAF_VALUES(double, f64)
DEFINE_LEAF_VALUES(float, f32)

// ---------------------------------------------------------------------------------------------------------------
// counterfactual_regret: bottom-up over the depths, q(I,a) = v[(I,a)] + sum_{J child of (I,a)} V(J) (overwriting
// the leaf value), V(I) = sum_a sigma(a|I) q(I,a), r(I,a) = q(I,a) - V(I); then q[0] = v[0] + sum_{root J} V(J)
// = u_i(x) and r[0] = 0. One block per instance; infosetValue [B][I] is scratch for V.
template <typename real>
__device__ void counterfactualRegretKernel(int B, int S, int I, int numDepths, const int* depthStart,
                                           const int* firstSequence, const int* numActions,
                                           const int* childInfosetStart, const real* strategy, real* value,
                                           real* instantaneousRegret, real* infosetValue) {
    for (int b = blockIdx.x; b < B; b += gridDim.x) {
        const i64 base = (i64)b * S;
        const i64 infosetBase = (i64)b * I;
        for (int d = numDepths - 1; d >= 0; d--) {
            const int last = depthStart[d + 1];
            for (int infoset = depthStart[d] + threadIdx.x; infoset < last; infoset += blockDim.x) {
                const int firstSeq = firstSequence[infoset];
                const int endSeq = firstSeq + numActions[infoset];
                real infosetV = (real)0;
                for (int s = firstSeq; s < endSeq; s++) {
                    real q = value[base + s];
                    const int lastChild = childInfosetStart[s + 1];
                    for (int child = childInfosetStart[s]; child < lastChild; child++) {
                        q = q + infosetValue[infosetBase + child];
                    }
                    value[base + s] = q;
                    infosetV = infosetV + strategy[base + s] * q;
                }
                infosetValue[infosetBase + infoset] = infosetV;
                for (int s = firstSeq; s < endSeq; s++) {
                    instantaneousRegret[base + s] = value[base + s] - infosetV;
                }
            }
            __syncthreads();
        }
        if (threadIdx.x == 0) {
            real root = value[base];
            const int lastRoot = childInfosetStart[1];
            for (int child = childInfosetStart[0]; child < lastRoot; child++) {
                root = root + infosetValue[infosetBase + child];
            }
            value[base] = root;
            instantaneousRegret[base] = (real)0;
        }
        __syncthreads();
    }
}

#define DEFINE_COUNTERFACTUAL_REGRET(real, suffix)                                                              \
    extern "C" __global__ void counterfactual_regret_##suffix(int B, int S, int I, int numDepths,              \
                                                              const int* depthStart, const int* firstSequence,  \
                                                              const int* numActions,                            \
                                                              const int* childInfosetStart,                     \
                                                              const real* strategy, real* value,                \
                                                              real* instantaneousRegret, real* infosetValue) {  \
        counterfactualRegretKernel<real>(B, S, I, numDepths, depthStart, firstSequence, numActions,             \
                                         childInfosetStart, strategy, value, instantaneousRegret, infosetValue); \
    }
DEFINE_COUNTERFACTUAL_REGRET(double, f64)
DEFINE_COUNTERFACTUAL_REGRET(float, f32)

// ---------------------------------------------------------------------------------------------------------------
// update_regret: the cumulative-regret update on sequences 1..S-1 of every instance, and m <- r when predict != 0.
//   rule RULE_WEIGHTED:   R <- R + w*r           (scalars[0] = w: 1 for CFR, t for LCFR)
//   rule RULE_PLUS:       R <- max(R + r, 0)     (Java's Math.max: NaN stays NaN, -0 becomes +0)
//   rule RULE_DISCOUNTED: R <- R + r, then R * (R >= 0 ? scalars[0] : scalars[1])   (DCFR)
// The scalars are binary64 values written by the host; they are rounded to the session precision first.
template <typename real>
__device__ void updateRegretKernel(int B, int S, int rule, int predict, const double* scalars,
                                   const real* instantaneousRegret, real* regret, real* prediction) {
    const real first = (real)scalars[0];
    const real second = (real)scalars[1];
    GRID_STRIDE_LOOP(item, (i64)B * S) {
        if (item % S == 0) {
            continue;
        }
        const real r = instantaneousRegret[item];
        real cumulative = regret[item];
        if (rule == RULE_WEIGHTED) {
            cumulative = cumulative + first * r;
        } else if (rule == RULE_PLUS) {
            cumulative = cumulative + r;
            cumulative = cumulative > (real)0 ? cumulative : (cumulative != cumulative ? cumulative : (real)0);
        } else {
            cumulative = cumulative + r;
            cumulative = cumulative * (cumulative >= (real)0 ? first : second);
        }
        regret[item] = cumulative;
        if (predict != 0) {
            prediction[item] = r;
        }
    }
}

#define DEFINE_UPDATE_REGRET(real, suffix)                                                                      \
    extern "C" __global__ void update_regret_##suffix(int B, int S, int rule, int predict,                     \
                                                      const double* scalars, const real* instantaneousRegret,   \
                                                      real* regret, real* prediction) {                         \
        updateRegretKernel<real>(B, S, rule, predict, scalars, instantaneousRegret, regret, prediction);        \
    }
DEFINE_UPDATE_REGRET(double, f64)
DEFINE_UPDATE_REGRET(float, f32)

// ---------------------------------------------------------------------------------------------------------------
// average: the running mean xbar <- xbar + step * (x - xbar) over all sequences of every instance
// (scalars[0] = step = w_t / W_t).
template <typename real>
__device__ void averageKernel(int B, int S, const double* scalars, const real* plan, real* average) {
    const real step = (real)scalars[0];
    GRID_STRIDE_LOOP(item, (i64)B * S) {
        const real a = average[item];
        average[item] = a + step * (plan[item] - a);
    }
}

#define DEFINE_AVERAGE(real, suffix)                                                                            \
    extern "C" __global__ void average_##suffix(int B, int S, const double* scalars, const real* plan,         \
                                                real* average) {                                                \
        averageKernel<real>(B, S, scalars, plan, average);                                                      \
    }
DEFINE_AVERAGE(double, f64)
DEFINE_AVERAGE(float, f32)

// ---------------------------------------------------------------------------------------------------------------
// joint_play: running means of the joint-play terminal weights (scalars[0] = step), one thread per
// (instance, terminal): J(z) <- J + step (prod_j x_j[s_j(z)] - J) and y_i(z) <- y_i + step (prod_{j!=i} x_j - y_i),
// products in increasing player order starting from 1.
//   terminalSequence [N][Z]     s_j(z)
//   planOffset       [N]        element offset of player j's [B][S_j] block in plans
//   numSequences     [N]        S_j
//   opponentWeights  [B][N][Z]  y
//   jointWeights     [B][Z]     J
template <typename real>
__device__ void jointPlayKernel(int B, int N, int Z, const int* terminalSequence, const real* plans,
                                const int* planOffset, const int* numSequences, const double* scalars,
                                real* opponentWeights, real* jointWeights) {
    const real step = (real)scalars[0];
    GRID_STRIDE_LOOP(item, (i64)B * Z) {
        const i64 b = item / Z;
        const i64 z = item - b * Z;
        real all = (real)1;
        for (int j = 0; j < N; j++) {
            all = all * plans[planOffset[j] + b * numSequences[j] + terminalSequence[(i64)j * Z + z]];
        }
        const real oldJ = jointWeights[item];
        jointWeights[item] = oldJ + step * (all - oldJ);
        for (int i = 0; i < N; i++) {
            real others = (real)1;
            for (int j = 0; j < N; j++) {
                if (j != i) {
                    others = others * plans[planOffset[j] + b * numSequences[j] + terminalSequence[(i64)j * Z + z]];
                }
            }
            const i64 at = (b * N + i) * Z + z;
            const real oldY = opponentWeights[at];
            opponentWeights[at] = oldY + step * (others - oldY);
        }
    }
}

#define DEFINE_JOINT_PLAY(real, suffix)                                                                         \
    extern "C" __global__ void joint_play_##suffix(int B, int N, int Z, const int* terminalSequence,           \
                                                   const real* plans, const int* planOffset,                    \
                                                   const int* numSequences, const double* scalars,              \
                                                   real* opponentWeights, real* jointWeights) {                 \
        jointPlayKernel<real>(B, N, Z, terminalSequence, plans, planOffset, numSequences, scalars,              \
                              opponentWeights, jointWeights);                                                   \
    }
DEFINE_JOINT_PLAY(double, f64)
DEFINE_JOINT_PLAY(float, f32)

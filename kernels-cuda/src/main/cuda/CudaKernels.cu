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
// sorted segment inside one thread: no atomics, reruns are bit-identical. The exception is the learned
// prediction's network kernel: same order and no contraction, but exp/log/log1p/tanh are CUDA's libm, not the
// JVM's, so NPCFR sessions match the CPU backend to rounding (1e-12 in double), not bit for bit.
//
// Parallelism: element-wise kernels use grid-stride loops over (instance, item) pairs, so any grid size covers
// any problem size (dev.nashforge.cuda.LaunchGeometry caps the grid). The two treeplex passes (realization plan
// top-down, counterfactual values bottom-up) run one block per instance (again grid-strided) and walk the
// depths of the treeplex with a __syncthreads() between depths; the threads of a block share the infosets of
// one depth.

#include <math.h>

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

// ---------------------------------------------------------------------------------------------------------------
// network: the NPCFR forward pass (method.md §5, meta.nn.PredictorNetwork#forward) on rows firstRow ..
// firstRow + count - 1 of every instance (all rows, or one player's rows for alternating updates), one thread per
// (instance, row); row s is global sequence s of dev.nashforge.cuda.CudaNetwork (player
// rowPlayer[s], local sequence rowLocal[s], infoset rowInfoset[s] or -1 at the empty sequences). The ten features
// of meta.nn.PredictorFeatures (the pooled mean/max recomputed by every action of the infoset in the same order,
// so all actions get the same bits; asinh as sign(x)·log1p(|x| + x²/(1+√(1+x²))), ln|x| + ln 2 above 1e8), the GRU
// or MLP cell with its sums in the CPU's order and every product a separate rounding, then m = B_I·tanh(o) into
// prediction at the row's sequence (B = 0 at the empty sequences). A thread reads and writes only its own row of
// prediction, state and scratch (the pooled features read r and R, which it does not write).
//   planOffset, numSequences [N]        the element offset and row length S_i of player i's [B][S_i] blocks
//   scalars[0]                          the iteration feature of the iteration (binary64, rounded to real)
//   parameters                          the cell's flat weights (GruCell / MlpCell layout)
//   bound           [B][G]              B_I
//   state           [B][rows][hidden]   h (GRU; unused by the MLP)
//   scratch         [B][rows][hidden]   the new GRU state, or the MLP's first layer
// Cells (dev.nashforge.cuda.CudaNetwork.CELL_*).
#define CELL_GRU 0
#define CELL_MLP 1

template <typename real> __device__ __forceinline__ real nfLog(real x);
template <> __device__ __forceinline__ double nfLog<double>(double x) { return log(x); }
template <> __device__ __forceinline__ float nfLog<float>(float x) { return logf(x); }
template <typename real> __device__ __forceinline__ real nfLog1p(real x);
template <> __device__ __forceinline__ double nfLog1p<double>(double x) { return log1p(x); }
template <> __device__ __forceinline__ float nfLog1p<float>(float x) { return log1pf(x); }
template <typename real> __device__ __forceinline__ real nfSqrt(real x);
template <> __device__ __forceinline__ double nfSqrt<double>(double x) { return sqrt(x); }
template <> __device__ __forceinline__ float nfSqrt<float>(float x) { return sqrtf(x); }
template <typename real> __device__ __forceinline__ real nfExp(real x);
template <> __device__ __forceinline__ double nfExp<double>(double x) { return exp(x); }
template <> __device__ __forceinline__ float nfExp<float>(float x) { return expf(x); }
template <typename real> __device__ __forceinline__ real nfTanh(real x);
template <> __device__ __forceinline__ double nfTanh<double>(double x) { return tanh(x); }
template <> __device__ __forceinline__ float nfTanh<float>(float x) { return tanhf(x); }

template <typename real>
__device__ real inverseHyperbolicSine(real x) {
    const real a = x < (real)0 ? -x : x;
    real r;
    if (a > (real)1e8) {
        r = nfLog<real>(a) + nfLog<real>((real)2);
    } else {
        const real square = a * a;
        const real root = nfSqrt<real>((real)1 + square);
        const real ratio = square / ((real)1 + root);
        r = nfLog1p<real>(a + ratio);
    }
    return x < (real)0 ? -r : r;
}

template <typename real>
__device__ real logistic(real a) {
    if (a >= (real)0) {
        return (real)1 / ((real)1 + nfExp<real>(-a));
    }
    const real e = nfExp<real>(a);
    return e / ((real)1 + e);
}

template <typename real>
__device__ void networkKernel(int B, int rows, int firstRow, int count, int G, int hidden, int cell,
                              const int* rowPlayer, const int* rowLocal, const int* rowInfoset,
                              const int* infosetFirstRow, const int* infosetActions, const int* planOffset,
                              const int* numSequences, const double* scalars, const real* parameters,
                              const real* bound,
                              const real* instantaneousRegret, const real* regret, const real* strategy,
                              real* prediction, real* state, real* scratch) {
    const real iterationFeature = (real)scalars[0];
    GRID_STRIDE_LOOP(item, (i64)B * count) {
        const i64 b = item / count;
        const int s = firstRow + (int)(item - b * count);
        const i64 row = b * rows + s;
        const int g = rowInfoset[s];
        const int i = rowPlayer[s];
        const i64 base = planOffset[i] + b * numSequences[i];
        const i64 at = base + rowLocal[s];
        real x[10];
        real B_I = (real)0;
        if (g < 0) {
            for (int k = 0; k < 10; k++) {
                x[k] = (real)0;
            }
        } else {
            const int n = infosetActions[g];
            const i64 firstSlot = base + rowLocal[infosetFirstRow[g]];
            B_I = bound[b * G + g];
            const real kappa = B_I > (real)0 ? B_I : (real)1;
            real meanR = (real)0;
            real maxR = instantaneousRegret[firstSlot] / kappa;
            real meanA = (real)0;
            real maxA = inverseHyperbolicSine<real>(regret[firstSlot] / kappa);
            for (int k = 0; k < n; k++) {
                const real rho = instantaneousRegret[firstSlot + k] / kappa;
                const real a = inverseHyperbolicSine<real>(regret[firstSlot + k] / kappa);
                meanR = meanR + rho;
                meanA = meanA + a;
                if (rho > maxR) {
                    maxR = rho;
                }
                if (a > maxA) {
                    maxA = a;
                }
            }
            x[0] = instantaneousRegret[at] / kappa;
            x[1] = inverseHyperbolicSine<real>(regret[at] / kappa);
            x[2] = prediction[at] / kappa;
            x[3] = strategy[at];
            x[4] = meanR / (real)n;
            x[5] = maxR;
            x[6] = meanA / (real)n;
            x[7] = maxA;
            x[8] = iterationFeature;
            x[9] = (real)1 / (real)n;
        }
        const int h = hidden;
        const i64 ho = row * h;
        real out;
        if (cell == CELL_GRU) {
            const int hf = h * 10;
            const int gate = hf + h * h + h;
            const int nW = 2 * gate;
            const int bun = 3 * gate;
            const int wh = bun + h;
            const int wf = wh + h;
            out = parameters[wf + 10];
            for (int j = 0; j < 10; j++) {
                const real term = parameters[wf + j] * x[j];
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                real az = parameters[hf + h * h + k];
                real ar = parameters[gate + hf + h * h + k];
                real an = parameters[nW + hf + h * h + k];
                const int wk = k * 10;
                for (int j = 0; j < 10; j++) {
                    const real tz = parameters[wk + j] * x[j];
                    const real tr = parameters[gate + wk + j] * x[j];
                    const real tn = parameters[nW + wk + j] * x[j];
                    az = az + tz;
                    ar = ar + tr;
                    an = an + tn;
                }
                real un = parameters[bun + k];
                const int uk = hf + k * h;
                for (int j = 0; j < h; j++) {
                    const real hj = state[ho + j];
                    const real tz = parameters[uk + j] * hj;
                    const real tr = parameters[gate + uk + j] * hj;
                    const real tu = parameters[nW + uk + j] * hj;
                    az = az + tz;
                    ar = ar + tr;
                    un = un + tu;
                }
                const real z = logistic<real>(az);
                const real reset = logistic<real>(ar);
                const real gated = reset * un;
                const real candidate = nfTanh<real>(an + gated);
                const real fresh = ((real)1 - z) * candidate;
                const real kept = z * state[ho + k];
                const real next = fresh + kept;
                scratch[ho + k] = next;
                const real term = parameters[wh + k] * next;
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                state[ho + k] = scratch[ho + k];
            }
        } else {
            const int b1 = h * 10;
            const int w2 = b1 + h;
            const int b2 = w2 + h * h;
            const int wh = b2 + h;
            const int wf = wh + h;
            out = parameters[wf + 10];
            for (int j = 0; j < 10; j++) {
                const real term = parameters[wf + j] * x[j];
                out = out + term;
            }
            for (int k = 0; k < h; k++) {
                real a = parameters[b1 + k];
                for (int j = 0; j < 10; j++) {
                    const real term = parameters[k * 10 + j] * x[j];
                    a = a + term;
                }
                scratch[ho + k] = nfTanh<real>(a);
            }
            for (int k = 0; k < h; k++) {
                real a = parameters[b2 + k];
                for (int j = 0; j < h; j++) {
                    const real term = parameters[w2 + k * h + j] * scratch[ho + j];
                    a = a + term;
                }
                const real second = nfTanh<real>(a);
                const real term = parameters[wh + k] * second;
                out = out + term;
            }
        }
        prediction[at] = B_I * nfTanh<real>(out);
    }
}

#define DEFINE_NETWORK(real, suffix)                                                                            \
    extern "C" __global__ void network_##suffix(int B, int rows, int firstRow, int count, int G, int hidden,   \
                                                int cell,                                                       \
                                                const int* rowPlayer, const int* rowLocal, const int* rowInfoset, \
                                                const int* infosetFirstRow, const int* infosetActions,          \
                                                const int* planOffset, const int* numSequences,                 \
                                                const double* scalars, const real* parameters,                  \
                                                const real* bound, const real* instantaneousRegret,             \
                                                const real* regret, const real* strategy, real* prediction,     \
                                                real* state, real* scratch) {                                   \
        networkKernel<real>(B, rows, firstRow, count, G, hidden, cell, rowPlayer, rowLocal, rowInfoset,         \
                            infosetFirstRow, infosetActions, planOffset, numSequences, scalars, parameters,    \
                            bound, instantaneousRegret, regret, strategy, prediction, state, scratch);          \
    }
DEFINE_NETWORK(double, f64)
DEFINE_NETWORK(float, f32)

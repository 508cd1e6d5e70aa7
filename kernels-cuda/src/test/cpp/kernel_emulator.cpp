// kernel_emulator.cpp: runs the CUDA backend's kernels (src/main/cuda/CudaKernels.cu, compiled as host C++
// through cuda_host_shim.h) on the CPU, for the tests of a machine without a GPU. It is driven by
// EmulatedExecutor over stdin/stdout with a small binary protocol (little-endian):
//   'A' i64 bytes                              allocate (contents poisoned with 0xFF: NaN / -1) -> i32 handle
//   'Z' i32 handle i64 bytes                   zero the first bytes
//   'U' i32 handle i64 offset i64 bytes data   upload
//   'D' i32 handle i64 offset i64 bytes        download -> data
//   'L' i32 nameLength name i32 grid i32 block i32 args {'i' i32 | 'p' i32 handle i64 offset}   launch
//   'Q'                                        quit
// Every command answers one status byte (0 = ok, then its payload; 1 = error, then i32 length and a message).
// Each buffer is its own malloc, so AddressSanitizer (the tests compile with -fsanitize=address) reports any
// kernel access past its end. Kernels with __syncthreads run one host thread per CUDA thread and a pthread
// barrier per block; the others run their threads one after the other.
#include "cuda_host_shim.h"
#include "CudaKernels.cu"

#include <sanitizer/common_interface_defs.h>
#include <ucontext.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

nf_dim3 threadIdx;
nf_dim3 blockIdx;
nf_dim3 blockDim;
nf_dim3 gridDim;

struct Buffer {
    char* data;
    int64_t bytes;
};

static std::vector<Buffer> buffers;

struct Args {
    std::vector<int32_t> ints;
    std::vector<void*> pointers;
    int i(int k) const { return ints[k]; }
    template <typename T> T* p(int k) const { return static_cast<T*>(pointers[k]); }
};

using Kernel = std::function<void(const Args&)>;

#define KERNEL_PAIR(name, body_f64, body_f32) \
    {#name "_f64", [](const Args& a) { body_f64; }}, {#name "_f32", [](const Args& a) { body_f32; }}

static const std::map<std::string, Kernel>& kernels() {
    static const std::map<std::string, Kernel> table = {
        KERNEL_PAIR(strategy,
            strategy_f64(a.i(0), a.i(1), a.i(2), a.p<const int>(3), a.p<const int>(4), a.p<const double>(5),
                         a.p<const double>(6), a.p<double>(7)),
            strategy_f32(a.i(0), a.i(1), a.i(2), a.p<const int>(3), a.p<const int>(4), a.p<const float>(5),
                         a.p<const float>(6), a.p<float>(7))),
        KERNEL_PAIR(realization_plan,
            realization_plan_f64(a.i(0), a.i(1), a.i(2), a.p<const int>(3), a.p<const int>(4), a.p<const int>(5),
                                 a.p<const int>(6), a.p<const double>(7), a.p<double>(8)),
            realization_plan_f32(a.i(0), a.i(1), a.i(2), a.p<const int>(3), a.p<const int>(4), a.p<const int>(5),
                                 a.p<const int>(6), a.p<const float>(7), a.p<float>(8))),
        KERNEL_PAIR(leaf_values,
            leaf_values_f64(a.i(0), a.i(1), a.i(2), a.i(3), a.p<const int>(4), a.p<const double>(5),
                            a.p<const int>(6), a.p<const double>(7), a.p<const int>(8), a.p<const int>(9),
                            a.p<double>(10)),
            leaf_values_f32(a.i(0), a.i(1), a.i(2), a.i(3), a.p<const int>(4), a.p<const float>(5),
                            a.p<const int>(6), a.p<const float>(7), a.p<const int>(8), a.p<const int>(9),
                            a.p<float>(10))),
        KERNEL_PAIR(counterfactual_regret,
            counterfactual_regret_f64(a.i(0), a.i(1), a.i(2), a.i(3), a.p<const int>(4), a.p<const int>(5),
                                      a.p<const int>(6), a.p<const int>(7), a.p<const double>(8), a.p<double>(9),
                                      a.p<double>(10), a.p<double>(11)),
            counterfactual_regret_f32(a.i(0), a.i(1), a.i(2), a.i(3), a.p<const int>(4), a.p<const int>(5),
                                      a.p<const int>(6), a.p<const int>(7), a.p<const float>(8), a.p<float>(9),
                                      a.p<float>(10), a.p<float>(11))),
        KERNEL_PAIR(update_regret,
            update_regret_f64(a.i(0), a.i(1), a.i(2), a.i(3), a.p<const double>(4), a.p<const double>(5),
                              a.p<double>(6), a.p<double>(7)),
            update_regret_f32(a.i(0), a.i(1), a.i(2), a.i(3), a.p<const double>(4), a.p<const float>(5),
                              a.p<float>(6), a.p<float>(7))),
        KERNEL_PAIR(average,
            average_f64(a.i(0), a.i(1), a.p<const double>(2), a.p<const double>(3), a.p<double>(4)),
            average_f32(a.i(0), a.i(1), a.p<const double>(2), a.p<const float>(3), a.p<float>(4))),
        KERNEL_PAIR(joint_play,
            joint_play_f64(a.i(0), a.i(1), a.i(2), a.p<const int>(3), a.p<const double>(4), a.p<const int>(5),
                           a.p<const int>(6), a.p<const double>(7), a.p<double>(8), a.p<double>(9)),
            joint_play_f32(a.i(0), a.i(1), a.i(2), a.p<const int>(3), a.p<const float>(4), a.p<const int>(5),
                           a.p<const int>(6), a.p<const double>(7), a.p<float>(8), a.p<float>(9))),
        KERNEL_PAIR(network,
            network_f64(a.i(0), a.i(1), a.i(2), a.i(3), a.i(4), a.i(5), a.i(6), a.p<const int>(7),
                        a.p<const int>(8), a.p<const int>(9), a.p<const int>(10), a.p<const int>(11),
                        a.p<const int>(12), a.p<const int>(13), a.p<const double>(14), a.p<const double>(15),
                        a.p<const double>(16), a.p<const double>(17), a.p<const double>(18), a.p<const double>(19),
                        a.p<double>(20), a.p<double>(21), a.p<double>(22)),
            network_f32(a.i(0), a.i(1), a.i(2), a.i(3), a.i(4), a.i(5), a.i(6), a.p<const int>(7),
                        a.p<const int>(8), a.p<const int>(9), a.p<const int>(10), a.p<const int>(11),
                        a.p<const int>(12), a.p<const int>(13), a.p<const double>(14), a.p<const float>(15),
                        a.p<const float>(16), a.p<const float>(17), a.p<const float>(18), a.p<const float>(19),
                        a.p<float>(20), a.p<float>(21), a.p<float>(22))),
    };
    return table;
}

static bool usesBarrier(const std::string& name) {
    return name.rfind("realization_plan_", 0) == 0 || name.rfind("counterfactual_regret_", 0) == 0;
}

// ------------------------------------------------------------------------------------------------ protocol

static void readExactly(void* into, size_t n) {
    char* p = static_cast<char*>(into);
    while (n > 0) {
        size_t got = std::fread(p, 1, n, stdin);
        if (got == 0) {
            std::exit(0);  // the test side went away
        }
        p += got;
        n -= got;
    }
}

template <typename T> static T readValue() {
    T v;
    readExactly(&v, sizeof v);
    return v;
}

static void writeBytes(const void* data, size_t n) {
    if (n > 0 && std::fwrite(data, 1, n, stdout) != n) {
        std::exit(2);
    }
}

static void ok() {
    char status = 0;
    writeBytes(&status, 1);
}

static void fail(const std::string& message) {
    char status = 1;
    int32_t length = static_cast<int32_t>(message.size());
    writeBytes(&status, 1);
    writeBytes(&length, sizeof length);
    writeBytes(message.data(), message.size());
}

static bool checkRange(int32_t handle, int64_t offset, int64_t bytes, std::string* error) {
    if (handle < 0 || handle >= static_cast<int32_t>(buffers.size()) || buffers[handle].data == nullptr) {
        *error = "no allocation " + std::to_string(handle);
        return false;
    }
    if (offset < 0 || bytes < 0 || offset + bytes > buffers[handle].bytes) {
        *error = "bytes [" + std::to_string(offset) + ", " + std::to_string(offset + bytes) + ") outside allocation "
                 + std::to_string(handle) + " of " + std::to_string(buffers[handle].bytes) + " bytes";
        return false;
    }
    return true;
}

// Kernels with __syncthreads run each CUDA thread of a block as a fiber (ucontext) on this one host thread: the
// scheduler resumes the fibers in thread order, each runs until its next __syncthreads() or its end, and once all
// have arrived the barrier opens. Deterministic, and free of the OS scheduler (which made one host thread per CUDA
// thread crawl on a loaded machine). The switches are announced to AddressSanitizer.
enum FiberState { RUNNABLE, AT_BARRIER, DONE };

struct Fiber {
    ucontext_t context;
    std::vector<char> stack;
    FiberState state;
};

static const size_t FIBER_STACK = 256 * 1024;
static std::vector<Fiber> fibers;
static ucontext_t schedulerContext;
static const void* schedulerStackBottom = nullptr;
static size_t schedulerStackSize = 0;
static int runningFiber = -1;
static const Kernel* fiberKernel = nullptr;
static const Args* fiberArgs = nullptr;

static void fiberEntry() {
    __sanitizer_finish_switch_fiber(nullptr, &schedulerStackBottom, &schedulerStackSize);
    (*fiberKernel)(*fiberArgs);
    fibers[runningFiber].state = DONE;
    __sanitizer_start_switch_fiber(nullptr, schedulerStackBottom, schedulerStackSize);
    swapcontext(&fibers[runningFiber].context, &schedulerContext);
}

void nf_syncthreads() {
    if (runningFiber < 0) {
        std::fprintf(stderr, "kernel_emulator: __syncthreads() in a kernel launched without barrier support\n");
        std::abort();
    }
    Fiber& f = fibers[runningFiber];
    f.state = AT_BARRIER;
    void* fakeStack = nullptr;
    __sanitizer_start_switch_fiber(&fakeStack, schedulerStackBottom, schedulerStackSize);
    swapcontext(&f.context, &schedulerContext);
    __sanitizer_finish_switch_fiber(fakeStack, &schedulerStackBottom, &schedulerStackSize);
}

static void runBlockAsFibers(const Kernel& kernel, const Args& args, int block, int blockId) {
    if (static_cast<int>(fibers.size()) < block) {
        fibers.resize(block);
    }
    fiberKernel = &kernel;
    fiberArgs = &args;
    blockIdx = {static_cast<unsigned>(blockId), 0, 0};
    for (int t = 0; t < block; t++) {
        Fiber& f = fibers[t];
        f.stack.resize(FIBER_STACK);
        getcontext(&f.context);
        f.context.uc_stack.ss_sp = f.stack.data();
        f.context.uc_stack.ss_size = f.stack.size();
        f.context.uc_link = nullptr;
        makecontext(&f.context, fiberEntry, 0);
        f.state = RUNNABLE;
    }
    while (true) {
        for (int t = 0; t < block; t++) {
            Fiber& f = fibers[t];
            if (f.state != RUNNABLE) {
                continue;
            }
            threadIdx = {static_cast<unsigned>(t), 0, 0};
            runningFiber = t;
            void* fakeStack = nullptr;
            __sanitizer_start_switch_fiber(&fakeStack, f.stack.data(), f.stack.size());
            swapcontext(&schedulerContext, &f.context);
            __sanitizer_finish_switch_fiber(fakeStack, nullptr, nullptr);
            runningFiber = -1;
        }
        int done = 0;
        for (int t = 0; t < block; t++) {
            done += fibers[t].state == DONE;
        }
        if (done == block) {
            return;
        }
        if (done > 0) {
            std::fprintf(stderr, "kernel_emulator: divergent __syncthreads(): %d of %d threads of block %d ended while "
                         "the others wait at a barrier\n", done, block, blockId);
            std::abort();
        }
        for (int t = 0; t < block; t++) {
            fibers[t].state = RUNNABLE;
        }
    }
}

static void launch(const Kernel& kernel, bool barrier, int grid, int block, const Args& args) {
    gridDim = {static_cast<unsigned>(grid), 1, 1};
    blockDim = {static_cast<unsigned>(block), 1, 1};
    for (int b = 0; b < grid; b++) {
        if (barrier) {
            runBlockAsFibers(kernel, args, block, b);
            continue;
        }
        blockIdx = {static_cast<unsigned>(b), 0, 0};
        for (int t = 0; t < block; t++) {
            threadIdx = {static_cast<unsigned>(t), 0, 0};
            kernel(args);
        }
    }
}

int main() {
    std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
    while (true) {
        char op = readValue<char>();
        std::string error;
        switch (op) {
            case 'A': {
                int64_t bytes = readValue<int64_t>();
                char* data = static_cast<char*>(std::malloc(bytes > 0 ? bytes : 1));
                std::memset(data, 0xFF, bytes > 0 ? bytes : 1);
                buffers.push_back({data, bytes});
                int32_t handle = static_cast<int32_t>(buffers.size() - 1);
                ok();
                writeBytes(&handle, sizeof handle);
                break;
            }
            case 'Z': {
                int32_t handle = readValue<int32_t>();
                int64_t bytes = readValue<int64_t>();
                if (!checkRange(handle, 0, bytes, &error)) {
                    fail("zero: " + error);
                    break;
                }
                std::memset(buffers[handle].data, 0, bytes);
                ok();
                break;
            }
            case 'U': {
                int32_t handle = readValue<int32_t>();
                int64_t offset = readValue<int64_t>();
                int64_t bytes = readValue<int64_t>();
                std::vector<char> data(bytes);
                readExactly(data.data(), bytes);
                if (!checkRange(handle, offset, bytes, &error)) {
                    fail("upload: " + error);
                    break;
                }
                std::memcpy(buffers[handle].data + offset, data.data(), bytes);
                ok();
                break;
            }
            case 'D': {
                int32_t handle = readValue<int32_t>();
                int64_t offset = readValue<int64_t>();
                int64_t bytes = readValue<int64_t>();
                if (!checkRange(handle, offset, bytes, &error)) {
                    fail("download: " + error);
                    break;
                }
                ok();
                writeBytes(buffers[handle].data + offset, bytes);
                break;
            }
            case 'L': {
                int32_t nameLength = readValue<int32_t>();
                std::string name(nameLength, '\0');
                readExactly(&name[0], nameLength);
                int32_t grid = readValue<int32_t>();
                int32_t block = readValue<int32_t>();
                int32_t count = readValue<int32_t>();
                Args args;
                args.ints.assign(count, 0);
                args.pointers.assign(count, nullptr);
                for (int k = 0; k < count; k++) {
                    char kind = readValue<char>();
                    if (kind == 'i') {
                        args.ints[k] = readValue<int32_t>();
                    } else {
                        int32_t handle = readValue<int32_t>();
                        int64_t offset = readValue<int64_t>();
                        std::string why;
                        if (checkRange(handle, offset, 0, &why)) {
                            args.pointers[k] = buffers[handle].data + offset;
                        } else if (error.empty()) {
                            error = "argument " + std::to_string(k) + ": " + why;
                        }
                    }
                }
                auto it = kernels().find(name);
                if (it == kernels().end()) {
                    fail("no kernel " + name);
                } else if (!error.empty()) {
                    fail(name + ": " + error);
                } else if (grid < 1 || block < 1 || block > 1024) {
                    fail(name + ": illegal geometry " + std::to_string(grid) + " x " + std::to_string(block));
                } else {
                    launch(it->second, usesBarrier(name), grid, block, args);
                    ok();
                }
                break;
            }
            case 'Q':
                ok();
                std::fflush(stdout);
                for (Buffer& b : buffers) {
                    std::free(b.data);
                }
                return 0;
            default:
                fail(std::string("unknown command ") + op);
                std::fflush(stdout);
                return 1;
        }
        std::fflush(stdout);
    }
}

// cuda_host_shim.h: just enough of CUDA's execution model to compile CudaKernels.cu as host C++ (for the kernel
// emulator of the tests, kernel_emulator.cpp). blockIdx/threadIdx/blockDim/gridDim are set by the emulator before
// it runs each emulated thread; __syncthreads() yields the thread's fiber until its whole block has arrived (only
// kernels the emulator runs as fibers may call it).
#pragma once

struct nf_dim3 {
    unsigned x, y, z;
};

extern nf_dim3 threadIdx;
extern nf_dim3 blockIdx;
extern nf_dim3 blockDim;
extern nf_dim3 gridDim;

void nf_syncthreads();

#define __global__
#define __device__
#define __forceinline__ inline
#define __syncthreads() nf_syncthreads()

#!/usr/bin/env bash
# Regenerates the CUDA backend's committed kernels: compiles src/main/cuda/CudaKernels.cu with nvcc into the
# resource dev/nashforge/cuda/CudaKernels.fatbin (SASS for sm_80 and sm_90 plus their PTX, which a CUDA 13 driver
# (r580+) can JIT for newer GPUs) and rewrites CudaKernels.fatbin.sha256: the SHA-256 of every kernel source and of
# the fatbin, which CudaFatbinTest compares with the files. Run by `mvn -P cuda-kernels -pl kernels-cuda -am
# test-compile`, or by hand. NVCC overrides the compiler (default: nvcc on the PATH).
#
# --fmad=false: no multiply-add contraction, so the kernels round exactly like the CPU backend (bit parity).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/../resources/dev/nashforge/cuda" && pwd)"
nvcc="${NVCC:-nvcc}"
flags=(-fatbin --fmad=false
       -gencode 'arch=compute_80,code=[sm_80,compute_80]'
       -gencode 'arch=compute_90,code=[sm_90,compute_90]')

"$nvcc" "${flags[@]}" -o "$out/CudaKernels.fatbin" "$here/CudaKernels.cu"

version="$("$nvcc" --version | grep -o 'release [0-9.]*, V[0-9.]*' || echo unknown)"
{
  echo "# SHA-256 of the kernel sources (src/main/cuda) and of the fatbin compiled from them."
  echo "# Written by src/main/cuda/build-fatbin.sh; checked by CudaFatbinTest. Do not edit by hand."
  echo "# nvcc $version: nvcc ${flags[*]}"
  (cd "$here" && find . -maxdepth 1 \( -name '*.cu' -o -name '*.cuh' \) -printf '%f\n' | LC_ALL=C sort \
     | while read -r f; do sha256sum "$f"; done)
  (cd "$out" && sha256sum CudaKernels.fatbin)
} > "$out/CudaKernels.fatbin.sha256"
echo "build-fatbin: $(stat -c %s "$out/CudaKernels.fatbin") bytes -> $out/CudaKernels.fatbin"

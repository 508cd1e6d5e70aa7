#!/usr/bin/env bash
# The CUDA backend on the lent GPU machine, turnkey. That machine has an NVIDIA GPU, driver 580, CUDA 13 tools, ncu
# and compute-sanitizer, but no Java, no Maven and no network, so everything Java is built here and carried:
#
#   1. here (JDK 17 + Maven, offline):   kernels-cuda/gpu/run-on-device.sh prepare
#      builds kernels-cuda/gpu/carry/ (ignored by git): a jlink runtime (jre/), every jar the tests and the benchmark
#      need (lib/, JCuda's natives cut down to the driver library) and classpath.txt. Prints its size (<= 64 MiB).
#   2. on the device, through the session's `run` tool:
#        run(command="bash kernels-cuda/gpu/run-on-device.sh device all", carry=["kernels-cuda/gpu/carry"])
#      `device tests`    the module's tests with the device required (conformance, CPU parity, bit parity,
#                        graphs, copy bandwidth), from kernels-cuda/ (DeviceTestMain)
#      `device bench`    dev.nashforge.bench.cuda.CudaBenchmark (Leduc 2p B=1,256,4096; 3p B=1,64; CPU speedup)
#      `device bench-npcfr` the same benchmark for npcfr+ with the shipped leduc_poker model, three-player Leduc
#                        B=1 and 64, simultaneous and alternating updates (optional; not part of `all`)
#      `device sanitize` the bit-parity test under compute-sanitizer memcheck (slow; optional)
#      `device all`      nvidia-smi, tests, bench
#      Results are written to $OUT (returned by the tool): device-tests.txt, cuda-bench.txt, cuda-bench.md.
#      Copy the numbers and the command into bench/RESULTS.md ("CUDA backend"): the machine keeps nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
carry="$here/carry"

prepare() {
  cd "$root"
  command -v mvn >/dev/null && command -v jlink >/dev/null && command -v jar >/dev/null \
    || { echo "prepare needs a JDK 17 (jlink, jar) and Maven" >&2; exit 1; }
  # Compile everything and run one quick kernels-cuda test: its surefire report records the module's test
  # class path (the offline repository has no usable maven-dependency-plugin).
  mvn -o -q -pl kernels-cuda,bench -am test -Dtest=CudaFatbinTest -Dsurefire.failIfNoSpecifiedTests=false
  report="$root/kernels-cuda/target/surefire-reports/TEST-dev.nashforge.cuda.CudaFatbinTest.xml"
  cp_line="$(grep -o 'name="surefire.test.class.path" value="[^"]*"' "$report" | sed 's/.*value="//; s/"$//')"
  [[ -n "$cp_line" ]] || { echo "no test class path in $report" >&2; exit 1; }
  rm -rf "$carry"
  mkdir -p "$carry/lib"
  local n=0 entries=()
  IFS=':' read -r -a entries <<< "$cp_line:$root/bench/target/classes"
  : > "$carry/classpath.txt"
  for e in "${entries[@]}"; do
    [[ -n "$e" ]] || continue
    n=$((n + 1))
    local name
    if [[ -d "$e" ]]; then
      # .../<module>/target/<classes|test-classes> -> NN-<module>-<classes|test-classes>.jar
      name="$(printf '%02d' "$n")-$(basename "$(dirname "$(dirname "$e")")")-$(basename "$e").jar"
      jar cf "$carry/lib/$name" -C "$e" .
    elif [[ "$e" == *jcuda-natives-*.jar ]]; then
      # only the driver-API library (1.2 MB of the jar's 26 MB: no NVRTC, no runtime API, no PTX compiler)
      name="$(printf '%02d' "$n")-jcuda-driver-natives.jar"
      local tmp; tmp="$(mktemp -d)"
      (cd "$tmp" && unzip -q "$e" 'lib/libJCudaDriver-*' && jar cf "$carry/lib/$name" lib)
      rm -rf "$tmp"
    else
      name="$(printf '%02d' "$n")-$(basename "$e")"
      cp "$e" "$carry/lib/$name"
    fi
    echo "lib/$name" >> "$carry/classpath.txt"
  done
  jlink --add-modules java.base,java.logging,jdk.unsupported,java.management,jdk.zipfs --strip-debug --no-header-files \
    --no-man-pages --compress=2 --output "$carry/jre"
  git -C "$root" rev-parse --short HEAD > "$carry/commit.txt" 2>/dev/null || echo unknown > "$carry/commit.txt"
  local mib; mib=$(( $(du -sk "$carry" | cut -f1) / 1024 ))
  echo "prepare: $carry holds $mib MiB ($(wc -l < "$carry/classpath.txt") class-path entries, commit $(cat "$carry/commit.txt"))"
  if (( mib > 60 )); then
    echo "prepare: the carry exceeds 60 MiB; the run tool carries at most 64 MiB" >&2
    exit 1
  fi
}

device() {
  [[ -x "$carry/jre/bin/java" ]] || { echo "no carried runtime at $carry: run 'prepare' first and carry it" >&2; exit 1; }
  local java="$carry/jre/bin/java" cp out commit
  cp="$(sed "s|^|$carry/|" "$carry/classpath.txt" | paste -sd: -)"
  out="${OUT:-$here/out}"
  mkdir -p "$out"
  commit="$(cat "$carry/commit.txt")"
  local what="${1:-all}" status=0
  if [[ "$what" == all ]]; then
    nvidia-smi | tee "$out/nvidia-smi.txt" || true
  fi
  if [[ "$what" == all || "$what" == tests ]]; then
    (cd "$root/kernels-cuda" && "$java" -Xss16m -Xmx32g -Dnashforge.cuda.required=true -cp "$cp" \
        dev.nashforge.cuda.DeviceTestMain "${@:2}") 2>&1 | tee "$out/device-tests.txt" || status=1
  fi
  if [[ "$what" == all || "$what" == bench ]]; then
    "$java" -Xss16m -Xmx96g -Dnashforge.commit="$commit" -cp "$cp" dev.nashforge.bench.cuda.CudaBenchmark \
        --out "$out/cuda-bench.md" 2>&1 | tee "$out/cuda-bench.txt" || status=1
  fi
  if [[ "$what" == bench-npcfr ]]; then
    for updates in simultaneous alternating; do
      "$java" -Xss16m -Xmx96g -Dnashforge.commit="$commit" -cp "$cp" dev.nashforge.bench.cuda.CudaBenchmark \
          --algo npcfr+ --model leduc_poker --updates "$updates" \
          --cases 'leduc_poker(players=3):1,leduc_poker(players=3):64' --out "$out/cuda-bench-npcfr-$updates.md" \
          2>&1 | tee "$out/cuda-bench-npcfr-$updates.txt" || status=1
    done
  fi
  if [[ "$what" == sanitize ]]; then
    (cd "$root/kernels-cuda" && compute-sanitizer --tool memcheck --leak-check no "$java" -Xss16m \
        -Dnashforge.cuda.required=true -cp "$cp" dev.nashforge.cuda.DeviceTestMain CudaDeviceParityTest) 2>&1 \
        | tee "$out/sanitize.txt" || status=1
  fi
  return "$status"
}

case "${1:-}" in
  prepare) prepare ;;
  device) shift; device "$@" ;;
  *) echo "usage: $0 prepare | device [all|tests|bench|bench-npcfr|sanitize] [test classes...]" >&2; exit 2 ;;
esac

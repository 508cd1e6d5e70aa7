package dev.nashforge.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds (once per source version, cached under {@code target/cuda-emulator}) the host program that runs the
 * kernels of {@code CudaKernels.cu} on the CPU: {@code src/test/cpp/kernel_emulator.cpp} compiled with g++,
 * AddressSanitizer and UndefinedBehaviorSanitizer, and without floating-point contraction (so its arithmetic is
 * the kernels' IEEE arithmetic, as on the GPU with {@code --fmad=false}).
 */
final class KernelEmulator {

    private static final Path CUDA_SOURCE = Path.of("src/main/cuda/CudaKernels.cu");
    private static final Path CPP_DIR = Path.of("src/test/cpp");
    private static Path binary;
    private static String unavailable;
    private static String compileFailure;

    private KernelEmulator() {
    }

    /**
     * The emulator binary, or null when there is no g++ here ({@link #unavailableReason()} says why).
     *
     * @throws IllegalStateException when g++ builds sanitized programs here but not the kernels with the emulator (a
     *                               kernel signature changed without {@code kernel_emulator.cpp}): a failure, not a
     *                               skip
     */
    static synchronized Path binary() {
        if (compileFailure != null) {
            throw new IllegalStateException(compileFailure);
        }
        if (binary == null && unavailable == null) {
            try {
                binary = build();
            } catch (CompileFailure e) {
                compileFailure = "the kernel emulator does not compile: " + e.getMessage();
                throw new IllegalStateException(compileFailure);
            } catch (IOException | InterruptedException e) {
                unavailable = "the kernel emulator could not be built: " + e.getMessage();
            }
        }
        return binary;
    }

    /** g++ ran and rejected the sources. */
    private static final class CompileFailure extends IOException {
        CompileFailure(String message) {
            super(message);
        }
    }

    static synchronized String unavailableReason() {
        return unavailable;
    }

    private static Path build() throws IOException, InterruptedException {
        List<Path> sources = List.of(CUDA_SOURCE, CPP_DIR.resolve("cuda_host_shim.h"),
                CPP_DIR.resolve("kernel_emulator.cpp"));
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path p : sources) {
            digest.update(Files.readAllBytes(p));
        }
        String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        Path out = Path.of("target/cuda-emulator/kernel_emulator-" + hash).toAbsolutePath();
        if (Files.isExecutable(out)) {
            return out;
        }
        Files.createDirectories(out.getParent());
        Path log = out.resolveSibling("build-" + hash + ".log");
        if (!compile(log, "-I" + CUDA_SOURCE.getParent(), "-I" + CPP_DIR,
                CPP_DIR.resolve("kernel_emulator.cpp").toString(), "-o", out + ".tmp")) {
            // our sources, or this machine's g++ (e.g. no sanitizer runtime)? A trivial program with the same flags
            // tells them apart: only a failure of the sources is a test failure
            Path probe = Files.writeString(out.resolveSibling("probe.cpp"), "int main() { return 0; }\n");
            Path probeLog = out.resolveSibling("probe.log");
            if (!compile(probeLog, probe.toString(), "-o", out.resolveSibling("probe").toString())) {
                throw new IOException("g++ cannot build a sanitized program here, see " + probeLog + ":\n"
                        + Files.readString(probeLog));
            }
            throw new CompileFailure("g++ failed, see " + log + ":\n" + Files.readString(log));
        }
        Files.move(Path.of(out + ".tmp"), out);
        return out;
    }

    /** Runs g++ with the emulator's flags and {@code args}; output to {@code log}; true on success. */
    private static boolean compile(Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("g++", "-std=c++17", "-O1", "-g",
                "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-ffp-contract=off", "-pthread"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("g++ not found (" + e.getMessage() + ")", e);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** A fresh emulated device (its own process). */
    static EmulatedExecutor start(DeviceLimits limits) {
        Path b = binary();
        if (b == null) {
            throw new IllegalStateException(unavailable);
        }
        try {
            return new EmulatedExecutor(b, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.nashforge.cuda;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed fatbin is present, is a fatbin, and was compiled from the kernel sources as they are: the
 * digests recorded next to it by {@code build-fatbin.sh} match every {@code .cu}/{@code .cuh} file of
 * {@code src/main/cuda} and the fatbin resource itself. A source edited without regenerating the fatbin
 * ({@code mvn -P cuda-kernels -pl kernels-cuda -am test-compile}) fails here.
 */
class CudaFatbinTest {

    private static final Path SOURCES = Path.of("src/main/cuda");

    @Test
    void fatbinIsPresentAndSmall() {
        byte[] image = CudaFatbin.image();
        // fatbin header magic 0xBA55ED50, little-endian (cuda fatbinary.h: FATBIN_MAGIC)
        assertEquals(0x50, image[0] & 0xFF);
        assertEquals(0xED, image[1] & 0xFF);
        assertEquals(0x55, image[2] & 0xFF);
        assertEquals(0xBA, image[3] & 0xFF);
        assertTrue(image.length > 10_000 && image.length < 1 << 20, "fatbin of " + image.length + " bytes");
    }

    @Test
    void recordedDigestsMatchTheSourcesAndTheFatbin() throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : CudaFatbin.digests().split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            assertEquals(2, parts.length, "digest line '" + line + "'");
            recorded.put(parts[1], parts[0]);
        }
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cu") || p.toString().endsWith(".cuh")).toList()) {
                actual.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
            }
        }
        assertTrue(actual.containsKey("CudaKernels.cu"), "kernel source not found under " + SOURCES.toAbsolutePath());
        actual.put("CudaKernels.fatbin", sha256(CudaFatbin.image()));
        assertEquals(actual, new TreeMap<>(recorded), "the fatbin is stale: regenerate it with "
                + "`mvn -P cuda-kernels -pl kernels-cuda -am test-compile` (needs nvcc 13)");
        assertTrue(CudaFatbin.digests().contains("sm_80") && CudaFatbin.digests().contains("sm_90")
                && CudaFatbin.digests().contains("--fmad=false"), "the recorded nvcc command lost its targets or flags");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

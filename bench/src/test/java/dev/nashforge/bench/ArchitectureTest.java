package dev.nashforge.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the module boundaries of style.md: {@code games} depends on nothing of ours, {@code host} never imports
 * a backend, no backend imports another, {@code jcuda.*} appears only in {@code kernels-cuda} and
 * {@code com.aparapi.*} only in {@code kernels-opencl}. It reads the import lines of every main source file of
 * the repository (this module's tests run with the {@code bench} module as working directory).
 */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Module → package prefixes its main sources must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "games", List.of("dev.nashforge.host", "dev.nashforge.cpu", "dev.nashforge.opencl",
                    "dev.nashforge.cuda", "dev.nashforge.cli", "dev.nashforge.bench", "jcuda", "com.aparapi"),
            "host", List.of("dev.nashforge.cpu", "dev.nashforge.opencl", "dev.nashforge.cuda", "dev.nashforge.cli",
                    "dev.nashforge.bench", "jcuda", "com.aparapi"),
            "fallback-cpu", List.of("dev.nashforge.opencl", "dev.nashforge.cuda", "dev.nashforge.cli",
                    "dev.nashforge.bench", "jcuda", "com.aparapi"),
            "kernels-opencl", List.of("dev.nashforge.cpu", "dev.nashforge.cuda", "dev.nashforge.cli",
                    "dev.nashforge.bench", "jcuda"),
            "kernels-cuda", List.of("dev.nashforge.cpu", "dev.nashforge.opencl", "dev.nashforge.cli",
                    "dev.nashforge.bench", "com.aparapi"),
            "cli", List.of("jcuda", "com.aparapi", "dev.nashforge.bench"),
            "bench", List.of("jcuda", "com.aparapi"));

    @Test
    void mainSourcesRespectModuleBoundaries() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            assertTrue(Files.isRegularFile(root.resolve(rule.getKey()).resolve("pom.xml")),
                    "module not found: " + rule.getKey());
            Path sources = root.resolve(rule.getKey()).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            for (Path file : javaFiles(sources)) {
                files++;
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    for (String prefix : rule.getValue()) {
                        if (m.group(1).equals(prefix) || m.group(1).startsWith(prefix + ".")) {
                            violations.add(root.relativize(file) + " imports " + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(files > 10, "expected to scan the repository's sources, found only " + files + " files");
        assertTrue(violations.isEmpty(), "module boundary violations (style.md):\n" + String.join("\n", violations));
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

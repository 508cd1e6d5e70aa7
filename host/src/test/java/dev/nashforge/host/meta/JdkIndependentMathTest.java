package dev.nashforge.host.meta;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver and the network give the same bits on every JDK (package doc of {@code meta.nn}): no main source of
 * {@code host} calls {@code Math.tanh}, whose result changed in JDK 24 (an x86-64 intrinsic that differs from
 * fdlibm in the last bit). On JDK 17, where CI runs, both are fdlibm, so only the sources can tell. Reads the
 * module's sources (tests run with {@code host} as working directory).
 */
class JdkIndependentMathTest {

    private static final Pattern MATH_TANH = Pattern.compile("(?<![\\w.])Math\\.tanh\\(");

    @Test
    void noMainSourceCallsMathTanh() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the host module: " + sources.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(sources)) {
            for (Path file : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (MATH_TANH.matcher(lines.get(i)).find()) {
                        offenders.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(files > 50, "expected host's sources, found " + files + " files");
        assertTrue(offenders.isEmpty(), "use StrictMath.tanh (same bits on every JDK):\n" + String.join("\n", offenders));
        assertTrue(MATH_TANH.matcher("double n = Math.tanh(a);").find() && !MATH_TANH.matcher("StrictMath.tanh(a)")
                .find(), "the pattern tells the two apart");
    }
}

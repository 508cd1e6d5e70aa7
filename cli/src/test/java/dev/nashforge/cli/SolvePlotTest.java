package dev.nashforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code solve --plot}: the chart files exist, have the right format and are not trivially small. */
class SolvePlotTest {

    /** The 8-byte signature every PNG file starts with (PNG specification, section 5.2). */
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void pngOfASingleRun() throws IOException {
        Path png = dir.resolve("kuhn.png");
        NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "cfr+", "--iterations", "256", "--plot", png.toString())
                .assertSuccess();
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        assertTrue(bytes.length > 30_000, "a 2000x1250 chart with text and two lines: " + bytes.length + " bytes");
    }

    @Test
    void svgOfABatchRun() throws IOException {
        Path svg = dir.resolve("batch.SVG");
        NashRun.of("solve", "--backend", "cpu", "kuhn_poker", "--algo", "pcfr+", "--iterations", "64", "--batch", "8", "--distribution",
                "kuhn_poker(noise=0.2)", "--plot", svg.toString()).assertSuccess();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.trim().endsWith("</svg>"), text.substring(0, 200));
        assertTrue(text.length() > 10_000, text.length() + " characters");
    }
}

package dev.nashforge.host.run;

import dev.nashforge.host.backend.JointPlayWeights;
import dev.nashforge.host.backend.SequenceBuffer;
import dev.nashforge.host.backend.SessionState;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trip, atomic replacement and corruption detection of {@link SolverStateFile}. */
class SolverStateFileTest {

    @TempDir
    Path dir;

    private static SolverState state(int iteration, double seed) {
        Map<SequenceBuffer, double[][][]> buffers = new EnumMap<>(SequenceBuffer.class);
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (b.persistent()) {
                buffers.put(b, new double[][][] {{{1, seed, -0.0}, {1, Math.PI * seed}},
                        {{1, 0.5, 0.5}, {1, Double.MIN_VALUE}}});
            }
        }
        JointPlayWeights[] joint = {new JointPlayWeights(new double[][] {{0.25, seed}, {0.5, 0.5}}, new double[] {1, 2}),
                new JointPlayWeights(new double[][] {{0, 0}, {0, 0}}, new double[] {0, 0})};
        List<CheckpointRecord> records = List.of(
                new CheckpointRecord(1, 0, 0.5, new double[] {0.2, 0.3}, new double[] {-1, 1}, 0.25, 0.7, 0.1, 0.0),
                new CheckpointRecord(1, 1, 0.4, new double[] {0.1, 0.3}, new double[] {-1, 1}, null, 0.6,
                        Double.NaN, Double.NaN));
        return new SolverState(SolverConfig.dcfr(1.5, 0, 2), "kuhn_poker(players=2)", 0x1234_5678_9abcL, 2, true,
                iteration, iteration * (iteration + 1) / 2.0, records, new SessionState(buffers, joint));
    }

    @Test
    void roundTripIsExact() {
        Path file = dir.resolve("run.state");
        SolverState written = state(7, 0.125);
        SolverStateFile.write(file, written);
        SolverState read = SolverStateFile.read(file);
        assertEquals(written.config(), read.config());
        assertEquals(written.game(), read.game());
        assertEquals(written.fingerprint(), read.fingerprint());
        assertEquals(7, read.iteration());
        assertEquals(28.0, read.totalWeight());
        assertEquals(2, read.records().size());
        assertTrue(written.records().get(0).sameValues(read.records().get(0)));
        assertTrue(written.records().get(1).sameValues(read.records().get(1)));
        assertNull(read.records().get(1).exploitability());
        for (SequenceBuffer b : SequenceBuffer.values()) {
            if (b.persistent()) {
                for (int i = 0; i < 2; i++) {
                    for (int p = 0; p < 2; p++) {
                        assertArrayEquals(written.session().buffer(b)[i][p], read.session().buffer(b)[i][p], 0.0);
                    }
                }
            }
        }
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(read.session().buffer(SequenceBuffer.PREDICTION)[0][0][2]));
        assertArrayEquals(new double[] {0.25, 0.125}, read.session().jointPlay()[0].opponentWeights()[0], 0.0);
        assertTrue(Files.notExists(SolverStateFile.temporaryFile(file)), "the temporary file is renamed away");
    }

    @Test
    void aWriteThatDiesMidwayLeavesThePreviousFile() {
        Path file = dir.resolve("run.state");
        SolverStateFile.write(file, state(4, 1.0));
        Map<SequenceBuffer, double[][][]> broken = new EnumMap<>(state(8, 2.0).session().buffers());
        broken.put(SequenceBuffer.AVERAGE_PLAN, new double[][][] {{null}});
        SolverState dying = new SolverState(SolverConfig.cfr(), "g", 1, 1, true, 8, 8, List.of(),
                new SessionState(broken, state(8, 2.0).session().jointPlay()));
        assertThrows(NullPointerException.class, () -> SolverStateFile.write(file, dying));
        assertTrue(Files.exists(SolverStateFile.temporaryFile(file)), "the interrupted write left its partial file");
        assertEquals(4, SolverStateFile.read(file).iteration(), "the previous good file is still there");
        SolverStateFile.write(file, state(12, 3.0));
        assertEquals(12, SolverStateFile.read(file).iteration(), "the next write replaces the partial file");
    }

    @Test
    void truncatedFilesAreReportedAsTruncated() throws IOException {
        Path file = dir.resolve("run.state");
        SolverStateFile.write(file, state(3, 1.0));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolverStateFile.read(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(file.toString()), e.getMessage());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThrows(IllegalArgumentException.class, () -> SolverStateFile.read(file));
    }

    @Test
    void corruptedBytesFailTheChecksum() throws IOException {
        Path file = dir.resolve("run.state");
        SolverStateFile.write(file, state(3, 1.0));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 16] ^= 0x10; // inside the last joint-play double (then the predictor-state count, the CRC)
        Files.write(file, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolverStateFile.read(file));
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
    }

    @Test
    void otherFilesAreNotMistakenForStateFiles() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a state file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolverStateFile.read(file));
        assertTrue(e.getMessage().contains("not a NashForge solver state file"), e.getMessage());
    }
}

package dev.nashforge.cuda;

import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.games.layout.GameStructure;
import dev.nashforge.games.layout.Treeplex;
import dev.nashforge.host.backend.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device layout holds exactly the game: every int-table slice equals the structure array it copies, the
 * other players' sequences follow the player's sorted terminal order, player blocks of the shared buffers are
 * contiguous and disjoint, and a batch too large for 32-bit indexing is refused with the batch size that fits.
 */
class CudaSessionLayoutTest {

    private static int[] slice(int[] table, int at, int length) {
        return Arrays.copyOfRange(table, at, at + length);
    }

    @ParameterizedTest(name = "{0}, B={1}")
    @CsvSource(delimiter = ';', value = {"kuhn_poker; 1", "kuhn_poker(players=3); 5", "leduc_poker; 3",
            "random_matrix(players=3,actions=3,seed=7); 2", "biased_leduc; 1"})
    void intTablesAndOffsetsDescribeTheGame(String spec, int batchSize) {
        CompiledGame game = CudaTestGames.compile(spec);
        GameStructure s = game.structure();
        CudaSessionLayout layout = new CudaSessionLayout(s, batchSize, 64);
        int n = s.numPlayers();
        int z = s.numTerminals();
        int[] table = layout.intTable();
        long sequenceBlock = 0;
        long infosetBlock = 0;
        for (int i = 0; i < n; i++) {
            Treeplex t = s.treeplex(i);
            CudaSessionLayout.PlayerTables p = layout.tables(i);
            int numI = t.numInfosets();
            int numS = t.numSequences();
            assertArrayEquals(t.firstSequence(), slice(table, p.firstSequence(), numI));
            assertArrayEquals(t.numActions(), slice(table, p.numActions(), numI));
            assertArrayEquals(t.parentSequence(), slice(table, p.parentSequence(), numI));
            assertArrayEquals(t.childInfosetStart(), slice(table, p.childInfosetStart(), numS + 1));
            assertArrayEquals(t.depthStart(), slice(table, p.depthStart(), t.numDepths() + 1));
            assertArrayEquals(s.sequenceTerminalStart(i), slice(table, p.segmentStart(), numS + 1));
            int[] order = s.terminalsBySequence(i);
            for (int j = 0, o = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                for (int k = 0; k < z; k++) {
                    assertEquals(s.terminalSequence(j)[order[k]], table[p.otherSequence() + o * z + k],
                            "player " + i + ", other " + j + ", sorted terminal " + k);
                }
                assertEquals(layout.sequenceOffset(j), table[p.otherPlanOffset() + o]);
                assertEquals(s.treeplex(j).numSequences(), table[p.otherNumSequences() + o]);
                o++;
            }
            assertEquals(sequenceBlock, layout.sequenceOffset(i), "player blocks are contiguous");
            assertEquals(infosetBlock, layout.infosetOffset(i));
            assertEquals((long) i * batchSize * z, layout.utilityOffset(i));
            sequenceBlock += (long) batchSize * numS;
            infosetBlock += (long) batchSize * numI;
            int widest = 0;
            for (int d = 0; d < t.numDepths(); d++) {
                widest = Math.max(widest, t.depthStart()[d + 1] - t.depthStart()[d]);
            }
            assertEquals(widest, layout.widestDepth(i));
        }
        for (int j = 0; j < n; j++) {
            assertArrayEquals(s.terminalSequence(j), slice(table, layout.terminalSequenceAt() + j * z, z));
            assertEquals(layout.sequenceOffset(j), table[layout.planOffsetAt() + j]);
            assertEquals(s.treeplex(j).numSequences(), table[layout.numSequencesAt() + j]);
        }
        assertEquals(sequenceBlock, layout.elements(CudaBuffer.REALIZATION_PLAN));
        assertEquals(infosetBlock, layout.elements(CudaBuffer.INFOSET_VALUE));
        assertEquals((long) n * batchSize * z, layout.elements(CudaBuffer.OPPONENT_WEIGHTS));
        assertEquals((long) batchSize * z, layout.elements(CudaBuffer.JOINT_WEIGHTS));
        assertEquals(128, layout.elements(CudaBuffer.SCALARS));
        assertEquals(table.length, layout.elements(CudaBuffer.INT_TABLES));
        long doubles = layout.totalBytes(Precision.DOUBLE);
        long floats = layout.totalBytes(Precision.FLOAT);
        long fixed = 4L * table.length + 8 * 128;
        assertEquals(doubles - fixed, 2 * (floats - fixed), "real buffers halve in float precision");
    }

    @Test
    void aBatchBeyondThirtyTwoBitIndexingIsRefusedWithTheBatchThatFits() {
        GameStructure s = CudaTestGames.compile("leduc_poker").structure();
        int totalSequences = s.totalSequences();
        int fits = Integer.MAX_VALUE / totalSequences;
        new CudaSessionLayout(s, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CudaSessionLayout(s, fits + 1, 64));
        assertTrue(e.getMessage().contains("leduc_poker") && e.getMessage().contains("at most " + fits + " instances"),
                e.getMessage());
    }

    @Test
    void nonsenseSizesAreRefused() {
        GameStructure s = CudaTestGames.compile("kuhn_poker").structure();
        assertThrows(IllegalArgumentException.class, () -> new CudaSessionLayout(s, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new CudaSessionLayout(s, 1, 0));
    }
}

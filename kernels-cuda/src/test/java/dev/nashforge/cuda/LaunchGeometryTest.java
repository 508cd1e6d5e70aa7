package dev.nashforge.cuda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launch planner at edge sizes, and the kernels' loops over the planned geometry: simulating the CUDA source's
 * grid-stride loop ({@code item = blockIdx.x·blockDim.x + threadIdx.x; item += gridDim.x·blockDim.x}) and its
 * block-per-instance loop ({@code b = blockIdx.x; b += gridDim.x}) shows every item handled exactly once.
 */
class LaunchGeometryTest {

    private static final DeviceLimits H100 = DeviceLimits.h100();

    /** Counts how often the grid-stride loop of every thread of {@code g} visits each of {@code items}. */
    private static int[] gridStrideVisits(LaunchGeometry g, int items) {
        int[] visits = new int[items];
        long stride = (long) g.gridX() * g.blockX();
        for (int block = 0; block < g.gridX(); block++) {
            for (int thread = 0; thread < g.blockX(); thread++) {
                for (long item = (long) block * g.blockX() + thread; item < items; item += stride) {
                    visits[(int) item]++;
                }
            }
        }
        return visits;
    }

    private static void assertEachOnce(int[] visits, String what) {
        for (int k = 0; k < visits.length; k++) {
            assertEquals(1, visits[k], what + ": item " + k + " visited " + visits[k] + " times");
        }
    }

    @ParameterizedTest(name = "{0} items")
    @CsvSource({"1", "2", "255", "256", "257", "10007", "65521", "1000003"})
    void gridStrideCoversEveryItemOnce(int items) {
        LaunchGeometry g = LaunchGeometry.gridStride(items, H100);
        assertEquals(256, g.blockX());
        assertEquals(Math.min((items + 255) / 256, H100.gridCap()), g.gridX());
        assertEachOnce(gridStrideVisits(g, items), items + " items");
    }

    @Test
    void aPrimeNumberOfTerminalsForOneInstanceLeavesNoTerminalOut() {
        // joint_play over B = 1 instance of Z = 10007 terminals (prime): 40 blocks, the last one partly idle.
        LaunchGeometry g = LaunchGeometry.gridStride(1L * 10007, H100);
        assertEquals(40, g.gridX());
        assertEachOnce(gridStrideVisits(g, 10007), "10007 terminals");
    }

    @Test
    void moreBlocksThanTheGridLimitAreFoldedIntoTheLoop() {
        // A device whose grid holds at most 7 blocks of at most 64 threads: 100,000 items need 1563 blocks.
        DeviceLimits tiny = new DeviceLimits(7, 64, 1000, 32);
        LaunchGeometry g = LaunchGeometry.gridStride(100_000, tiny);
        assertEquals(7, g.gridX());
        assertEquals(64, g.blockX());
        assertEachOnce(gridStrideVisits(g, 100_000), "100000 items on a 7-block grid");
        // The cap of 32 blocks per SM also folds: 2 SMs -> at most 64 blocks.
        LaunchGeometry capped = LaunchGeometry.gridStride(1_000_000, new DeviceLimits(Integer.MAX_VALUE, 1024, 2, 32));
        assertEquals(64, capped.gridX());
        assertEachOnce(gridStrideVisits(capped, 1_000_000), "1000000 items on a 64-block grid");
    }

    @Test
    void countsBeyondTwoToTheThirtyOneStillGetALegalGrid() {
        LaunchGeometry g = LaunchGeometry.gridStride(3L << 31, H100);
        assertEquals(H100.gridCap(), g.gridX());
        assertTrue(g.threads() > 0);
    }

    @Test
    void zeroItemsGiveOneIdleBlock() {
        LaunchGeometry g = LaunchGeometry.gridStride(0, H100);
        assertEquals(1, g.gridX());
        assertEachOnce(gridStrideVisits(g, 0), "no items");
    }

    @ParameterizedTest(name = "B={0}, widest depth {1}")
    @CsvSource({"1, 1, 1, 32", "1, 0, 1, 32", "1, 33, 1, 64", "1, 468, 1, 256", "4096, 100, 4096, 128",
            "100000, 5, 4224, 32"})
    void blockPerInstanceGivesEveryInstanceOneBlockInTurn(int instances, int widest, int grid, int block) {
        LaunchGeometry g = LaunchGeometry.blockPerInstance(instances, widest, H100);
        assertEquals(grid, g.gridX());
        assertEquals(block, g.blockX());
        int[] visits = new int[instances];
        for (int blockIdx = 0; blockIdx < g.gridX(); blockIdx++) {
            for (int b = blockIdx; b < instances; b += g.gridX()) {
                visits[b]++;
            }
        }
        assertEachOnce(visits, instances + " instances");
    }

    @Test
    void blockPerInstanceRespectsASmallDevice() {
        LaunchGeometry g = LaunchGeometry.blockPerInstance(50, 5000, new DeviceLimits(3, 96, 1, 32));
        assertEquals(3, g.gridX());
        assertEquals(96, g.blockX());
    }

    @Test
    void nonsenseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LaunchGeometry.gridStride(-1, H100));
        assertThrows(IllegalArgumentException.class, () -> LaunchGeometry.blockPerInstance(0, 3, H100));
        assertThrows(IllegalArgumentException.class, () -> new LaunchGeometry(0, 32));
        assertThrows(IllegalArgumentException.class, () -> new DeviceLimits(1, 16, 1, 32));
    }
}

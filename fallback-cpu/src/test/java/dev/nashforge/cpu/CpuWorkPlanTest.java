package dev.nashforge.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task grids cover every (instance, range element) exactly once and take the intended shape. */
class CpuWorkPlanTest {

    @Test
    void smallWorkRunsAsOneInlineTask() {
        CpuWorkPlan plan = CpuWorkPlan.overRanges(1, 100, null, 8, CpuWorkPlan.PARALLEL_WORK);
        assertEquals(1, plan.tasks());
        assertCovers(plan, 1, 100);
        assertEquals(1, CpuWorkPlan.overInstances(1, 1_000_000, 8, CpuWorkPlan.PARALLEL_WORK).tasks(),
                "a single instance is never cut by the per-instance plan");
    }

    @Test
    void fewLargeInstancesAreCutIntoBalancedRanges() {
        // 10 sequences; sequence 3 holds most of the terminals
        int[] cost = {0, 10, 20, 30, 900, 910, 920, 930, 940, 950, 1000};
        CpuWorkPlan plan = CpuWorkPlan.overRanges(1, 10, cost, 2, 64);
        assertTrue(plan.rangeChunks > 1, "expected the single instance to be cut into sequence ranges");
        assertCovers(plan, 1, 10);
        CpuWorkPlan three = CpuWorkPlan.overRanges(3, 10, cost, 2, 64);
        assertEquals(3, three.instanceChunks);
        assertCovers(three, 3, 10);
    }

    @Test
    void manyInstancesAreCutByInstance() {
        CpuWorkPlan plan = CpuWorkPlan.overRanges(256, 5000, null, 2, CpuWorkPlan.PARALLEL_WORK);
        assertEquals(1, plan.rangeChunks);
        assertEquals(8, plan.instanceChunks);
        assertCovers(plan, 256, 5000);
        CpuWorkPlan perInstance = CpuWorkPlan.overInstances(256, 2000, 2, CpuWorkPlan.PARALLEL_WORK);
        assertEquals(8, perInstance.tasks());
        for (int task = 0, next = 0; task < perInstance.tasks(); task++) {
            assertEquals(next, perInstance.fromInstance(task));
            next = perInstance.toInstance(task);
        }
    }

    private static void assertCovers(CpuWorkPlan plan, int batchSize, int rangeEnd) {
        int[][] hits = new int[batchSize][rangeEnd];
        for (int task = 0; task < plan.tasks(); task++) {
            for (int b = plan.fromInstance(task); b < plan.toInstance(task); b++) {
                for (int r = plan.fromRange(task); r < plan.toRange(task); r++) {
                    hits[b][r]++;
                }
            }
        }
        for (int b = 0; b < batchSize; b++) {
            for (int r = 0; r < rangeEnd; r++) {
                assertEquals(1, hits[b][r], "instance " + b + ", element " + r);
            }
        }
    }
}

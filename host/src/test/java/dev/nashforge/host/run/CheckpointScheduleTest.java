package dev.nashforge.host.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointScheduleTest {

    @Test
    void powersOfTwoEndAtTheTotal() {
        assertEquals(List.of(1, 2, 4, 8), CheckpointSchedule.powersOfTwo(8).iterations());
        assertEquals(List.of(1, 2, 4, 8, 10), CheckpointSchedule.powersOfTwo(10).iterations());
        assertEquals(List.of(1), CheckpointSchedule.powersOfTwo(1).iterations());
    }

    @Test
    void explicitListsAreSortedAndDeduplicated() {
        CheckpointSchedule s = CheckpointSchedule.of(100, 10, 100, 1000);
        assertEquals(List.of(10, 100, 1000), s.iterations());
        assertEquals(100, s.next(10));
        assertEquals(-1, s.next(1000));
        assertTrue(s.contains(100));
        assertFalse(s.contains(50));
    }

    @Test
    void invalidSchedulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.of(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSchedule(List.of(5, 3)));
        assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.powersOfTwo(0));
    }
}

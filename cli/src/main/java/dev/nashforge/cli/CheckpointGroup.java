package dev.nashforge.cli;

import dev.nashforge.host.run.CheckpointRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The records of one checkpoint, one per batch instance in instance order, as the outputs of {@code nash solve}
 * (JSON, text, plot) consume them.
 *
 * @param iteration the checkpoint's iteration count T
 * @param instances {@code [instance]} records, instance b at index b
 */
record CheckpointGroup(int iteration, List<CheckpointRecord> instances) {

    CheckpointGroup {
        instances = List.copyOf(instances);
    }

    /**
     * Groups {@code records} (ordered by checkpoint, then instance, as {@link dev.nashforge.host.run.RunRecord}
     * keeps them) by iteration.
     */
    static List<CheckpointGroup> of(List<CheckpointRecord> records) {
        List<CheckpointGroup> groups = new ArrayList<>();
        int k = 0;
        while (k < records.size()) {
            int t = records.get(k).iteration();
            List<CheckpointRecord> same = new ArrayList<>();
            while (k < records.size() && records.get(k).iteration() == t) {
                CheckpointRecord r = records.get(k);
                if (r.instance() != same.size()) {
                    throw new IllegalStateException("checkpoint " + t + ": expected instance " + same.size()
                            + ", found " + r.instance());
                }
                same.add(r);
                k++;
            }
            groups.add(new CheckpointGroup(t, same));
        }
        return groups;
    }

    /** {@code [instance]} values of {@code metric}. */
    double[] values(ToDoubleFunction<CheckpointRecord> metric) {
        return instances.stream().mapToDouble(metric).toArray();
    }

    /** The statistics of {@code metric} over the instances. */
    BatchStatistics statistics(ToDoubleFunction<CheckpointRecord> metric) {
        return BatchStatistics.of(values(metric));
    }
}

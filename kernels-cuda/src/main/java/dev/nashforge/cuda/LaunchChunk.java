package dev.nashforge.cuda;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a session submits to its {@link CudaExecutor}: the scalars of a chunk of queued operations and their
 * launches, in order. The executor first copies {@code scalarCount} scalars into the allocation
 * {@code scalarHandle} (where the launches' scalar pointers point), then runs the launches; a {@code cacheable}
 * chunk may run as a CUDA graph cached under {@code key}.
 *
 * @param key          the chunk's operation sequence
 * @param cacheable    whether the chunk is full (only full chunks repeat)
 * @param scalarHandle the {@link CudaBuffer#SCALARS} allocation
 * @param scalars      the scalars, read during {@link CudaExecutor#submit} only
 * @param scalarCount  how many of {@code scalars} belong to the chunk
 * @param launches     the launches in execution order
 * @param description  names the chunk's operations and iterations, for error messages
 */
record LaunchChunk(CudaLaunchQueue.ChunkKey key, boolean cacheable, int scalarHandle, double[] scalars,
                   int scalarCount, List<BoundLaunch> launches, Supplier<String> description) {
}

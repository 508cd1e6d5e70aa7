package dev.nashforge.cuda;

/**
 * The device operations a {@link CudaSolverSession} performs, in the order it performs them: the seam between
 * the host-side session (layout, launches, queue, read-back) and the driver. {@link JCudaExecutor} implements it
 * with the JCuda driver API on one stream; tests implement it without a GPU (recording, or running the kernels'
 * CUDA source compiled for the host).
 *
 * <p>Ordering: {@link #zero} and {@link #submit} are asynchronous and run in call order; {@link #upload},
 * {@link #download} and {@link #synchronize} first wait for everything submitted before, and return when done.
 * Errors of asynchronous work surface at a later call; every failure is a {@link CudaException} naming the
 * work it concerns. Not thread-safe: one session drives an executor.
 */
interface CudaExecutor extends AutoCloseable {

    /** The device, as {@link dev.nashforge.host.backend.BackendAvailability#device()} describes it. */
    String device();

    /** The device's launch limits. */
    DeviceLimits limits();

    /** Free device memory in bytes (for a clear error before allocating). */
    long freeBytes();

    /** Allocates {@code bytes} (contents undefined) for {@code buffer}; returns the allocation's handle. */
    int allocate(CudaBuffer buffer, long bytes);

    /** Sets {@code bytes} bytes of an allocation to 0 (asynchronous, ordered). */
    void zero(int handle, long bytes);

    /** Copies {@code values} to an allocation at {@code byteOffset}, after all submitted work. */
    void upload(int handle, long byteOffset, int[] values);

    /** Copies {@code values} to an allocation at {@code byteOffset}, after all submitted work. */
    void upload(int handle, long byteOffset, double[] values);

    /** Copies {@code values} to an allocation at {@code byteOffset}, after all submitted work. */
    void upload(int handle, long byteOffset, float[] values);

    /** Fills {@code into} from an allocation at {@code byteOffset}, after all submitted work. */
    void download(int handle, long byteOffset, double[] into);

    /** Fills {@code into} from an allocation at {@code byteOffset}, after all submitted work. */
    void download(int handle, long byteOffset, float[] into);

    /** Enqueues a chunk: its scalars, then its launches (asynchronous, ordered). */
    void submit(LaunchChunk chunk);

    /** Waits for all submitted work; surfaces its errors. */
    void synchronize();

    /** Marks the start of a device-timed span (a CUDA event on the stream). */
    void markStart();

    /** Milliseconds of device time since {@link #markStart()}: records an end event and waits for it. */
    double millisSinceStart();

    /** How the chunks ran: graphs and direct launches, counted. */
    String launchReport();

    /** Frees everything the executor allocated (the session's device memory, stream, graphs). */
    @Override
    void close();
}

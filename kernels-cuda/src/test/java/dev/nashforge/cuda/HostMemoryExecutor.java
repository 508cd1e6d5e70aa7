package dev.nashforge.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link CudaExecutor} that keeps "device memory" in Java byte arrays and records the chunks it is given
 * without running any kernel: what a session does up to the driver calls, observable in a test. Fresh
 * allocations are poisoned with 0xFF bytes, as a real device would hold garbage.
 */
final class HostMemoryExecutor implements CudaExecutor {

    /** A recorded chunk: the bound launches and a copy of its scalars. */
    record Submitted(List<BoundLaunch> launches, double[] scalars, boolean cacheable, String description) {
    }

    final List<CudaBuffer> allocationBuffers = new ArrayList<>();
    final List<ByteBuffer> memory = new ArrayList<>();
    final List<Submitted> submitted = new ArrayList<>();
    private final long freeBytes;
    boolean closed;

    HostMemoryExecutor(long freeBytes) {
        this.freeBytes = freeBytes;
    }

    @Override
    public String device() {
        return "host memory (no kernels run)";
    }

    @Override
    public DeviceLimits limits() {
        return DeviceLimits.h100();
    }

    @Override
    public long freeBytes() {
        return freeBytes;
    }

    @Override
    public int allocate(CudaBuffer buffer, long bytes) {
        byte[] b = new byte[Math.toIntExact(bytes)];
        Arrays.fill(b, (byte) 0xFF);
        memory.add(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
        allocationBuffers.add(buffer);
        return memory.size() - 1;
    }

    /** The allocation of a buffer. */
    ByteBuffer memory(CudaBuffer buffer) {
        return memory.get(allocationBuffers.indexOf(buffer));
    }

    @Override
    public void zero(int handle, long bytes) {
        Arrays.fill(memory.get(handle).array(), 0, Math.toIntExact(bytes), (byte) 0);
    }

    @Override
    public void upload(int handle, long byteOffset, int[] values) {
        memory.get(handle).slice(Math.toIntExact(byteOffset), values.length * 4).order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer().put(values);
    }

    @Override
    public void upload(int handle, long byteOffset, double[] values) {
        memory.get(handle).slice(Math.toIntExact(byteOffset), values.length * 8).order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer().put(values);
    }

    @Override
    public void upload(int handle, long byteOffset, float[] values) {
        memory.get(handle).slice(Math.toIntExact(byteOffset), values.length * 4).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().put(values);
    }

    @Override
    public void download(int handle, long byteOffset, double[] into) {
        memory.get(handle).slice(Math.toIntExact(byteOffset), into.length * 8).order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer().get(into);
    }

    @Override
    public void download(int handle, long byteOffset, float[] into) {
        memory.get(handle).slice(Math.toIntExact(byteOffset), into.length * 4).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(into);
    }

    @Override
    public void submit(LaunchChunk chunk) {
        submitted.add(new Submitted(List.copyOf(chunk.launches()),
                Arrays.copyOf(chunk.scalars(), chunk.scalarCount()), chunk.cacheable(), chunk.description().get()));
    }

    @Override
    public void synchronize() {
    }

    @Override
    public void markStart() {
    }

    @Override
    public double millisSinceStart() {
        return 0;
    }

    @Override
    public String launchReport() {
        return submitted.size() + " chunks recorded";
    }

    @Override
    public void close() {
        closed = true;
    }
}

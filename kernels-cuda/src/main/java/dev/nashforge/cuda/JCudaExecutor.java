package dev.nashforge.cuda;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUgraph;
import jcuda.driver.CUgraphExec;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstreamCaptureMode;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link CudaExecutor} of a real device, on the JCuda driver API: one non-blocking stream per session, device
 * memory from {@code cuMemAlloc}, the chunks' scalars staged through a small ring of pinned host buffers (so the
 * host never waits for the device to queue the next chunk), and full chunks captured once into CUDA graphs
 * ({@code cuStreamBeginCapture} … {@code cuGraphInstantiate}) that are replayed with one {@code cuGraphLaunch}.
 * Partial chunks, chunks of a disabled graph cache and sync mode ({@link CudaOptions#syncEachLaunch()}) launch
 * their kernels directly. Every driver call is checked; errors name the call, the kernel or chunk concerned (the
 * kernel, its sizes and the iteration) and what to do.
 *
 * <p>Not thread-safe (one session). Each call makes the device's primary context current first.
 */
final class JCudaExecutor implements CudaExecutor {

    private static final int STAGING_SLOTS = 4;

    private final CudaDevice device;
    private final CudaOptions options;
    private final CUstream stream = new CUstream();
    private final List<CUdeviceptr> allocations = new ArrayList<>();
    private final Pointer[] stagingHost = new Pointer[STAGING_SLOTS];
    private final DoubleBuffer[] stagingView = new DoubleBuffer[STAGING_SLOTS];
    private final CUevent[] stagingDone = new CUevent[STAGING_SLOTS];
    private final boolean[] stagingInFlight = new boolean[STAGING_SLOTS];
    private final CUevent timingStart = new CUevent();
    private final CUevent timingEnd = new CUevent();
    private final CudaGraphCache<CUgraphExec> graphs;
    private final int stagingCapacity;
    private int nextStaging;
    private boolean streamCreated;
    private int eventsCreated;
    private long graphLaunches;
    private long directChunks;
    private long directLaunches;
    private Supplier<String> lastWork = () -> "setting up the session";
    private boolean closed;

    /**
     * @param scalarCapacity the most scalars one chunk carries (2 per operation)
     */
    JCudaExecutor(CudaDevice device, CudaOptions options, int scalarCapacity) {
        this.device = device;
        this.options = options;
        this.stagingCapacity = scalarCapacity;
        this.graphs = new CudaGraphCache<>(options.graphCacheCapacity(), this::destroyGraph);
        try {
            device.makeCurrent();
            CudaCheck.check(JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING),
                    "cuStreamCreate", "creating the session's stream");
            streamCreated = true;
            long bytes = (long) scalarCapacity * Double.BYTES;
            for (int k = 0; k < STAGING_SLOTS; k++) {
                Pointer host = new Pointer();
                CudaCheck.check(JCudaDriver.cuMemAllocHost(host, bytes), "cuMemAllocHost",
                        "allocating " + bytes + " bytes of pinned staging memory for the launch scalars");
                stagingHost[k] = host;
                stagingView[k] = host.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder()).asDoubleBuffer();
                stagingDone[k] = new CUevent();
                CudaCheck.check(JCudaDriver.cuEventCreate(stagingDone[k], CUevent_flags.CU_EVENT_DISABLE_TIMING),
                        "cuEventCreate", "creating the staging events");
                eventsCreated++;
            }
            CudaCheck.check(JCudaDriver.cuEventCreate(timingStart, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate",
                    "creating the timing events");
            eventsCreated++;
            CudaCheck.check(JCudaDriver.cuEventCreate(timingEnd, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate",
                    "creating the timing events");
            eventsCreated++;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String device() {
        return device.description();
    }

    @Override
    public DeviceLimits limits() {
        return device.limits();
    }

    @Override
    public long freeBytes() {
        device.makeCurrent();
        long[] free = new long[1];
        long[] total = new long[1];
        CudaCheck.check(JCudaDriver.cuMemGetInfo(free, total), "cuMemGetInfo", "reading the free device memory");
        return free[0];
    }

    @Override
    public int allocate(CudaBuffer buffer, long bytes) {
        device.makeCurrent();
        CUdeviceptr p = new CUdeviceptr();
        CudaCheck.check(JCudaDriver.cuMemAlloc(p, Math.max(bytes, 16)), "cuMemAlloc",
                () -> "allocating " + bytes + " bytes for the " + buffer + " buffer");
        allocations.add(p);
        return allocations.size() - 1;
    }

    private CUdeviceptr pointer(int handle, long byteOffset) {
        CUdeviceptr p = allocations.get(handle);
        return byteOffset == 0 ? p : p.withByteOffset(byteOffset);
    }

    @Override
    public void zero(int handle, long bytes) {
        device.makeCurrent();
        CudaCheck.check(JCudaDriver.cuMemsetD8Async(pointer(handle, 0), (byte) 0, bytes, stream), "cuMemsetD8Async",
                () -> "zeroing allocation " + handle + " (" + bytes + " bytes)");
    }

    @Override
    public void upload(int handle, long byteOffset, int[] values) {
        upload(handle, byteOffset, Pointer.to(values), (long) values.length * Integer.BYTES);
    }

    @Override
    public void upload(int handle, long byteOffset, double[] values) {
        upload(handle, byteOffset, Pointer.to(values), (long) values.length * Double.BYTES);
    }

    @Override
    public void upload(int handle, long byteOffset, float[] values) {
        upload(handle, byteOffset, Pointer.to(values), (long) values.length * Float.BYTES);
    }

    private void upload(int handle, long byteOffset, Pointer host, long bytes) {
        synchronize();
        if (bytes == 0) {
            return;
        }
        CudaCheck.check(JCudaDriver.cuMemcpyHtoD(pointer(handle, byteOffset), host, bytes), "cuMemcpyHtoD",
                () -> "copying " + bytes + " bytes to allocation " + handle + " at byte " + byteOffset);
        // A pageable host-to-device copy may return before its DMA lands, and the session's stream does not wait
        // for the legacy stream: wait for the copy before anything else is queued.
        CudaCheck.check(JCudaDriver.cuCtxSynchronize(), "cuCtxSynchronize",
                () -> "waiting for a copy to allocation " + handle);
    }

    @Override
    public void download(int handle, long byteOffset, double[] into) {
        download(handle, byteOffset, Pointer.to(into), (long) into.length * Double.BYTES);
    }

    @Override
    public void download(int handle, long byteOffset, float[] into) {
        download(handle, byteOffset, Pointer.to(into), (long) into.length * Float.BYTES);
    }

    private void download(int handle, long byteOffset, Pointer host, long bytes) {
        synchronize();
        if (bytes == 0) {
            return;
        }
        CudaCheck.check(JCudaDriver.cuMemcpyDtoH(host, pointer(handle, byteOffset), bytes), "cuMemcpyDtoH",
                () -> "copying " + bytes + " bytes from allocation " + handle + " at byte " + byteOffset);
    }

    @Override
    public void submit(LaunchChunk chunk) {
        device.makeCurrent();
        lastWork = chunk.description();
        stageScalars(chunk);
        if (options.graphs() && chunk.cacheable()) {
            CUgraphExec exec = graphs.lookup(chunk.key(), () -> capture(chunk));
            if (exec != null) {
                CudaCheck.check(JCudaDriver.cuGraphLaunch(exec, stream), "cuGraphLaunch",
                        () -> "running " + chunk.description().get());
                graphLaunches++;
                return;
            }
        }
        directChunks++;
        for (BoundLaunch l : chunk.launches()) {
            launch(l, chunk);
            directLaunches++;
            if (options.syncEachLaunch()) {
                CudaCheck.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize",
                        () -> "running " + l.launch().describe() + " for " + chunk.description().get());
            }
        }
    }

    private void stageScalars(LaunchChunk chunk) {
        int count = chunk.scalarCount();
        if (count == 0) {
            return;
        }
        if (count > stagingCapacity) {
            throw new IllegalArgumentException("a chunk carries " + count + " scalars, the staging holds "
                    + stagingCapacity);
        }
        int k = nextStaging;
        nextStaging = (k + 1) % STAGING_SLOTS;
        if (stagingInFlight[k]) {
            CudaCheck.check(JCudaDriver.cuEventSynchronize(stagingDone[k]), "cuEventSynchronize",
                    () -> "waiting for a staging buffer, after " + lastWork.get());
        }
        DoubleBuffer view = stagingView[k];
        view.clear();
        view.put(chunk.scalars(), 0, count);
        long bytes = (long) count * Double.BYTES;
        CudaCheck.check(JCudaDriver.cuMemcpyHtoDAsync(pointer(chunk.scalarHandle(), 0), stagingHost[k], bytes,
                stream), "cuMemcpyHtoDAsync", () -> "staging the scalars of " + chunk.description().get());
        CudaCheck.check(JCudaDriver.cuEventRecord(stagingDone[k], stream), "cuEventRecord",
                () -> "marking a staging buffer of " + chunk.description().get());
        stagingInFlight[k] = true;
    }

    private void launch(BoundLaunch l, LaunchChunk chunk) {
        List<BoundLaunch.Arg> args = l.args();
        NativePointerObject[] params = new NativePointerObject[args.size()];
        for (int k = 0; k < params.length; k++) {
            BoundLaunch.Arg a = args.get(k);
            if (a instanceof BoundLaunch.IntArg i) {
                params[k] = Pointer.to(new int[] {i.value()});
            } else {
                BoundLaunch.PointerArg p = (BoundLaunch.PointerArg) a;
                params[k] = Pointer.to(pointer(p.handle(), p.byteOffset()));
            }
        }
        LaunchGeometry g = l.launch().geometry();
        CudaCheck.check(JCudaDriver.cuLaunchKernel(device.function(l.entryPoint()), g.gridX(), 1, 1, g.blockX(), 1, 1,
                0, stream, Pointer.to(params), null), "cuLaunchKernel",
                () -> "launching " + l.launch().describe() + " for " + chunk.description().get());
    }

    private CUgraphExec capture(LaunchChunk chunk) {
        CUgraph graph = new CUgraph();
        CudaCheck.check(JCudaDriver.cuStreamBeginCapture(stream, CUstreamCaptureMode.CU_STREAM_CAPTURE_MODE_THREAD_LOCAL),
                "cuStreamBeginCapture", () -> "capturing " + chunk.description().get());
        RuntimeException failure = null;
        try {
            for (BoundLaunch l : chunk.launches()) {
                launch(l, chunk);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        int ended = JCudaDriver.cuStreamEndCapture(stream, graph);
        if (failure != null) {
            RuntimeException cleanup = keep(null, ended, "cuStreamEndCapture");
            if (ended == CUresult.CUDA_SUCCESS) {
                cleanup = keep(cleanup, JCudaDriver.cuGraphDestroy(graph), "cuGraphDestroy");
            }
            if (cleanup != null) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        CudaCheck.check(ended, "cuStreamEndCapture", () -> "capturing " + chunk.description().get());
        CUgraphExec exec = new CUgraphExec();
        try {
            CudaCheck.check(JCudaDriver.cuGraphInstantiate(exec, graph, 0), "cuGraphInstantiate",
                    () -> "instantiating the graph of " + chunk.description().get());
        } finally {
            CudaCheck.check(JCudaDriver.cuGraphDestroy(graph), "cuGraphDestroy", "freeing a captured graph");
        }
        return exec;
    }

    private void destroyGraph(CUgraphExec exec) {
        CudaCheck.check(JCudaDriver.cuGraphExecDestroy(exec), "cuGraphExecDestroy", "freeing a cached graph");
    }

    @Override
    public void synchronize() {
        device.makeCurrent();
        CudaCheck.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize",
                () -> "waiting for " + lastWork.get());
    }

    @Override
    public void markStart() {
        device.makeCurrent();
        CudaCheck.check(JCudaDriver.cuEventRecord(timingStart, stream), "cuEventRecord", "starting a device timer");
    }

    @Override
    public double millisSinceStart() {
        device.makeCurrent();
        CudaCheck.check(JCudaDriver.cuEventRecord(timingEnd, stream), "cuEventRecord", "stopping a device timer");
        CudaCheck.check(JCudaDriver.cuEventSynchronize(timingEnd), "cuEventSynchronize",
                () -> "waiting for the timed work: " + lastWork.get());
        float[] ms = new float[1];
        CudaCheck.check(JCudaDriver.cuEventElapsedTime(ms, timingStart, timingEnd), "cuEventElapsedTime",
                "reading a device timer");
        return ms[0];
    }

    @Override
    public String launchReport() {
        String graphPart = !options.graphs() ? "graphs off" : "graphs on (" + graphs.describe() + ")";
        return graphPart + "; " + graphLaunches + " graph launches, " + directChunks + " direct chunks ("
                + directLaunches + " kernel launches)" + (options.syncEachLaunch() ? ", synchronized per launch" : "");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            device.makeCurrent();
            if (streamCreated) {
                // after a kernel failure the context reports that error here: keep it, free everything anyway
                failure = keep(null, JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
            }
            graphs.clear();
        } catch (RuntimeException e) {
            failure = failure != null ? failure : e;
        }
        for (CUdeviceptr p : allocations) {
            failure = keep(failure, JCudaDriver.cuMemFree(p), "cuMemFree");
        }
        allocations.clear();
        for (Pointer host : stagingHost) {
            if (host != null) {
                failure = keep(failure, JCudaDriver.cuMemFreeHost(host), "cuMemFreeHost");
            }
        }
        int events = eventsCreated;
        for (int k = 0; k < STAGING_SLOTS && events > 0; k++, events--) {
            failure = keep(failure, JCudaDriver.cuEventDestroy(stagingDone[k]), "cuEventDestroy");
        }
        if (events-- > 0) {
            failure = keep(failure, JCudaDriver.cuEventDestroy(timingStart), "cuEventDestroy");
        }
        if (events > 0) {
            failure = keep(failure, JCudaDriver.cuEventDestroy(timingEnd), "cuEventDestroy");
        }
        if (streamCreated) {
            failure = keep(failure, JCudaDriver.cuStreamDestroy(stream), "cuStreamDestroy");
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The first failure of a clean-up sequence: {@code first}, else the failure of this call, else null. */
    static RuntimeException keep(RuntimeException first, int result, String call) {
        if (first != null || result == CUresult.CUDA_SUCCESS) {
            return first;
        }
        return new CudaException(CudaCheck.message(result, call, "freeing CUDA resources"), result);
    }
}

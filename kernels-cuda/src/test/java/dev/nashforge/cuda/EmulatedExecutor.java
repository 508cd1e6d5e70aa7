package dev.nashforge.cuda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CudaExecutor} whose "device" is the kernel emulator process ({@link KernelEmulator}): the session's
 * real host code (layout, bound launches, chunks, read-back) drives the real kernel source, compiled for the host
 * with AddressSanitizer, so a kernel that reads or writes past a buffer kills the process and the test shows the
 * sanitizer's report. Launches run synchronously; fresh allocations are poisoned (NaN, −1).
 */
final class EmulatedExecutor implements CudaExecutor {

    /** What {@link #device()} says. */
    static final String DEVICE = "kernel emulator (CudaKernels.cu compiled for the host with sanitizers)";

    private final Process process;
    private final OutputStream out;
    private final InputStream in;
    private final Path stderr;
    private final DeviceLimits limits;
    private long launches;
    private long chunks;
    private long startNanos;

    EmulatedExecutor(Path binary, DeviceLimits limits) throws IOException {
        this.limits = limits;
        this.stderr = Files.createTempFile("kernel-emulator", ".log");
        ProcessBuilder pb = new ProcessBuilder(binary.toString()).redirectError(stderr.toFile());
        pb.environment().put("ASAN_OPTIONS", "detect_leaks=0");
        this.process = pb.start();
        this.out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.in = new BufferedInputStream(process.getInputStream(), 1 << 16);
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void send(ByteBuffer command) {
        try {
            out.write(command.array(), 0, command.position());
            out.flush();
        } catch (IOException e) {
            throw died("sending a command", e);
        }
    }

    private byte[] readExactly(int n) {
        try {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw died("reading a reply", null);
            }
            return b;
        } catch (IOException e) {
            throw died("reading a reply", e);
        }
    }

    private void status(String what) {
        byte s = readExactly(1)[0];
        if (s != 0) {
            int length = ByteBuffer.wrap(readExactly(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
            throw new CudaException("kernel emulator refused " + what + ": "
                    + new String(readExactly(length), StandardCharsets.UTF_8), 0);
        }
    }

    private IllegalStateException died(String what, IOException cause) {
        String log;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            log = Files.readString(stderr);
        } catch (IOException | InterruptedException e) {
            log = "(no log: " + e + ")";
        }
        return new IllegalStateException("the kernel emulator died " + what + " (exit "
                + (process.isAlive() ? "none yet" : process.exitValue()) + "); its stderr:\n" + log, cause);
    }

    @Override
    public String device() {
        return DEVICE;
    }

    @Override
    public DeviceLimits limits() {
        return limits;
    }

    @Override
    public long freeBytes() {
        return 1L << 34;
    }

    @Override
    public int allocate(CudaBuffer buffer, long bytes) {
        send(le(9).put((byte) 'A').putLong(bytes));
        status("allocating " + bytes + " bytes for " + buffer);
        return ByteBuffer.wrap(readExactly(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Override
    public void zero(int handle, long bytes) {
        send(le(13).put((byte) 'Z').putInt(handle).putLong(bytes));
        status("zeroing allocation " + handle);
    }

    private void upload(int handle, long byteOffset, ByteBuffer data) {
        ByteBuffer header = le(21).put((byte) 'U').putInt(handle).putLong(byteOffset).putLong(data.capacity());
        try {
            out.write(header.array(), 0, header.position());
            out.write(data.array());
            out.flush();
        } catch (IOException e) {
            throw died("receiving an upload", e);
        }
        status("an upload to allocation " + handle);
    }

    @Override
    public void upload(int handle, long byteOffset, int[] values) {
        ByteBuffer b = le(values.length * 4);
        b.asIntBuffer().put(values);
        upload(handle, byteOffset, b);
    }

    @Override
    public void upload(int handle, long byteOffset, double[] values) {
        ByteBuffer b = le(values.length * 8);
        b.asDoubleBuffer().put(values);
        upload(handle, byteOffset, b);
    }

    @Override
    public void upload(int handle, long byteOffset, float[] values) {
        ByteBuffer b = le(values.length * 4);
        b.asFloatBuffer().put(values);
        upload(handle, byteOffset, b);
    }

    private ByteBuffer download(int handle, long byteOffset, long bytes) {
        send(le(21).put((byte) 'D').putInt(handle).putLong(byteOffset).putLong(bytes));
        status("a download from allocation " + handle);
        return ByteBuffer.wrap(readExactly((int) bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void download(int handle, long byteOffset, double[] into) {
        download(handle, byteOffset, 8L * into.length).asDoubleBuffer().get(into);
    }

    @Override
    public void download(int handle, long byteOffset, float[] into) {
        download(handle, byteOffset, 4L * into.length).asFloatBuffer().get(into);
    }

    @Override
    public void submit(LaunchChunk chunk) {
        chunks++;
        if (chunk.scalarCount() > 0) {
            double[] s = java.util.Arrays.copyOf(chunk.scalars(), chunk.scalarCount());
            upload(chunk.scalarHandle(), 0, s);
        }
        for (BoundLaunch l : chunk.launches()) {
            byte[] name = l.entryPoint().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer b = le(1 + 4 + name.length + 12 + l.args().size() * 13);
            b.put((byte) 'L').putInt(name.length).put(name).putInt(l.launch().geometry().gridX())
                    .putInt(l.launch().geometry().blockX()).putInt(l.args().size());
            for (BoundLaunch.Arg a : l.args()) {
                if (a instanceof BoundLaunch.IntArg i) {
                    b.put((byte) 'i').putInt(i.value());
                } else {
                    BoundLaunch.PointerArg p = (BoundLaunch.PointerArg) a;
                    b.put((byte) 'p').putInt(p.handle()).putLong(p.byteOffset());
                }
            }
            send(b);
            status(l.launch().describe() + " for " + chunk.description().get());
            launches++;
        }
    }

    @Override
    public void synchronize() {
        if (!process.isAlive()) {
            throw died("while idle", null);
        }
    }

    @Override
    public void markStart() {
        startNanos = System.nanoTime();
    }

    @Override
    public double millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    @Override
    public String launchReport() {
        return "emulated: " + chunks + " chunks, " + launches + " kernel launches";
    }

    /** Kernel launches run so far. */
    long launches() {
        return launches;
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send(le(1).put((byte) 'Q'));
                status("quitting");
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroy();
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

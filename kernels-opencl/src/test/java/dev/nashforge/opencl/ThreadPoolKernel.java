package dev.nashforge.opencl;

/** A valid kernel, for the test that makes Aparapi pick its Java thread pool as the device. */
final class ThreadPoolKernel extends TestKernel {

    float[] values = new float[64];

    @Override
    public void run() {
        int gid = getGlobalId();
        if (gid < workItems) {
            values[gid] = values[gid] + 1f;
        }
    }
}

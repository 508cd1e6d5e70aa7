package dev.nashforge.opencl;

/** A kernel that compiles for OpenCL but that Aparapi refuses at launch: its array is null when launched. */
final class RuntimeFallbackKernel extends TestKernel {

    float[] values;

    @Override
    public void run() {
        int gid = getGlobalId();
        if (gid < workItems) {
            values[gid] = values[gid] + 1f;
        }
    }
}

package dev.nashforge.opencl;

/** A kernel Aparapi cannot translate to OpenCL: it uses a Java object. */
final class UnsupportedKernel extends TestKernel {

    float[] out = new float[1];
    StringBuilder text = new StringBuilder("x");

    @Override
    public void run() {
        out[getGlobalId()] = text.length();
    }
}

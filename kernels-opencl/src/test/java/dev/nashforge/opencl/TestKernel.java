package dev.nashforge.opencl;

/**
 * Base of the small kernels the honesty tests run through {@link OpenClKernel}'s launch path: the solver-state
 * methods are not used by them. Each test kernel is its own class because Aparapi remembers a failed device per
 * kernel class, and the real solver kernels must keep theirs.
 */
abstract class TestKernel extends OpenClKernel {

    @Override
    void putValueArrays() {
    }

    @Override
    void readSequenceBuffer(int which, double[] out) {
        throw new UnsupportedOperationException("test kernel");
    }

    @Override
    void writeSequenceBuffer(int which, double[] in) {
        throw new UnsupportedOperationException("test kernel");
    }

    @Override
    void readJointPlay(double[] opponentWeightsOut, double[] jointWeightsOut) {
        throw new UnsupportedOperationException("test kernel");
    }

    @Override
    void writeJointPlay(double[] opponentWeightsIn, double[] jointWeightsIn) {
        throw new UnsupportedOperationException("test kernel");
    }

    @Override
    void setRegretScalars(double weight, double positiveDiscount, double negativeDiscount) {
    }

    @Override
    void setAverageStep(double step) {
    }
}

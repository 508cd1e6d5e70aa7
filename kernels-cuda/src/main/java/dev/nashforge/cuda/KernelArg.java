package dev.nashforge.cuda;

/**
 * One argument of a {@link KernelLaunch}, before it is bound to device memory: an int value, a slice of a
 * {@link CudaBuffer} starting at an element offset, or the scalar slot of the queued operation (bound per chunk
 * position by {@link CudaSolverSession}).
 */
sealed interface KernelArg permits KernelArg.IntValue, KernelArg.Slice, KernelArg.ScalarSlot {

    /** An {@code int} argument. */
    record IntValue(int value) implements KernelArg {
    }

    /** A pointer to element {@code elementOffset} of {@code buffer}. */
    record Slice(CudaBuffer buffer, long elementOffset) implements KernelArg {
        public Slice {
            if (elementOffset < 0) {
                throw new IllegalArgumentException("negative element offset " + elementOffset + " into " + buffer);
            }
        }
    }

    /** A pointer to the two scalars of the operation being launched. */
    record ScalarSlot() implements KernelArg {
    }

    /** The scalar-slot placeholder. */
    ScalarSlot SCALARS = new ScalarSlot();
}

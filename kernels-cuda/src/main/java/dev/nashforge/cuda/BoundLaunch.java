package dev.nashforge.cuda;

import java.util.List;

/**
 * A {@link KernelLaunch} bound to device memory: every pointer argument resolved to an allocation handle of the
 * session's {@link CudaExecutor} and a byte offset, the scalar slot to the operation's place in its chunk.
 * Immutable.
 *
 * @param launch     the launch it binds
 * @param entryPoint the kernel's entry point in the session precision, e.g. {@code leaf_values_f64}
 * @param args       one per kernel parameter
 */
record BoundLaunch(KernelLaunch launch, String entryPoint, List<Arg> args) {

    BoundLaunch {
        args = List.copyOf(args);
    }

    /** A bound argument. */
    sealed interface Arg permits IntArg, PointerArg {
    }

    /** An {@code int} argument. */
    record IntArg(int value) implements Arg {
    }

    /** A device pointer: allocation {@code handle} plus {@code byteOffset}. */
    record PointerArg(int handle, long byteOffset) implements Arg {
    }
}

package dev.nashforge.cuda;

import java.util.List;

/**
 * One kernel launch of a session primitive: the kernel, its geometry, its arguments (checked against the kernel's
 * parameter list on construction) and a one-line context naming the game, player and sizes for error messages.
 * Immutable.
 *
 * @param kernel   the kernel
 * @param geometry grid and block
 * @param args     one argument per {@link CudaKernel#params()} entry, in order
 * @param context  e.g. {@code player 1 of leduc_poker: B=256, S=1093, I=468, Z=5520}
 */
record KernelLaunch(CudaKernel kernel, LaunchGeometry geometry, List<KernelArg> args, String context) {

    KernelLaunch {
        args = List.copyOf(args);
        List<CudaKernel.Param> params = kernel.params();
        if (args.size() != params.size()) {
            throw new IllegalArgumentException("kernel " + kernel.baseName() + " takes " + params.size()
                    + " arguments, " + args.size() + " given (" + context + ")");
        }
        for (int k = 0; k < args.size(); k++) {
            CudaKernel.Param param = params.get(k);
            KernelArg arg = args.get(k);
            if (!fits(param.kind(), arg)) {
                throw new IllegalArgumentException("kernel " + kernel.baseName() + ", argument " + k + " ("
                        + param.name() + ", " + param.kind() + "): " + arg + " does not fit (" + context + ")");
            }
        }
    }

    private static boolean fits(CudaKernel.Kind kind, KernelArg arg) {
        return switch (kind) {
            case INT -> arg instanceof KernelArg.IntValue;
            case INT_TABLE -> arg instanceof KernelArg.Slice s
                    && (s.buffer() == CudaBuffer.INT_TABLES || s.buffer() == CudaBuffer.NETWORK_TABLES);
            case REAL_IN, REAL_OUT -> arg instanceof KernelArg.Slice s && s.buffer().real();
            case SCALARS -> arg instanceof KernelArg.ScalarSlot;
        };
    }

    /** Whether the launch reads the operation's scalars. */
    boolean usesScalars() {
        return args.contains(KernelArg.SCALARS);
    }

    /** E.g. {@code kernel leaf_values (player 1 of leduc_poker: B=256, ...; grid 4224 x block 256)}. */
    String describe() {
        return "kernel " + kernel.baseName() + " (" + context + "; " + geometry + ")";
    }
}

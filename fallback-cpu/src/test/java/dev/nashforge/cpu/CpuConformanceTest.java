package dev.nashforge.cpu;

import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.conformance.BackendConformanceSuite;

/**
 * The CPU backend passes the shared backend conformance suite. Two threads and a parallel-work threshold of
 * 64 elements make the suite's small games take the parallel paths (instance chunks, sequence and terminal
 * ranges) too.
 */
class CpuConformanceTest extends BackendConformanceSuite {

    private static final Backend BACKEND = new CpuBackend(2, 64);

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}

package dev.nashforge.opencl;

import dev.nashforge.games.batch.GameBatch;
import dev.nashforge.games.layout.CompiledGame;
import dev.nashforge.host.backend.Backend;
import dev.nashforge.host.backend.BackendRegistry;
import dev.nashforge.host.backend.Precision;
import dev.nashforge.host.conformance.BackendSuiteBase;
import dev.nashforge.host.conformance.ConformanceGames;
import dev.nashforge.host.solver.RegretMinimizer;
import dev.nashforge.host.solver.SolverConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On PoCL the OpenCL kernels give the CPU backend's results bit for bit, in both precisions, through 100
 * iterations of Leduc: the kernels sum in the CPU reference's order and keep every product that is then
 * added in its own statement (no fused multiply-add), and PoCL rounds every binary32 and binary64 operation
 * correctly. Other OpenCL drivers may contract or divide differently in float, so this is checked on PoCL only;
 * every device must meet {@link dev.nashforge.host.conformance.CpuParitySuite}'s tolerances.
 */
class OpenClBitParityTest extends BackendSuiteBase {

    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected boolean requiredHere() {
        return ciRequiresIt();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"cfr, DOUBLE", "pcfr+, DOUBLE", "dcfr, FLOAT", "prm+, FLOAT"})
    void leducSolvesAreBitIdenticalToTheCpuBackendOnPocl(String preset, Precision precision) {
        Assumptions.assumeTrue(BACKEND.availability().device().contains("Portable Computing Language"),
                "bit parity is checked on PoCL only; device: " + BACKEND.availability().device());
        assumePrecision(precision);
        Backend cpu = BackendRegistry.discover().select("cpu").backend();
        CompiledGame leduc = ConformanceGames.compiled(ConformanceGames.LEDUC);
        GameBatch batch = ConformanceGames.perturbedBatch(leduc, 4, 97);
        SolverConfig config = SolverConfig.preset(preset).withPrecision(precision);
        withSession(cpu, batch, config, reference -> withSession(batch, config, tested -> {
            iterate(reference, new RegretMinimizer(reference), 100);
            iterate(tested, new RegretMinimizer(tested), 100);
            assertSameState(reference, tested, 0.0, preset + " (" + precision.label() + ") on Leduc, B=4, T=100");
        }));
    }
}

package dev.nashforge.cuda;

import jcuda.driver.CUresult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed driver call becomes a {@link CudaException} naming the call, the error, the work and what to do. */
class CudaCheckTest {

    @Test
    void successPassesFailureNamesEverything() {
        assertDoesNotThrow(() -> CudaCheck.check(CUresult.CUDA_SUCCESS, "cuLaunchKernel", "anything"));
        String work = "launching kernel leaf_values (player 1 of leduc_poker: B=256, S=1093, I=468, Z=5520; grid 1092 "
                + "x block 256) for 64 operations queued after the regret updates of iterations 17..23";
        CudaException e = assertThrows(CudaException.class,
                () -> CudaCheck.check(CUresult.CUDA_ERROR_ILLEGAL_ADDRESS, "cuLaunchKernel", () -> work));
        assertEquals(CUresult.CUDA_ERROR_ILLEGAL_ADDRESS, e.result());
        assertTrue(e.getMessage().startsWith("cuLaunchKernel failed: CUDA_ERROR_ILLEGAL_ADDRESS (700) while launching "
                + "kernel leaf_values"), e.getMessage());
        assertTrue(e.getMessage().contains("iterations 17..23") && e.getMessage().contains("B=256"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + CudaOptions.SYNC_PROPERTY + "=true"), e.getMessage());
    }

    @Test
    void adviceFitsTheError() {
        assertTrue(CudaCheck.advice(CUresult.CUDA_ERROR_OUT_OF_MEMORY).contains("smaller batch"));
        assertTrue(CudaCheck.advice(CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION).contains("r580"));
        assertTrue(CudaCheck.advice(CUresult.CUDA_ERROR_NO_BINARY_FOR_GPU).contains("cuda-kernels"));
        assertEquals("", CudaCheck.advice(CUresult.CUDA_ERROR_NOT_READY));
    }

    @Test
    void optionsComeFromSystemProperties() {
        assertEquals(CudaOptions.defaults(), CudaOptions.fromSystemProperties());
        try {
            System.setProperty(CudaOptions.SYNC_PROPERTY, "true");
            CudaOptions sync = CudaOptions.fromSystemProperties();
            assertEquals(1, sync.chunkOps());
            assertTrue(sync.syncEachLaunch() && !sync.graphs());
            System.setProperty(CudaOptions.SYNC_PROPERTY, "yes");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, CudaOptions::fromSystemProperties);
            assertTrue(e.getMessage().contains(CudaOptions.SYNC_PROPERTY), e.getMessage());
            System.clearProperty(CudaOptions.SYNC_PROPERTY);
            System.setProperty(CudaOptions.CHUNK_PROPERTY, "0");
            assertThrows(IllegalArgumentException.class, CudaOptions::fromSystemProperties);
        } finally {
            System.clearProperty(CudaOptions.SYNC_PROPERTY);
            System.clearProperty(CudaOptions.CHUNK_PROPERTY);
        }
    }
}

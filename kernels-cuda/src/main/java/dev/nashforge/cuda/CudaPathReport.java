package dev.nashforge.cuda;

/**
 * Which paths a CUDA session's work took, for benchmark records and {@code --backend} reports.
 *
 * @param device   the device description (GPU, compute capability, driver, which kernel image loaded)
 * @param layout   the session's sizes, e.g. {@code leduc_poker: B=256, S=[1093, 1093], I=[468, 468], Z=5520}
 * @param launches how the launch chunks ran (graphs instantiated and reused, direct launches)
 * @param cublas   whether cuBLAS ran and why (not)
 */
public record CudaPathReport(String device, String layout, String launches, String cublas) {

    /** One line. */
    public String describe() {
        return device + "; " + layout + "; launches: " + launches + "; cublas: " + cublas;
    }
}

package dev.nashforge.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The committed kernel image: {@code CudaKernels.fatbin} (nvcc 13: SASS for sm_80 and sm_90 plus PTX, compiled
 * from {@code src/main/cuda/CudaKernels.cu} by {@code build-fatbin.sh}, the {@code cuda-kernels} Maven profile)
 * and next to it {@code CudaKernels.fatbin.sha256}, the digests of the sources and of the fatbin.
 */
final class CudaFatbin {

    /** Class-path resource of the fatbin. */
    static final String RESOURCE = "/dev/nashforge/cuda/CudaKernels.fatbin";
    /** Class-path resource of the recorded digests. */
    static final String DIGESTS = "/dev/nashforge/cuda/CudaKernels.fatbin.sha256";

    private CudaFatbin() {
    }

    /** The fatbin's bytes. */
    static byte[] image() {
        return resource(RESOURCE);
    }

    /** The recorded digests file. */
    static String digests() {
        return new String(resource(DIGESTS), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = CudaFatbin.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the CUDA kernel resource " + name + " is missing from the class path: "
                        + "rebuild kernels-cuda (the fatbin is committed under src/main/resources)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the CUDA kernel resource " + name, e);
        }
    }
}

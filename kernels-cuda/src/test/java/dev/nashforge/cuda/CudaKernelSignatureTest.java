package dev.nashforge.cuda;

import dev.nashforge.host.backend.Precision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java side's parameter lists ({@link CudaKernel}) and constants ({@link CudaKernels}) agree with
 * {@code CudaKernels.cu}: each {@code DEFINE_*} macro's {@code extern "C" __global__} signature has the same
 * parameters (name, type, constness) in the same order, is instantiated for double ({@code _f64}) and float
 * ({@code _f32}), and the regret-rule codes match the {@code #define}s. A launch built by {@link CudaKernels}
 * therefore passes the arguments the kernel declares.
 */
class CudaKernelSignatureTest {

    private static final Pattern ENTRY = Pattern.compile(
            "#define\\s+(DEFINE_\\w+)\\(real, suffix\\)\\s*extern \"C\" __global__ void (\\w+)_##suffix\\(([^)]*)\\)");
    private static final Pattern INSTANCE = Pattern.compile("^(DEFINE_\\w+)\\((double|float), (f64|f32)\\)$",
            Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^#define (RULE_\\w+) (\\d+)$", Pattern.MULTILINE);
    private static final Pattern CELL = Pattern.compile("^#define (CELL_\\w+) (\\d+)$", Pattern.MULTILINE);

    private static String source() throws IOException {
        return Files.readString(Path.of("src/main/cuda/CudaKernels.cu"));
    }

    @Test
    void everyKernelDeclaresTheParametersItsLaunchesPass() throws IOException {
        String src = source().replace("\\\n", "\n"); // join the macros' continuation lines
        Map<String, List<CudaKernel.Param>> declared = new HashMap<>();
        Map<String, String> macroOf = new HashMap<>();
        Matcher m = ENTRY.matcher(src);
        while (m.find()) {
            List<CudaKernel.Param> params = new ArrayList<>();
            for (String p : m.group(3).split(",")) {
                params.add(parse(p.trim().replaceAll("\\s+", " ")));
            }
            declared.put(m.group(2), params);
            macroOf.put(m.group(2), m.group(1));
        }
        assertEquals(CudaKernel.values().length, declared.size(), "kernels declared in the source: " + declared.keySet());
        Matcher inst = INSTANCE.matcher(source());
        Map<String, List<String>> instances = new HashMap<>();
        while (inst.find()) {
            instances.computeIfAbsent(inst.group(1), k -> new ArrayList<>()).add(inst.group(2) + " " + inst.group(3));
        }
        for (CudaKernel k : CudaKernel.values()) {
            List<CudaKernel.Param> params = declared.get(k.baseName());
            assertNotNull(params, "no kernel " + k.baseName() + " in CudaKernels.cu");
            assertEquals(k.params(), params, "parameters of " + k.baseName());
            assertEquals(List.of("double f64", "float f32"), instances.get(macroOf.get(k.baseName())),
                    "precision instances of " + k.baseName());
            assertEquals(k.baseName() + "_f64", k.entryPoint(Precision.DOUBLE));
            assertEquals(k.baseName() + "_f32", k.entryPoint(Precision.FLOAT));
        }
    }

    /** {@code const real* regret} → REAL_IN, {@code int B} → INT, and so on. */
    private static CudaKernel.Param parse(String declaration) {
        int space = declaration.lastIndexOf(' ');
        String type = declaration.substring(0, space);
        String name = declaration.substring(space + 1);
        CudaKernel.Kind kind = switch (type) {
            case "int" -> CudaKernel.Kind.INT;
            case "const int*" -> CudaKernel.Kind.INT_TABLE;
            case "const real*" -> CudaKernel.Kind.REAL_IN;
            case "real*" -> CudaKernel.Kind.REAL_OUT;
            case "const double*" -> CudaKernel.Kind.SCALARS;
            default -> throw new AssertionError("unexpected parameter type '" + type + "' in " + declaration);
        };
        return new CudaKernel.Param(name, kind);
    }

    @Test
    void regretRuleCodesMatchTheSource() throws IOException {
        Map<String, Integer> rules = new HashMap<>();
        Matcher m = RULE.matcher(source());
        while (m.find()) {
            rules.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(Map.of("RULE_WEIGHTED", CudaKernels.RULE_WEIGHTED, "RULE_PLUS", CudaKernels.RULE_PLUS,
                "RULE_DISCOUNTED", CudaKernels.RULE_DISCOUNTED), rules);
    }

    @Test
    void networkCellCodesMatchTheSource() throws IOException {
        Map<String, Integer> cells = new HashMap<>();
        Matcher m = CELL.matcher(source());
        while (m.find()) {
            cells.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(Map.of("CELL_GRU", CudaNetwork.CELL_GRU, "CELL_MLP", CudaNetwork.CELL_MLP), cells);
    }

    @Test
    void onlyTheTreeplexPassesSynchronizeTheirBlocks() throws IOException {
        String src = source();
        for (CudaKernel k : CudaKernel.values()) {
            int start = src.indexOf("__device__ void " + camel(k.baseName()) + "Kernel");
            assertTrue(start >= 0, "template of " + k.baseName());
            int end = src.indexOf("#define DEFINE_", start);
            boolean barrier = src.substring(start, end).contains("__syncthreads()");
            assertEquals(k.usesBlockBarrier(), barrier, k.baseName() + " uses __syncthreads: " + barrier);
        }
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}

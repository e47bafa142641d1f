package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Practicals 3 and 4: an RGB image (3 x h x w, channels first) through a kernel with 3 input
 * channels; with {@code f} = 1 one output band, with {@code f} > 1 several bands, one per filter.
 */
final class PracticalRgbGrader extends PracticalGrader {

    private final String name;
    private final boolean several;

    private PracticalRgbGrader(String name, boolean several) {
        this.name = name;
        this.several = several;
    }

    static PracticalRgbGrader oneBand() {
        return new PracticalRgbGrader("practical-rgb", false);
    }

    static PracticalRgbGrader severalBands() {
        return new PracticalRgbGrader("practical-filters", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> requiredParameters() {
        return several ? Set.of("h", "w", "k", "f") : Set.of("h", "w", "k");
    }

    @Override
    List<Check> requirements(Parameters p, ConvRequest r) {
        int f = several ? p.integer("f") : 1;
        boolean threeChannels = r.kernelShape().length == 4 && r.kernelChannels() == 3;
        Check filters = check("request.kernel", r.filters() == f,
                Text.of("kernel: " + f + " filter(s), so " + f + " output band(s).", "kernel: " + f + " filtro(s), então " + f + " banda(s) de saída."),
                Text.of("kernel: " + r.filters() + " filter(s) given, " + f + " asked for.", "kernel: " + r.filters() + " filtro(s) dados, " + f + " pedidos."));
        Check kernelChannels = check("request.kernel", threeChannels,
                Text.of("kernel: 3 input channels, one per color.", "kernel: 3 canais de entrada, um por cor."),
                Text.of("kernel: must be F x 3 x kh x kw, one slice per color channel; got " + java.util.Arrays.toString(r.kernelShape()) + ".",
                        "kernel: deve ser F x 3 x kh x kw, uma fatia por canal de cor; veio " + java.util.Arrays.toString(r.kernelShape()) + "."));
        if (!several) {
            return List.of(inputSize(r, 3, p.integer("h"), p.integer("w")), kernelChannels, kernelSize(r, p.integer("k")), filters);
        }
        boolean distinct = r.filters() > 1 && filtersDiffer(r);
        return List.of(inputSize(r, 3, p.integer("h"), p.integer("w")), kernelChannels, kernelSize(r, p.integer("k")), filters,
                check("request.kernel", distinct, Text.of("kernel: the filters differ, so the bands show different things.",
                                "kernel: os filtros diferem, então as bandas mostram coisas diferentes."),
                        Text.of("kernel: all filters are equal; every band would be the same.",
                                "kernel: todos os filtros são iguais; todas as bandas seriam a mesma.")));
    }

    private static boolean filtersDiffer(ConvRequest r) {
        var kernel = r.body().get("kernel");
        for (int i = 1; i < kernel.size(); i++) {
            if (!kernel.get(i).equals(kernel.get(0))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Solution solve(Parameters p) {
        int h = p.integer("h");
        int w = p.integer("w");
        int k = p.integer("k");
        int f = several ? p.integer("f") : 1;
        if (k > h || k > w) {
            throw new IllegalArgumentException("kernel " + k + " larger than the input " + h + "x" + w);
        }
        if (several && f < 2) {
            throw new IllegalArgumentException("several bands need at least 2 filters, got " + f);
        }
        ObjectNode request = Numbers.object();
        ArrayNode input = request.putArray("input");
        for (int c = 0; c < 3; c++) {
            input.add(Numbers.matrix(pattern(h, w, c)));
        }
        ArrayNode kernel = request.putArray("kernel");
        for (int filter = 0; filter < f; filter++) {
            ArrayNode slices = kernel.addArray();
            for (int c = 0; c < 3; c++) {
                slices.add(Numbers.matrix(edgeKernel(k, filter)));
            }
        }
        request.put("padding", "valid");
        ObjectNode answer = Numbers.object();
        answer.set("request", request);
        answer.set("shape", Numbers.ints(f, h - k + 1, w - k + 1));
        return new Solution(answer, List.of(
                Text.of("An RGB image is 3 x " + h + " x " + w + " channels first; every filter has one " + k + "x" + k
                                + " slice per channel, so the kernel is " + f + " x 3 x " + k + " x " + k + ".",
                        "Uma imagem RGB é 3 x " + h + " x " + w + " com canais primeiro; cada filtro tem uma fatia " + k + "x" + k
                                + " por canal, então o kernel é " + f + " x 3 x " + k + " x " + k + "."),
                Text.of("Each filter sums its three channel results into one band: the output is " + f + " x " + (h - k + 1) + " x "
                                + (w - k + 1) + " with valid padding.",
                        "Cada filtro soma os resultados dos três canais numa banda: a saída é " + f + " x " + (h - k + 1) + " x "
                                + (w - k + 1) + " com padding valid.")));
    }
}

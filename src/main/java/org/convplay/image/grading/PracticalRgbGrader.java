package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.ImageExperiment;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;

/**
 * Practicals 3 and 4 on the images page. One band: a colour picture and a filter with a kernel for
 * each of its three channels. Several bands: {@code f} different filters, so {@code f} output bands.
 */
final class PracticalRgbGrader extends ImagePageGrader {

    private final boolean several;

    private PracticalRgbGrader(boolean several) {
        this.several = several;
    }

    public static PracticalRgbGrader oneBand() {
        return new PracticalRgbGrader(false);
    }

    public static PracticalRgbGrader severalBands() {
        return new PracticalRgbGrader(true);
    }

    @Override
    public String name() {
        return several ? "practical-filters" : "practical-rgb";
    }

    @Override
    public Set<String> requiredParameters() {
        return several ? Set.of("f") : Set.of("padding");
    }

    @Override
    List<Check> checks(Parameters p, ImagePage page, JsonNode answer) {
        return several ? severalChecks(p, page, answer) : oneBandChecks(p, page, answer);
    }

    private List<Check> oneBandChecks(Parameters p, ImagePage page, JsonNode answer) {
        boolean colour = page.inputChannels() == 3;
        boolean perChannel = page.filters().stream()
                .anyMatch(f -> f.kernels().length == 3 && Arrays.stream(f.kernels()).noneMatch(ImagePage::allZero));
        return List.of(
                Check.of("colour", colour, Text.of("The picture is RGB: three channels are convolved.", "A imagem é RGB: três canais são convolvidos."),
                        Text.of("The input has " + page.inputChannels() + " channel(s); pick the colour sample and leave \"Convert to gray\" off.",
                                "A entrada tem " + page.inputChannels() + " canal(is); escolha a amostra colorida e deixe \"Converter para cinza\" desmarcado.")),
                Check.of("kernels", colour && perChannel, Text.of("A filter has a kernel for each of the red, green and blue channels.",
                                "Um filtro tem um kernel para cada canal: vermelho, verde e azul."),
                        Text.of("No filter has a non-zero kernel on all three channels; apply a filter to each channel.",
                                "Nenhum filtro tem kernel não nulo nos três canais; aplique um filtro a cada canal.")),
                padding(page, padding(p)),
                bandShape(page, answer));
    }

    private List<Check> severalChecks(Parameters p, ImagePage page, JsonNode answer) {
        int f = p.integer("f");
        int n = page.filters().size();
        long bands = Answer.integer(answer, "", "bands");
        return List.of(
                Check.of("filters", n == f, Text.of(n + " filters, as asked.", n + " filtros, como pedido."),
                        Text.of("The page has " + n + " filter(s); the task asks for " + f + ". Use \"Add filter\" or remove some.",
                                "A página tem " + n + " filtro(s); a tarefa pede " + f + ". Use \"Adicionar filtro\" ou remova alguns.")),
                Check.of("different", n > 1 && filtersDiffer(page.filters()),
                        Text.of("The filters differ, so the bands show different things.", "Os filtros diferem, então as bandas mostram coisas diferentes."),
                        Text.of("Some filters are equal; every band of an equal filter would be the same. Give each its own preset.",
                                "Alguns filtros são iguais; bandas de filtros iguais seriam a mesma. Dê a cada um o seu preset.")),
                Check.of("bands", bands == n, Text.of(bands + " output bands: one per filter.", bands + " bandas de saída: uma por filtro."),
                        Text.of(bands + " output bands is not right for this page: count one band per filter.",
                                bands + " bandas de saída não está certo para esta página: conte uma banda por filtro.")),
                bandShape(page, answer));
    }

    /** Whether every filter differs from every other (by its weights). */
    private static boolean filtersDiffer(List<ImageExperiment.Filter> filters) {
        for (int i = 0; i < filters.size(); i++) {
            for (int j = i + 1; j < filters.size(); j++) {
                if (Arrays.deepEquals(filters.get(i).kernels(), filters.get(j).kernels())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Solution solve(Parameters p) {
        if (several) {
            int f = p.integer("f");
            List<KernelPreset> presets = List.of(KernelPreset.SOBEL_X, KernelPreset.SOBEL_Y, KernelPreset.GAUSSIAN, KernelPreset.LAPLACIAN);
            if (f < 2 || f > presets.size()) {
                throw new IllegalArgumentException("several bands need 2 to " + presets.size() + " filters, got " + f);
            }
            List<ImageExperiment.Filter> filters = new ArrayList<>();
            for (int i = 0; i < f; i++) {
                filters.add(filter(presets.get(i), 3));
            }
            ObjectNode answer = sampleState(SampleImage.COLOUR, false, "same", 1, filters);
            int[] shape = ImagePage.read(answer).bandShape();
            answer.put("bands", f);
            answer.set("shape", Numbers.ints(shape));
            return new Solution(answer, List.of(
                    Text.of("Each filter makes one output band, whatever the number of input channels: " + f + " different filters give "
                            + f + " bands.", "Cada filtro faz uma banda de saída, qualquer que seja o número de canais de entrada: " + f
                            + " filtros diferentes dão " + f + " bandas."),
                    Text.of("With the 256 x 256 colour sample, 3 x 3 kernels and same padding every band is " + shape[0] + " x " + shape[1] + ".",
                            "Com a amostra colorida 256 x 256, kernels 3 x 3 e padding same cada banda tem " + shape[0] + " x " + shape[1] + ".")));
        }
        String padding = padding(p);
        ObjectNode answer = sampleState(SampleImage.COLOUR, false, padding, 1, List.of(filter(KernelPreset.SOBEL_X, 3)));
        int[] shape = ImagePage.read(answer).bandShape();
        answer.set("shape", Numbers.ints(shape));
        return new Solution(answer, List.of(
                Text.of("A colour picture has three channels; a filter over it has one 3 x 3 kernel per channel (1 x 3 x 3 x 3) and"
                                + " sums the three results into one band.",
                        "Uma imagem colorida tem três canais; um filtro sobre ela tem um kernel 3 x 3 por canal (1 x 3 x 3 x 3) e"
                                + " soma os três resultados numa banda."),
                Text.of("With the 256 x 256 colour sample and " + padding + " padding the band is " + shape[0] + " x " + shape[1] + ".",
                        "Com a amostra colorida 256 x 256 e padding " + padding + " a banda tem " + shape[0] + " x " + shape[1] + ".")));
    }
}

package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;

/** Practical 2 on the images page: a gray picture (or "convert to gray"), a filter that does something, and its output shape. */
final class PracticalGrayGrader extends ImagePageGrader {

    @Override
    public String name() {
        return "practical-gray";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("padding");
    }

    @Override
    List<Check> checks(Parameters p, ImagePage page, JsonNode answer) {
        boolean filter = page.filters().stream().anyMatch(f -> ImagePage.changesThePicture(f.kernels()[0]));
        return List.of(
                Check.of("gray", page.grayInput(), Text.of("The picture is gray: one channel is convolved.",
                                "A imagem está em cinza: um canal é convolvido."),
                        Text.of("The picture has " + page.inputChannels() + " channels; pick the gray sample or tick \"Convert to gray\".",
                                "A imagem tem " + page.inputChannels() + " canais; escolha a amostra cinza ou marque \"Converter para cinza\".")),
                Check.of("filters", filter, Text.of("A filter changes the picture.", "Um filtro altera a imagem."),
                        Text.of("No filter changes the picture (all are the identity or zero); choose a preset such as Sobel x.",
                                "Nenhum filtro altera a imagem (todos são a identidade ou zero); escolha um preset como Sobel x.")),
                padding(page, padding(p)),
                bandShape(page, answer));
    }

    @Override
    public Solution solve(Parameters p) {
        String padding = padding(p);
        ObjectNode answer = sampleState(SampleImage.GRAY, false, padding, 1, List.of(filter(KernelPreset.SOBEL_X, 1)));
        int[] shape = ImagePage.read(answer).bandShape();
        answer.set("shape", Numbers.ints(shape));
        return new Solution(answer, List.of(
                Text.of("Pick the gray sample (or any picture and tick \"Convert to gray\"): the layer then has one input channel,"
                                + " so each filter has one kernel.",
                        "Escolha a amostra cinza (ou qualquer imagem e marque \"Converter para cinza\"): a camada tem então um canal"
                                + " de entrada, e cada filtro tem um kernel."),
                Text.of("The sample is 256 x 256; a 3 x 3 kernel with " + padding + " padding and stride 1 gives bands of "
                                + shape[0] + " x " + shape[1] + (padding.equals("valid") ? " (256 - 3 + 1)." : " (the input's size)."),
                        "A amostra é 256 x 256; um kernel 3 x 3 com padding " + padding + " e stride 1 dá bandas de "
                                + shape[0] + " x " + shape[1] + (padding.equals("valid") ? " (256 - 3 + 1)." : " (o tamanho da entrada)."))));
    }
}

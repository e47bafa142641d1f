package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;

/**
 * Practical 1 on the images page: the same picture and filter under {@code valid} and under
 * {@code same}, and by how many rows and columns the outputs differ. {@code "tried"} lists the
 * paddings the page computed during the task (the task bar keeps it); the state's own counts too.
 */
final class PracticalSameGrader extends ImagePageGrader {

    @Override
    public String name() {
        return "practical-same";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("stride");
    }

    @Override
    List<Check> checks(Parameters p, ImagePage page, JsonNode answer) {
        Set<String> tried = new TreeSet<>();
        tried.add(page.request().padding());
        JsonNode list = answer.path("tried");
        if (list.isArray()) {
            list.forEach(t -> tried.add(t.asText()));
        }
        int stride = p.integer("stride");
        int[] claimed = Answer.shape(answer, "", "difference");
        int[] same = page.bandShape("same");
        int[] valid = page.bandShape("valid");
        int[] difference = {same[0] - valid[0], same[1] - valid[1]};
        String c = claimed.length == 2 ? claimed[0] + " x " + claimed[1] : Arrays.toString(claimed);
        return List.of(
                Check.of("tried", tried.containsAll(List.of("same", "valid")),
                        Text.of("Both paddings were tried: valid and same.", "Os dois paddings foram experimentados: valid e same."),
                        Text.of("Tried so far: " + tried + "; run the filters with both valid and same.",
                                "Experimentados até agora: " + tried + "; rode os filtros com valid e com same.")),
                Check.of("stride", page.request().stride() == stride, Text.of("Stride " + stride + ".", "Stride " + stride + "."),
                        Text.of("Stride is " + page.request().stride() + "; set it to " + stride + ".",
                                "O stride está " + page.request().stride() + "; escolha " + stride + ".")),
                Check.of("difference", Arrays.equals(claimed, difference),
                        Text.of("Same gives " + c + " more rows x columns than valid: right.", "Same dá " + c + " linhas x colunas a mais que valid: certo."),
                        Text.of(c + " is not how many more rows x columns same gives than valid here; compare the two band sizes.",
                                c + " não é quantas linhas x colunas a mais same dá que valid aqui; compare os dois tamanhos de banda.")));
    }

    @Override
    public Solution solve(Parameters p) {
        int stride = p.integer("stride");
        ObjectNode answer = sampleState(SampleImage.GRAY, false, "same", stride, List.of(filter(KernelPreset.SOBEL_X, 1)));
        ImagePage page = ImagePage.read(answer);
        int[] same = page.bandShape("same");
        int[] valid = page.bandShape("valid");
        answer.putArray("tried").add("valid").add("same");
        answer.set("difference", Numbers.ints(same[0] - valid[0], same[1] - valid[1]));
        return new Solution(answer, List.of(
                Text.of("On the 256 x 256 gray sample with a 3 x 3 kernel and stride " + stride + ", valid gives " + valid[0] + " x "
                                + valid[1] + " and same gives " + same[0] + " x " + same[1] + ".",
                        "Na amostra cinza 256 x 256 com kernel 3 x 3 e stride " + stride + ", valid dá " + valid[0] + " x " + valid[1]
                                + " e same dá " + same[0] + " x " + same[1] + "."),
                Text.of("Same pads the border so that the output is ceil(n / stride); valid only keeps windows that fit inside:"
                                + " the difference is " + (same[0] - valid[0]) + " x " + (same[1] - valid[1]) + ".",
                        "Same preenche a borda para que a saída seja teto(n / stride); valid só mantém as janelas que cabem dentro:"
                                + " a diferença é " + (same[0] - valid[0]) + " x " + (same[1] - valid[1]) + ".")));
    }
}

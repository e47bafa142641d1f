package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Padding;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseReader;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Variant;
import org.convplay.exercise.Variants;
import org.junit.jupiter.api.Test;

/**
 * The formula kind, on the shipped files that moved onto it: answers worked out by hand
 * (docs/conventions.md's corrected notebook numbers), tolerance, known wrong answers, and the output-size
 * formulas checked against the engine's own geometry for many seeds.
 */
class FormulaGraderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Exercise shipped(String id) throws IOException {
        try (Reader r = Files.newBufferedReader(Path.of("exercises", id + ".yaml"))) {
            return new ExerciseReader(Graders.all()).read(id + ".yaml", r);
        }
    }

    private static Grade grade(Exercise e, Parameters p, String answer) throws IOException {
        FormulaGrader g = new FormulaGrader(e);
        Solution s = g.solve(p);
        return g.grade(p, s, JSON.readTree(answer), e.tolerance());
    }

    private static String dense(String output, long dense, long conv, double reduction) {
        return "{\"output\": " + output + ", \"denseParameters\": " + dense + ", \"convParameters\": " + conv
                + ", \"reduction\": " + reduction + "}";
    }

    @Test
    void denseVersusConvGivesTheCorrectedNotebookAnswer() throws IOException {
        Exercise e = shipped("dense-vs-conv");
        Parameters notebook = new Parameters(Map.of("n", 100, "k", 3));
        JsonNode a = new FormulaGrader(e).solve(notebook).answer();
        // 100 - 3 + 1 = 98; 10,000 * 9,604 + 9,604; 3*3 + 1 (docs/conventions.md, "The theory exercise, corrected").
        assertThat(a.get("output").toString()).isEqualTo("[98,98]");
        assertThat(a.get("denseParameters").asLong()).isEqualTo(10_000L * 9_604 + 9_604);
        assertThat(a.get("convParameters").asLong()).isEqualTo(10);
        assertThat(a.get("reduction").asDouble()).isCloseTo(9_604_960.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(new FormulaGrader(e).solve(notebook).steps().get(0).en()).contains("100 - 3 + 1").contains("98 x 98");
    }

    @Test
    void theReductionIsAcceptedJustInsideOnePercentAndCountsAreExact() throws IOException {
        Exercise e = shipped("dense-vs-conv");
        Parameters p = new Parameters(Map.of("n", 100, "k", 3));
        double exact = 96_049_604 / 10.0;
        assertThat(grade(e, p, dense("[98, 98]", 96_049_604, 10, exact * 1.0099)).correct()).isTrue();
        assertThat(grade(e, p, dense("[98, 98]", 96_049_604, 10, exact * 0.9901)).correct()).isTrue();
        Grade over = grade(e, p, dense("[98, 98]", 96_049_604, 10, exact * 1.0101));
        assertThat(over.checks()).filteredOn(c -> !c.correct()).extracting(c -> c.field()).containsExactly("reduction");
        assertThat(grade(e, p, dense("[98, 98]", 96_049_605, 10, exact)).correct()).isFalse();
        assertThat(grade(e, p, dense("[98, 97]", 96_049_604, 10, exact)).correct()).isFalse();
        assertThat(grade(e, p, dense("[98, 98, 1]", 96_049_604, 10, exact)).gradable()).as("a shape of three numbers").isFalse();
    }

    @Test
    void theNotebooksNinetyNineGetsItsOwnFeedbackInBothLanguages() throws IOException {
        Exercise e = shipped("dense-vs-conv");
        Parameters p = new Parameters(Map.of("n", 100, "k", 3));
        Grade g = grade(e, p, dense("[99, 99]", 96_049_604, 10, 9_604_960));
        assertThat(g.score()).isEqualTo(0.75);
        assertThat(g.feedback(Locale.ENGLISH)).contains("99 x 99 is not right").contains("slip the original notebook made");
        assertThat(g.feedback(Locale.forLanguageTag("pt-BR"))).contains("deslize do notebook original");
        Grade weights = grade(e, p, dense("[98, 98]", 96_040_000, 10, 9_604_960));
        assertThat(weights.feedback(Locale.ENGLISH)).contains("one bias per output");
        assertThat(grade(e, p, dense("[98, 98]", 1, 10, 9_604_960)).feedback(Locale.ENGLISH))
                .as("a wrong value does not give the right one away").doesNotContain("96049604").doesNotContain("96,049,604");
    }

    @Test
    void aDecimalOutsideTheToleranceIsWrittenInTheReadersLanguage() throws IOException {
        Exercise e = shipped("dense-vs-conv");
        Parameters p = new Parameters(Map.of("n", 100, "k", 3));
        Grade g = grade(e, p, dense("[98, 98]", 96_049_604, 10, 9_000_000.25));
        assertThat(g.feedback(Locale.ENGLISH)).contains("9,000,000.25 is not within 1% of the right value");
        assertThat(g.feedback(Locale.forLanguageTag("pt-BR"))).contains("9.000.000,25 não está a menos de");
    }

    @Test
    void aChoicePartIsGradedByItsValueWithItsFeedback() throws IOException {
        Exercise e = shipped("conv-parameters-rgb");
        Parameters p = new Parameters(Map.of("c", 3, "f", 32, "k", 3));
        Grade right = grade(e, p, "{\"kernelShape\": [32, 3, 3, 3], \"parameters\": 896, \"imageSize\": \"no\"}");
        assertThat(right.correct()).isTrue();
        Grade wrong = grade(e, p, "{\"kernelShape\": [3, 32, 3, 3], \"parameters\": 864, \"imageSize\": \"yes\"}");
        assertThat(wrong.score()).isZero();
        assertThat(wrong.feedback(Locale.ENGLISH)).contains("Filters come first").contains("add one bias per filter")
                .contains("a convolution's does not");
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreRedrawn() throws IOException {
        Exercise e = shipped("depthwise-parameters");
        FormulaGrader g = new FormulaGrader(e);
        assertThat(g.solve(new Parameters(Map.of("c", 32, "f", 32, "k", 3, "groups", 32))).answer().get("parameters").asLong())
                .isEqualTo(32 * 9 + 32);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> g.solve(new Parameters(Map.of("c", 6, "f", 8, "k", 3, "groups", 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a whole number");
    }

    @Test
    void outputSizeFormulasAgreeWithTheEngineForManySeeds() throws IOException {
        Exercise stride = shipped("output-size-stride");
        Exercise padding = shipped("output-size-padding");
        Exercise dilation = shipped("output-size-dilation");
        for (long seed = 0; seed < 150; seed++) {
            Variant v = Variants.draw(stride, new FormulaGrader(stride), seed);
            Parameters p = v.parameters();
            ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.named(p.string("padding"))).withStride(p.integer("stride"), p.integer("stride"));
            assertThat(v.solution().answer().get("output").toString()).as("stride seed %d %s", seed, p)
                    .isEqualTo(shape(ConvGeometry.plan(p.integer("h"), p.integer("w"), p.integer("k"), p.integer("k"), spec)));

            v = Variants.draw(padding, new FormulaGrader(padding), seed);
            p = v.parameters();
            int pad = p.integer("padding");
            spec = ConvSpec.DEFAULT.withPadding(Padding.explicit(pad, pad, pad, pad)).withStride(p.integer("stride"), p.integer("stride"));
            assertThat(v.solution().answer().get("output").toString()).as("padding seed %d %s", seed, p)
                    .isEqualTo(shape(ConvGeometry.plan(p.integer("h"), p.integer("w"), p.integer("k"), p.integer("k"), spec)));

            v = Variants.draw(dilation, new FormulaGrader(dilation), seed);
            p = v.parameters();
            spec = ConvSpec.DEFAULT.withDilation(p.integer("dilation"), p.integer("dilation"));
            assertThat(v.solution().answer().get("output").toString()).as("dilation seed %d %s", seed, p)
                    .isEqualTo(shape(ConvGeometry.plan(p.integer("h"), p.integer("w"), p.integer("k"), p.integer("k"), spec)));
        }
    }

    @Test
    void poolingShapesAgreeWithTheEngineForManySeeds() throws IOException {
        Exercise e = shipped("pooling-shape");
        for (long seed = 0; seed < 150; seed++) {
            Variant v = Variants.draw(e, new FormulaGrader(e), seed);
            Parameters p = v.parameters();
            ConvGeometry.Plan conv = ConvGeometry.plan(p.integer("n"), p.integer("n"), p.integer("k"), p.integer("k"),
                    ConvSpec.DEFAULT.withPadding(Padding.named(p.string("convPadding"))));
            int c = conv.outHeight();
            int s = p.integer("poolStride");
            int pooled = p.string("poolPadding").equals("same") ? ConvGeometry.ceilDiv(c, s)
                    : ConvGeometry.outputLength("height", c, p.integer("pool"), s, 1, 0, 0);
            int f = p.integer("f");
            assertThat(v.solution().answer().get("afterConv").toString()).as("seed %d %s", seed, p).isEqualTo("[" + f + "," + c + "," + c + "]");
            assertThat(v.solution().answer().get("afterPool").toString()).as("seed %d %s", seed, p)
                    .isEqualTo("[" + f + "," + pooled + "," + pooled + "]");
        }
    }

    private static String shape(ConvGeometry.Plan plan) {
        return "[" + plan.outHeight() + "," + plan.outWidth() + "]";
    }
}

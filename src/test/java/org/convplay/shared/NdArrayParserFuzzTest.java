package org.convplay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.convplay.Fuzz;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever is pasted into a matrix field, the parser answers with a matrix or a {@link BadRequestException} that
 * names the field: random text over the characters the formats use, valid matrices in every format cut and spliced,
 * and lists nested thousands deep, closed or not.
 */
class NdArrayParserFuzzTest {

    static final String[] VALID = {
        "[[1, 2], [3, 4]]", "[[1. 2.]\n [3. 4.]]", "np.array([[1, 0, -1], [2, 0, -2]], dtype=np.float32)",
        "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", "[1e-3, -2.5E+2, .5]", "array([[ 1.5, -2. ],\n       [ 3. ,  4. ]])"
    };
    static final String CHARACTERS = "[](), .-+eE0123456789\n\tnaifpry=dtoclt_x";

    static Stream<Arguments> texts() {
        return Fuzz.cases(13, 500, NdArrayParserFuzzTest::text);
    }

    static String text(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "[".repeat(1 + r.nextInt(20_000)) + "1" + "]".repeat(1 + r.nextInt(20_000));
            case 1 -> "[".repeat(1 + r.nextInt(20_000));
            case 2, 3, 4, 5 -> Fuzz.text(r, CHARACTERS, 60);
            default -> Fuzz.splice(r, Fuzz.oneOf(r, VALID), "[](),.-e1 n\n", 6);
        };
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("texts")
    void readsOrRefusesNamingTheField(String text) {
        try {
            NdArray a = NdArrayParser.parse(text, "kernel", 10_000);
            assertThat(a.values().length).isLessThanOrEqualTo(10_000);
        } catch (BadRequestException refused) {
            assertThat(refused.getMessage()).as(text).contains("kernel");
        }
    }
}

package org.convplay.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NdArrayParserTest {

    @Test
    void readsANumpyStyleNestedListWithCommas() {
        NdArray a = NdArrayParser.parse("[[1,1,1,0,0],[0,1,1,1,0]]", "input", 100);
        assertThat(a.shape()).containsExactly(2, 5);
        assertThat(a.values()).containsExactly(1, 1, 1, 0, 0, 0, 1, 1, 1, 0);
    }

    @Test
    void readsNumpysPrintoutWithoutCommasAndWithDecimalPoints() {
        NdArray a = NdArrayParser.parse("[[ 1.  -2.5]\n [ 3.   4. ]]", "kernel", 100);
        assertThat(a.shape()).containsExactly(2, 2);
        assertThat(a.values()).containsExactly(1, -2.5, 3, 4);
    }

    @Test
    void readsAnNpArrayCallWithADtype() {
        NdArray a = NdArrayParser.parse("np.array([[1, 2], [3, 4]], dtype=np.float32)", "kernel", 100);
        assertThat(a.shape()).containsExactly(2, 2);
        assertThat(a.values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsThreeLevelsAsChannels() {
        NdArray a = NdArrayParser.parse("[[[1, 2]], [[3, 4]], [[5, 6]]]", "input", 100);
        assertThat(a.shape()).containsExactly(3, 1, 2);
    }

    @Test
    void writesTextThatReadsBackToTheSameArray() {
        NdArray a = NdArray.of(new double[][] {{1, -0.5, 3}, {1e-7, 2, 250000}});
        assertThat(NdArrayParser.parse(a.toText(), "x", 100).values())
                .containsExactly(1, -0.5, 3, 1e-7, 2, 250000);
        assertThat(NdArray.of(new double[][] {{1, 2}, {3, 4}}).toText()).isEqualTo("[[1, 2],\n [3, 4]]");
    }

    @Test
    void namesTheRowOfARaggedMatrix() {
        assertThatThrownBy(() -> NdArrayParser.parse("[[1, 2, 3], [4, 5]]", "input", 100))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("input[1] has 2 value(s), expected 3");
    }

    @Test
    void namesTheCellThatIsNotANumber() {
        assertThatThrownBy(() -> NdArrayParser.parse("[[1, x], [3, 4]]", "kernel", 100))
                .hasMessageContaining("kernel[0][1] is 'x', which is not a number");
    }

    @Test
    void refusesNanAndInfinityAndValuesOutsideFloat32() {
        assertThatThrownBy(() -> NdArrayParser.parse("[[1, NaN]]", "input", 100)).hasMessageContaining("input[0][1] is NaN");
        assertThatThrownBy(() -> NdArrayParser.parse("[[Infinity]]", "input", 100)).hasMessageContaining("only finite numbers");
        assertThatThrownBy(() -> NdArrayParser.parse("[[1e39]]", "input", 100)).hasMessageContaining("float32 range");
    }

    @Test
    void refusesEmptyInput() {
        assertThatThrownBy(() -> NdArrayParser.parse("  ", "input", 100)).hasMessageContaining("input is empty");
        assertThatThrownBy(() -> NdArrayParser.parse("[[]]", "input", 100)).hasMessageContaining("input is empty");
    }

    @Test
    void refusesUnevenNestingAndMissingBrackets() {
        assertThatThrownBy(() -> NdArrayParser.parse("[[1, 2], 3]", "input", 100)).hasMessageContaining("input[1] is a number");
        assertThatThrownBy(() -> NdArrayParser.parse("[[1, 2]", "input", 100)).hasMessageContaining("missing ']'");
        assertThatThrownBy(() -> NdArrayParser.parse("[[1]] x", "input", 100)).hasMessageContaining("unexpected 'x'");
    }

    @Test
    void refusesMoreValuesThanTheLimitAsTooLarge() {
        assertThatThrownBy(() -> NdArrayParser.parse("[[1, 2, 3]]", "input", 2))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("more than 2 values");
    }
}

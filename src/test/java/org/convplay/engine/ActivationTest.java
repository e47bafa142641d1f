package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void reluZeroesNegativesOnly() {
        Tensor out = Activation.RELU.apply(Tensor.of(new double[][] {{-2, 0, 3}}));
        assertThat(out.toArray(0)[0]).containsExactly(0, 0, 3);
    }

    @Test
    void sigmoidAndTanhHaveTheirTextbookValues() {
        assertThat(Activation.SIGMOID.apply(0f)).isEqualTo(0.5f);
        assertThat(Activation.SIGMOID.apply(2f)).isCloseTo((float) (1 / (1 + Math.exp(-2))), within(1e-7f));
        assertThat(Activation.TANH.apply(1f)).isCloseTo(0.7615942f, within(1e-7f));
        assertThat(Activation.LINEAR.apply(-3.5f)).isEqualTo(-3.5f);
    }

    @Test
    void applyingLeavesTheInputAlone() {
        Tensor x = Tensor.of(new double[][] {{-1}});
        Activation.RELU.apply(x);
        assertThat(x.get(0, 0, 0)).isEqualTo(-1);
    }

    @Test
    void idsReadBackAndUnknownOnesAreNamed() {
        assertThat(Activation.fromId("tanh")).isEqualTo(Activation.TANH);
        assertThatThrownBy(() -> Activation.fromId("softmax")).hasMessageContaining("'softmax'").hasMessageContaining("relu");
    }
}

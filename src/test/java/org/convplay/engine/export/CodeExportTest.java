package org.convplay.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.ShapeException;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;
import org.junit.jupiter.api.Test;

class CodeExportTest {

    private static final String NOTEBOOK_WEIGHTS = "[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]]";

    @Test
    void theKerasExportBuildsASequentialModelWithTheLiteralWeightsInHwio() {
        String py = CodeExport.export(Target.KERAS, ExportFixtures.notebook(Convention.TENSORFLOW), ExportFixtures.impulse11());
        assertThat(py).contains("import tensorflow as tf", "from tensorflow import keras", "import numpy as np")
                .contains("keras.Input(shape=(11, 11, 1))")
                .contains("x = x.transpose(1, 2, 0)[np.newaxis]")
                .contains("model.add(keras.layers.Conv2D(1, (3, 3), strides=(1, 1), dilation_rate=(1, 1), groups=1, "
                        + "padding='same', use_bias=True, name='conv0'))")
                .contains("model.add(keras.layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding='same'))")
                .contains("w0 = np.array(" + NOTEBOOK_WEIGHTS + ", dtype=np.float32)")
                .contains("w0.transpose(2, 3, 1, 0)")
                .contains("model.get_layer('conv0').set_weights(weights0)")
                .contains("print(y.tolist())")
                .doesNotContain("::-1");
    }

    @Test
    void underTheanoKerasGetsAFlippedKernelAndExplicitPoolingWindows() {
        String py = CodeExport.export(Target.KERAS, ExportFixtures.notebook(Convention.THEANO), ExportFixtures.impulse11());
        // a 3x3 'same' is symmetric, so Keras's own same is exact for the conv
        assertThat(py).contains("padding='same', use_bias=True, name='conv0'")
                .contains("w0 = w0[:, :, ::-1, ::-1]")
                // the pool starts one cell before the image and keeps 6 windows
                .contains("tf.nn.max_pool2d(tf.pad(t, [[0, 0], [1, 1], [1, 1], [0, 0]], constant_values=-np.inf), (2, 2), (2, 2), 'VALID'))[:, :6, :6, :]")
                .doesNotContain("MaxPooling2D");
    }

    @Test
    void anOddSamePaddingThatKerasWouldPlaceElsewhereIsWrittenOut() {
        Tensor x = ExportFixtures.ramp(1, 5, 5);
        Kernel k = ExportFixtures.ramp(1, 1, 2, 2, false);
        ConvSpec opencv = Convention.OPENCV.resolve(ConvSettings.EMPTY.withBorder(Border.ZERO));
        String py = CodeExport.export(Target.KERAS, x, k, opencv, Convention.OPENCV);
        assertThat(py).contains("keras.layers.ZeroPadding2D(padding=((1, 0), (1, 0)))")
                .contains("padding='valid'")
                .contains("[top, bottom, left, right] = [1, 0, 1, 0]");
    }

    @Test
    void bordersTfPadCannotExpressAreGatheredByIndex() {
        Tensor x = ExportFixtures.ramp(1, 4, 4);
        Kernel k = ExportFixtures.ramp(1, 1, 3, 3, false);
        ConvSpec edge = ConvSpec.DEFAULT.withPadding(Padding.explicit(2, 0, 1, 1)).withBorder(Border.REPLICATE);
        String py = CodeExport.export(Target.KERAS, x, k, edge, Convention.TENSORFLOW);
        assertThat(py).contains("rows0 = [0, 0, 0, 1, 2, 3]").contains("cols0 = [0, 0, 1, 2, 3, 3]")
                .contains("tf.gather(tf.gather(t, rows0, axis=1), cols0, axis=2)");
        ConvSpec reflect = edge.withBorder(Border.REFLECT);
        assertThat(CodeExport.export(Target.KERAS, x, k, reflect, Convention.TENSORFLOW))
                .contains("tf.pad(t, [[0, 0], [2, 0], [1, 1], [0, 0]], mode='REFLECT')");
    }

    @Test
    void kerasConvolvesDenselyThenSubsamplesWhenAStrideMeetsADilation() {
        Tensor x = ExportFixtures.ramp(1, 9, 9);
        ConvSpec spec = ConvSpec.DEFAULT.withStride(2, 2).withDilation(2, 2).withPadding(Padding.SAME);
        String py = CodeExport.export(Target.KERAS, x, ExportFixtures.ramp(1, 1, 3, 3, false), spec, Convention.TENSORFLOW);
        assertThat(py).contains("strides=(1, 1), dilation_rate=(2, 2)").contains("t[:, ::2, ::2, :]")
                .contains("ZeroPadding2D(padding=((2, 2), (2, 2)))");
    }

    @Test
    void thePyTorchExportUsesFunctionalCallsInNchw() {
        String py = CodeExport.export(Target.PYTORCH, ExportFixtures.notebook(Convention.TENSORFLOW), ExportFixtures.impulse11());
        assertThat(py).contains("import torch", "import torch.nn.functional as F")
                .contains("x = x.unsqueeze(0)")
                .contains("w0 = torch.tensor(" + NOTEBOOK_WEIGHTS + ")")
                .contains("b0 = torch.tensor([0.0])")
                .contains("x = F.conv2d(x, w0, b0, stride=(1, 1), padding=(1, 1), dilation=(1, 1), groups=1)")
                // TF's pool 'same' on 11 pads only after: not something max_pool2d's padding can say
                .contains("x = F.max_pool2d(F.pad(x, (0, 1, 0, 1), value=float('-inf')), (2, 2), (2, 2))[:, :, :6, :6]")
                .contains("print(y.tolist())");
    }

    @Test
    void pyTorchPadsAsymmetricallyWithFPadInItsOwnAxisOrder() {
        Tensor x = ExportFixtures.ramp(1, 5, 5);
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.explicit(1, 2, 3, 0));
        String py = CodeExport.export(Target.PYTORCH, x, ExportFixtures.ramp(1, 1, 2, 2, false), spec, Convention.PYTORCH);
        // F.pad takes (left, right, top, bottom)
        assertThat(py).contains("x = F.pad(x, (3, 0, 1, 2))").contains("padding=0");
        String symmetric = CodeExport.export(Target.PYTORCH, x, ExportFixtures.ramp(1, 1, 2, 2, false),
                spec.withBorder(Border.SYMMETRIC), Convention.PYTORCH);
        assertThat(symmetric).contains("rows0 = [0, 0, 1, 2, 3, 4, 4, 3]").contains("x = x[:, :, rows0][:, :, :, cols0]");
        String flipped = CodeExport.export(Target.PYTORCH, x, ExportFixtures.ramp(1, 1, 2, 2, false),
                spec.withFlip(true), Convention.PYTORCH);
        assertThat(flipped).contains("torch.flip(w0, dims=[2, 3])");
    }

    @Test
    void pyTorchAveragePoolingKeepsCountIncludePadUnderItsOwnConvention() {
        Pipeline p = new Pipeline(Convention.PYTORCH, List.of(PoolLayer.average(PoolSpec.of(3, 3).withPadding(Padding.explicit(1, 1, 1, 1)))));
        assertThat(CodeExport.export(Target.PYTORCH, p, ExportFixtures.ramp(2, 6, 6)))
                .contains("x = F.avg_pool2d(x, (3, 3), (3, 3), padding=(1, 1), count_include_pad=True)");
        assertThat(CodeExport.export(Target.KERAS, p, ExportFixtures.ramp(2, 6, 6)))
                .contains("tf.nn.avg_pool2d(tf.pad(t, [[0, 0], [1, 1], [1, 1], [0, 0]]), (3, 3), (3, 3), 'VALID'))[:, :2, :2, :]")
                .doesNotContain("ones_like");
    }

    @Test
    void theNumpyExportPadsWithNpPadAndCorrelatesWithScipy() {
        String py = CodeExport.export(Target.NUMPY, ExportFixtures.notebook(Convention.THEANO), ExportFixtures.impulse11());
        assertThat(py).contains("import numpy as np", "from scipy import signal")
                .contains("signal.correlate2d(")
                .contains("np.pad(")
                .contains("w0 = np.array(" + NOTEBOOK_WEIGHTS + ", dtype=np.float32)")
                .contains("x = conv2d(x, w0, b0, pads=(1, 1, 1, 1), border='constant', stride=(1, 1), dilation=(1, 1), "
                        + "groups=1, flip=True)")
                .contains("x = pool2d(x, size=(2, 2), stride=(2, 2), pads=(1, 1, 1, 1), kind='max', count_pad=False, out_size=(6, 6))")
                .contains("print(x.tolist())");
    }

    @Test
    void numbersAreWrittenSoPythonReadsBackTheSameFloat() {
        assertThat(PythonSource.number(0.1f)).isEqualTo("0.1");
        assertThat(PythonSource.number(1e-7f)).isEqualTo("1.0E-7");
        assertThat(PythonSource.number(Float.NEGATIVE_INFINITY)).isEqualTo("-float('inf')");
        assertThat(PythonSource.number(Float.NaN)).isEqualTo("float('nan')");
    }

    @Test
    void aPipelineThatDoesNotFitIsRefusedNamingTheLayer() {
        Pipeline p = new Pipeline(Convention.TENSORFLOW, List.of(PoolLayer.max(PoolSpec.of(5, 5))));
        assertThatThrownBy(() -> CodeExport.export(Target.NUMPY, p, ExportFixtures.ramp(1, 3, 3)))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("layers[0] (maxpool2d)");
    }

    @Test
    void targetIdsReadBack() {
        for (Target t : Target.values()) {
            assertThat(Target.fromId(t.id())).isEqualTo(t);
        }
        assertThatThrownBy(() -> Target.fromId("jax")).hasMessageContaining("'jax'");
    }

    @Test
    void aPictureInputIsReadFromItsFileInsteadOfWrittenOut() {
        Tensor input = ExportFixtures.ramp(1, 40, 30);
        PictureInput picture = new PictureInput("it's a cat.png", 255, true);
        for (Target t : Target.values()) {
            String py = CodeExport.export(t, ExportFixtures.notebook(Convention.TENSORFLOW), input, picture);
            assertThat(py).as(t.id()).contains("from PIL import Image", "import numpy as np", "def read_picture(path, top, gray):")
                    .contains("x = read_picture('it\\'s a cat.png', 255.0, True)")
                    // the picture's 1,200 values are not written out
                    .doesNotContain("x = np.array(", "x = torch.tensor(");
        }
        assertThat(CodeExport.export(Target.PYTORCH, ExportFixtures.notebook(Convention.TENSORFLOW), input, picture))
                .contains("x = torch.from_numpy(x)");
    }
}

package org.convplay.engine.export;

import java.util.Arrays;
import java.util.List;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Pooling;
import org.convplay.engine.SameSide;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/**
 * tf.keras script: a Sequential model in NHWC. Keras's own {@code padding='same'} is used only where it
 * pads exactly as the playground did; everywhere else the padding is an explicit layer before a 'valid' one.
 */
final class KerasExport {

    private KerasExport() {
    }

    static String write(Pipeline pipeline, Tensor input, List<CodeExport.Step> steps, PictureInput picture) {
        PythonSource py = new PythonSource();
        py.line(CodeExport.header("tf.keras (TensorFlow 2)", pipeline));
        py.line("import numpy as np");
        py.line("import tensorflow as tf");
        py.line("from tensorflow import keras");
        if (picture != null) {
            py.line("from PIL import Image");
        }
        py.blank();
        PythonSource.numpyInput(py, input, picture);
        py.line("x = x.transpose(1, 2, 0)[np.newaxis]  # Keras wants NHWC: 1 x H x W x C");
        py.blank();
        py.line("model = keras.Sequential([keras.Input(shape=(" + input.height() + ", " + input.width() + ", "
                + input.channels() + "))])");
        StringBuilder weights = new StringBuilder();
        for (CodeExport.Step step : steps) {
            py.blank();
            py.line("# layers[" + step.index() + "]: " + step.layer().type() + ", output (C, H, W) " + Arrays.toString(step.out()));
            if (step.layer() instanceof Conv2dLayer c) {
                conv(py, step, c, weights);
            } else if (step.layer() instanceof PoolLayer p) {
                pool(py, step, p);
            } else if (step.layer() instanceof ActivationLayer a) {
                py.line("model.add(keras.layers.Activation('" + a.activation().id() + "'))");
            }
        }
        py.blank();
        py.line(weights.toString().stripTrailing());
        py.blank();
        py.line("y = model(x).numpy()[0].transpose(2, 0, 1)  # back to C x H x W");
        py.line("print('shape (C, H, W):', list(y.shape))");
        py.line("print(y.tolist())");
        return py.toString();
    }

    private static void conv(PythonSource py, CodeExport.Step step, Conv2dLayer c, StringBuilder weights) {
        ConvSpec s = c.spec();
        int i = step.index();
        ConvGeometry.Pads p = step.conv().pads();
        int h = step.in()[1];
        int w = step.in()[2];
        String kerasPadding = "valid";
        // TensorFlow refuses a stride together with a dilation: convolve densely, then keep every s-th output
        boolean strideAfter = (s.strideY() > 1 || s.strideX() > 1) && (s.dilationY() > 1 || s.dilationX() > 1);
        ConvGeometry.Pads tfSame = tfSamePads(h, w, c.kernel().height(), c.kernel().width(), s);
        if (s.border() == Border.ZERO && p.equals(tfSame) && !CodeExport.noPadding(p) && !strideAfter) {
            kerasPadding = "same";
            py.line("# padding '" + s.padding().id() + "' is " + CodeExport.padsComment(p) + ": exactly Keras's own 'same'");
        } else if (!CodeExport.noPadding(p)) {
            if (s.padding().mode() == Padding.Mode.SAME) {
                py.line("# 'same' here puts the odd row/column " + (s.sameSide() == SameSide.AFTER ? "at the end" : "first")
                        + ", " + CodeExport.padsComment(p) + ", so the padding is explicit");
            } else {
                py.line("# padding '" + s.padding().id() + "' resolves to " + CodeExport.padsComment(p));
            }
            pad(py, p, s.border(), h, w, i);
        }
        if (s.groups() > 1) {
            py.line("# groups > 1: some TensorFlow builds run a grouped Conv2D only on a GPU");
        }
        String stride = strideAfter ? "(1, 1)" : PythonSource.pair(s.strideY(), s.strideX());
        py.line("model.add(keras.layers.Conv2D(" + c.kernel().filters() + ", "
                + PythonSource.pair(c.kernel().height(), c.kernel().width()) + ", strides=" + stride
                + ", dilation_rate=" + PythonSource.pair(s.dilationY(), s.dilationX()) + ", groups=" + s.groups()
                + ", padding='" + kerasPadding + "', use_bias=" + (c.kernel().hasBias() ? "True" : "False")
                + ", name='conv" + i + "'))");
        if (strideAfter) {
            py.line("model.add(keras.layers.Lambda(lambda t: t[:, ::" + s.strideY() + ", ::" + s.strideX() + ", :]))");
        }
        weights.append("w").append(i).append(" = np.array(").append(PythonSource.list(c.kernel())).append(", dtype=np.float32)  # OIHW\n");
        if (s.flip()) {
            weights.append("w").append(i).append(" = w").append(i)
                    .append("[:, :, ::-1, ::-1]  # the playground convolves (flip); Keras correlates, so rotate the kernel\n");
        }
        weights.append("weights").append(i).append(" = [w").append(i).append(".transpose(2, 3, 1, 0)");
        weights.append(c.kernel().hasBias() ? ", np.array(" + PythonSource.list(c.kernel().bias()) + ", dtype=np.float32)]" : "]");
        weights.append("  # Keras kernels are HWIO\n");
        weights.append("model.get_layer('conv").append(i).append("').set_weights(weights").append(i).append(")\n");
    }

    /** What Keras's own 'same' would pad for this input. */
    private static ConvGeometry.Pads tfSamePads(int h, int w, int kh, int kw, ConvSpec s) {
        int[] v = ConvGeometry.resolveAxis(Padding.SAME, true, h, kh, s.strideY(), s.dilationY(), SameSide.AFTER);
        int[] x = ConvGeometry.resolveAxis(Padding.SAME, false, w, kw, s.strideX(), s.dilationX(), SameSide.AFTER);
        return new ConvGeometry.Pads(v[0], v[1], x[0], x[1]);
    }

    private static void pad(PythonSource py, ConvGeometry.Pads p, Border border, int h, int w, int i) {
        String amounts = "[[0, 0], [" + p.top() + ", " + p.bottom() + "], [" + p.left() + ", " + p.right() + "], [0, 0]]";
        int widest = Math.max(Math.max(p.top(), p.bottom()), Math.max(p.left(), p.right()));
        int shortest = Math.min(h, w);
        if (border == Border.ZERO) {
            py.line("model.add(keras.layers.ZeroPadding2D(padding=((" + p.top() + ", " + p.bottom() + "), ("
                    + p.left() + ", " + p.right() + "))))");
        } else if (border == Border.REFLECT && widest < shortest || border == Border.SYMMETRIC && widest <= shortest) {
            py.line("model.add(keras.layers.Lambda(lambda t: tf.pad(t, " + amounts + ", mode='"
                    + (border == Border.REFLECT ? "REFLECT" : "SYMMETRIC") + "')))");
        } else {
            // tf.pad has no edge or wrap mode (nor reflection wider than the input): gather the source rows and columns
            py.line("rows" + i + " = " + PythonSource.list(CodeExport.sourceIndices(border, h, p.top(), p.bottom()))
                    + "  # " + border.id() + " border: the input row each padded row reads");
            py.line("cols" + i + " = " + PythonSource.list(CodeExport.sourceIndices(border, w, p.left(), p.right())));
            py.line("model.add(keras.layers.Lambda(lambda t: tf.gather(tf.gather(t, rows" + i + ", axis=1), cols" + i
                    + ", axis=2)))");
        }
    }

    private static void pool(PythonSource py, CodeExport.Step step, PoolLayer layer) {
        PoolSpec s = layer.spec();
        Pooling.Plan plan = step.pool();
        ConvGeometry.Pads p = plan.pads();
        String name = layer.kind() == Pooling.Kind.MAX ? "MaxPooling2D" : "AveragePooling2D";
        String size = PythonSource.pair(s.sizeY(), s.sizeX());
        String stride = PythonSource.pair(s.strideY(), s.strideX());
        Pooling.Plan tfSame = Pooling.plan(step.in()[1], step.in()[2], s.withPadding(Padding.SAME), Convention.TENSORFLOW);
        Pooling.Plan valid = CodeExport.noPadding(p)
                ? Pooling.plan(step.in()[1], step.in()[2], s.withPadding(Padding.VALID), Convention.TENSORFLOW) : null;
        boolean averageCountsPad = layer.kind() == Pooling.Kind.AVERAGE && plan.countPadding() && !CodeExport.noPadding(p);
        if (valid != null && valid.outHeight() == plan.outHeight() && valid.outWidth() == plan.outWidth()) {
            py.line("model.add(keras.layers." + name + "(pool_size=" + size + ", strides=" + stride + ", padding='valid'))");
        } else if (!averageCountsPad && p.equals(tfSame.pads())
                && tfSame.outHeight() == plan.outHeight() && tfSame.outWidth() == plan.outWidth()) {
            py.line("# " + CodeExport.padsComment(p) + ": exactly Keras's own 'same'");
            py.line("model.add(keras.layers." + name + "(pool_size=" + size + ", strides=" + stride + ", padding='same'))");
        } else {
            py.line("# padding '" + s.padding().id() + "' resolves to " + CodeExport.padsComment(p) + ", keeping " + plan.outHeight() + " x " + plan.outWidth() + " windows");
            String amounts = "[[0, 0], [" + p.top() + ", " + p.bottom() + "], [" + p.left() + ", " + p.right() + "], [0, 0]]";
            String crop = "[:, :" + plan.outHeight() + ", :" + plan.outWidth() + ", :]";
            String args = ", " + size + ", " + stride + ", 'VALID')";
            String body;
            if (layer.kind() == Pooling.Kind.MAX) {
                // padded cells are -inf so that they never win
                body = "tf.nn.max_pool2d(tf.pad(t, " + amounts + ", constant_values=-np.inf)" + args;
            } else if (averageCountsPad) {
                body = "tf.nn.avg_pool2d(tf.pad(t, " + amounts + ")" + args;
            } else {
                // sum of the real cells over their count: two averages of zero-padded arrays divided
                body = "tf.nn.avg_pool2d(tf.pad(t, " + amounts + ")" + args + " / tf.nn.avg_pool2d(tf.pad(tf.ones_like(t), "
                        + amounts + ")" + args;
            }
            py.line("model.add(keras.layers.Lambda(lambda t: (" + body + ")" + crop + "))");
        }
    }
}

package org.convplay.engine.export;

import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Pooling;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/** NumPy/SciPy script: np.pad for the border, scipy.signal.correlate2d for each filter and channel. */
final class NumpyExport {

    private NumpyExport() {
    }

    static String write(Pipeline pipeline, Tensor input, java.util.List<CodeExport.Step> steps, PictureInput picture) {
        PythonSource py = new PythonSource();
        py.line(CodeExport.header("NumPy + SciPy", pipeline));
        py.line("import numpy as np");
        py.line("from scipy import signal");
        if (picture != null) {
            py.line("from PIL import Image");
        }
        py.blank();
        py.blank();
        py.line("def conv2d(x, w, b, pads, border, stride, dilation, groups, flip):");
        py.line("    \"\"\"x: C x H x W, w: F x C/groups x kh x kw (OIHW), b: F or None; returns F x H' x W'.\"\"\"");
        py.line("    top, bottom, left, right = pads");
        py.line("    x = np.pad(x.astype(np.float64), ((0, 0), (top, bottom), (left, right)), mode=border)");
        py.line("    if flip:  # true convolution: rotate the kernel 180 degrees");
        py.line("        w = w[:, :, ::-1, ::-1]");
        py.line("    filters, per_group, kh, kw = w.shape");
        py.line("    dy, dx = dilation");
        py.line("    spread = np.zeros((filters, per_group, (kh - 1) * dy + 1, (kw - 1) * dx + 1))");
        py.line("    spread[:, :, ::dy, ::dx] = w  # dilation: zeros between the kernel's taps");
        py.line("    out = []");
        py.line("    for f in range(filters):");
        py.line("        first = f // (filters // groups) * per_group  # the channels this filter's group sees");
        py.line("        acc = sum(signal.correlate2d(x[first + c], spread[f, c], mode='valid') for c in range(per_group))");
        py.line("        acc = acc[::stride[0], ::stride[1]]");
        py.line("        out.append(acc + (b[f] if b is not None else 0.0))");
        py.line("    return np.stack(out).astype(np.float32)");
        py.blank();
        py.blank();
        py.line("def pool2d(x, size, stride, pads, kind, count_pad, out_size):");
        py.line("    \"\"\"Padded cells are NaN (absent): they never win a max and an average skips them unless count_pad.\"\"\"");
        py.line("    top, bottom, left, right = pads");
        py.line("    x = np.pad(x.astype(np.float64), ((0, 0), (top, bottom), (left, right)), constant_values=np.nan)");
        py.line("    out = np.empty((x.shape[0],) + tuple(out_size))");
        py.line("    for i in range(out_size[0]):");
        py.line("        for j in range(out_size[1]):");
        py.line("            win = x[:, i * stride[0]:i * stride[0] + size[0], j * stride[1]:j * stride[1] + size[1]]");
        py.line("            if kind == 'max':");
        py.line("                out[:, i, j] = np.nanmax(win, axis=(1, 2))");
        py.line("            elif count_pad:");
        py.line("                out[:, i, j] = np.nansum(win, axis=(1, 2)) / (size[0] * size[1])");
        py.line("            else:");
        py.line("                out[:, i, j] = np.nanmean(win, axis=(1, 2))");
        py.line("    return out.astype(np.float32)");
        py.blank();
        py.blank();
        PythonSource.numpyInput(py, input, picture);
        for (CodeExport.Step step : steps) {
            py.blank();
            py.line("# layers[" + step.index() + "]: " + step.layer().type() + ", output " + java.util.Arrays.toString(step.out()));
            if (step.layer() instanceof Conv2dLayer c) {
                conv(py, step, c);
            } else if (step.layer() instanceof PoolLayer p) {
                pool(py, step, p);
            } else if (step.layer() instanceof ActivationLayer a) {
                py.line(switch (a.activation()) {
                    case RELU -> "x = np.maximum(x, 0)";
                    case SIGMOID -> "x = (1 / (1 + np.exp(-x.astype(np.float64)))).astype(np.float32)";
                    case TANH -> "x = np.tanh(x.astype(np.float64)).astype(np.float32)";
                    case LINEAR -> "x = x  # linear: unchanged";
                });
            }
        }
        py.blank();
        py.line("print('shape (C, H, W):', list(x.shape))");
        py.line("print(x.tolist())");
        return py.toString();
    }

    private static void conv(PythonSource py, CodeExport.Step step, Conv2dLayer c) {
        ConvSpec s = c.spec();
        int i = step.index();
        ConvGeometry.Pads p = step.conv().pads();
        py.line("w" + i + " = np.array(" + PythonSource.list(c.kernel()) + ", dtype=np.float32)  # OIHW");
        py.line("b" + i + " = " + (c.kernel().hasBias() ? "np.array(" + PythonSource.list(c.kernel().bias()) + ", dtype=np.float32)" : "None"));
        py.line("# padding '" + s.padding().id() + "' resolves to " + CodeExport.padsComment(p) + ", border "
                + s.border().id() + " (np.pad mode '" + CodeExport.numpyMode(s.border()) + "')");
        py.line("x = conv2d(x, w" + i + ", b" + i + ", pads=(" + p.top() + ", " + p.bottom() + ", " + p.left() + ", " + p.right()
                + "), border='" + CodeExport.numpyMode(s.border()) + "', stride=" + PythonSource.pair(s.strideY(), s.strideX())
                + ", dilation=" + PythonSource.pair(s.dilationY(), s.dilationX()) + ", groups=" + s.groups()
                + ", flip=" + (s.flip() ? "True" : "False") + ")");
    }

    private static void pool(PythonSource py, CodeExport.Step step, PoolLayer layer) {
        Pooling.Plan plan = step.pool();
        ConvGeometry.Pads p = plan.pads();
        py.line("# padding '" + layer.spec().padding().id() + "' resolves to " + CodeExport.padsComment(p)
                + "; " + plan.outHeight() + " x " + plan.outWidth() + " windows are kept");
        py.line("x = pool2d(x, size=" + PythonSource.pair(layer.spec().sizeY(), layer.spec().sizeX())
                + ", stride=" + PythonSource.pair(layer.spec().strideY(), layer.spec().strideX())
                + ", pads=(" + p.top() + ", " + p.bottom() + ", " + p.left() + ", " + p.right() + ")"
                + ", kind='" + (layer.kind() == Pooling.Kind.MAX ? "max" : "average") + "'"
                + ", count_pad=" + (plan.countPadding() ? "True" : "False")
                + ", out_size=" + PythonSource.pair(plan.outHeight(), plan.outWidth()) + ")");
    }
}

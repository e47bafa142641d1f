package org.convplay.engine.export;

import java.util.Arrays;
import java.util.List;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Pooling;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/**
 * PyTorch script with torch.nn.functional calls in NCHW. Symmetric zero padding goes into the call's
 * own {@code padding}; anything else is an explicit {@code F.pad} (or an index gather where F.pad has no such mode).
 */
final class PyTorchExport {

    private PyTorchExport() {
    }

    static String write(Pipeline pipeline, Tensor input, List<CodeExport.Step> steps, PictureInput picture) {
        PythonSource py = new PythonSource();
        py.line(CodeExport.header("PyTorch", pipeline));
        py.line("import torch");
        py.line("import torch.nn.functional as F");
        if (picture == null) {
            py.blank();
            py.line("x = torch.tensor(" + PythonSource.list(input) + ", dtype=torch.float32)  # C x H x W");
        } else {
            py.line("import numpy as np");
            py.line("from PIL import Image");
            py.blank();
            PythonSource.numpyInput(py, input, picture);
            py.line("x = torch.from_numpy(x)");
        }
        py.line("x = x.unsqueeze(0)  # NCHW: 1 x C x H x W");
        for (CodeExport.Step step : steps) {
            py.blank();
            py.line("# layers[" + step.index() + "]: " + step.layer().type() + ", output (C, H, W) " + Arrays.toString(step.out()));
            if (step.layer() instanceof Conv2dLayer c) {
                conv(py, step, c);
            } else if (step.layer() instanceof PoolLayer p) {
                pool(py, step, p);
            } else if (step.layer() instanceof ActivationLayer a) {
                py.line(switch (a.activation()) {
                    case RELU -> "x = torch.relu(x)";
                    case SIGMOID -> "x = torch.sigmoid(x)";
                    case TANH -> "x = torch.tanh(x)";
                    case LINEAR -> "x = x  # linear: unchanged";
                });
            }
        }
        py.blank();
        py.line("y = x[0]  # C x H x W");
        py.line("print('shape (C, H, W):', list(y.shape))");
        py.line("print(y.tolist())");
        return py.toString();
    }

    private static void conv(PythonSource py, CodeExport.Step step, Conv2dLayer c) {
        ConvSpec s = c.spec();
        int i = step.index();
        ConvGeometry.Pads p = step.conv().pads();
        py.line("w" + i + " = torch.tensor(" + PythonSource.list(c.kernel()) + ")  # OIHW, as PyTorch stores it");
        if (s.flip()) {
            py.line("w" + i + " = torch.flip(w" + i + ", dims=[2, 3])  # the playground convolves (flip); F.conv2d correlates");
        }
        String bias = "None";
        if (c.kernel().hasBias()) {
            py.line("b" + i + " = torch.tensor(" + PythonSource.list(c.kernel().bias()) + ")");
            bias = "b" + i;
        }
        String padding = "0";
        boolean symmetric = p.top() == p.bottom() && p.left() == p.right();
        if (!CodeExport.noPadding(p)) {
            py.line("# padding '" + s.padding().id() + "' resolves to " + CodeExport.padsComment(p) + ", border " + s.border().id());
            if (s.border() == Border.ZERO && symmetric) {
                padding = PythonSource.pair(p.top(), p.left());
            } else {
                pad(py, p, s.border(), step.in()[1], step.in()[2], i);
            }
        }
        py.line("x = F.conv2d(x, w" + i + ", " + bias + ", stride=" + PythonSource.pair(s.strideY(), s.strideX())
                + ", padding=" + padding + ", dilation=" + PythonSource.pair(s.dilationY(), s.dilationX())
                + ", groups=" + s.groups() + ")");
    }

    private static void pad(PythonSource py, ConvGeometry.Pads p, Border border, int h, int w, int i) {
        // F.pad lists the last axis first: (left, right, top, bottom)
        String amounts = "(" + p.left() + ", " + p.right() + ", " + p.top() + ", " + p.bottom() + ")";
        int widest = Math.max(Math.max(p.top(), p.bottom()), Math.max(p.left(), p.right()));
        int shortest = Math.min(h, w);
        switch (border) {
            case ZERO -> py.line("x = F.pad(x, " + amounts + ")  # asymmetric, which conv2d's padding cannot say");
            case REPLICATE -> py.line("x = F.pad(x, " + amounts + ", mode='replicate')");
            default -> {
                if (border == Border.REFLECT && widest < shortest) {
                    py.line("x = F.pad(x, " + amounts + ", mode='reflect')");
                } else if (border == Border.WRAP && widest <= shortest) {
                    py.line("x = F.pad(x, " + amounts + ", mode='circular')");
                } else {
                    // F.pad has no symmetric mode, nor reflect/circular wider than the input: gather rows and columns
                    py.line("rows" + i + " = " + PythonSource.list(CodeExport.sourceIndices(border, h, p.top(), p.bottom()))
                            + "  # " + border.id() + " border: the input row each padded row reads");
                    py.line("cols" + i + " = " + PythonSource.list(CodeExport.sourceIndices(border, w, p.left(), p.right())));
                    py.line("x = x[:, :, rows" + i + "][:, :, :, cols" + i + "]");
                }
            }
        }
    }

    private static void pool(PythonSource py, CodeExport.Step step, PoolLayer layer) {
        PoolSpec s = layer.spec();
        Pooling.Plan plan = step.pool();
        ConvGeometry.Pads p = plan.pads();
        boolean max = layer.kind() == Pooling.Kind.MAX;
        String size = PythonSource.pair(s.sizeY(), s.sizeX());
        String stride = PythonSource.pair(s.strideY(), s.strideX());
        boolean symmetric = p.top() == p.bottom() && p.left() == p.right()
                && p.top() <= s.sizeY() / 2 && p.left() <= s.sizeX() / 2;
        // what PyTorch computes with its own padding argument (floor mode)
        int torchH = (step.in()[1] + 2 * p.top() - s.sizeY()) / s.strideY() + 1;
        int torchW = (step.in()[2] + 2 * p.left() - s.sizeX()) / s.strideX() + 1;
        if (symmetric && torchH == plan.outHeight() && torchW == plan.outWidth()) {
            if (!CodeExport.noPadding(p)) {
                py.line("# padding '" + s.padding().id() + "' resolves to " + CodeExport.padsComment(p));
            }
            String padding = PythonSource.pair(p.top(), p.left());
            py.line(max ? "x = F.max_pool2d(x, " + size + ", " + stride + ", padding=" + padding + ")"
                    : "x = F.avg_pool2d(x, " + size + ", " + stride + ", padding=" + padding + ", count_include_pad="
                            + (plan.countPadding() ? "True" : "False") + ")");
            return;
        }
        py.line("# padding '" + s.padding().id() + "' resolves to " + CodeExport.padsComment(p) + ", keeping "
                + plan.outHeight() + " x " + plan.outWidth() + " windows");
        String amounts = "(" + p.left() + ", " + p.right() + ", " + p.top() + ", " + p.bottom() + ")";
        String crop = "[:, :, :" + plan.outHeight() + ", :" + plan.outWidth() + "]";
        if (max) {
            py.line("x = F.max_pool2d(F.pad(x, " + amounts + ", value=float('-inf')), " + size + ", " + stride + ")" + crop
                    + "  # padded cells never win");
        } else if (plan.countPadding()) {
            py.line("x = F.avg_pool2d(F.pad(x, " + amounts + "), " + size + ", " + stride + ")" + crop);
        } else {
            py.line("x = (F.avg_pool2d(F.pad(x, " + amounts + "), " + size + ", " + stride + ")");
            py.line("     / F.avg_pool2d(F.pad(torch.ones_like(x), " + amounts + "), " + size + ", " + stride + "))" + crop
                    + "  # average of the real cells only");
        }
    }
}

package org.convplay.engine.export;

import java.util.ArrayList;
import java.util.List;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Pooling;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Layer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/**
 * Writes a runnable Python script that reproduces a pipeline's numbers in tf.keras, PyTorch or
 * NumPy/SciPy: weights as literal lists, every padding resolved to the amounts the engine used, and
 * the result printed as C x H x W like the playground shows it.
 */
public final class CodeExport {

    /** One layer with the shapes and resolved padding it sees for this input. */
    record Step(int index, Layer layer, int[] in, int[] out, ConvGeometry.Plan conv, Pooling.Plan pool) {
    }

    private CodeExport() {
    }

    /** The script for a whole pipeline run on {@code input}. */
    public static String export(Target target, Pipeline pipeline, Tensor input) {
        return export(target, pipeline, input, null);
    }

    /** The same, reading {@code input} from a picture file when {@code picture} is given (the numbers then set only the shapes). */
    public static String export(Target target, Pipeline pipeline, Tensor input, PictureInput picture) {
        List<Step> steps = steps(pipeline, input);
        return switch (target) {
            case KERAS -> KerasExport.write(pipeline, input, steps, picture);
            case PYTORCH -> PyTorchExport.write(pipeline, input, steps, picture);
            case NUMPY -> NumpyExport.write(pipeline, input, steps, picture);
        };
    }

    /** The script for a single convolution; the convention only labels the script (the spec is resolved). */
    public static String export(Target target, Tensor input, Kernel kernel, ConvSpec spec, Convention convention) {
        return export(target, new Pipeline(convention, List.of(new Conv2dLayer(kernel, spec))), input);
    }

    static List<Step> steps(Pipeline pipeline, Tensor input) {
        // shapes() checks every layer and names the one that fails
        List<int[]> shapes = pipeline.shapes(input.shape());
        List<Step> steps = new ArrayList<>();
        int[] in = input.shape();
        for (int i = 0; i < pipeline.layers().size(); i++) {
            Layer layer = pipeline.layers().get(i);
            ConvGeometry.Plan conv = null;
            Pooling.Plan pool = null;
            if (layer instanceof Conv2dLayer c) {
                conv = ConvGeometry.check(in[0], in[1], in[2], c.kernel(), c.spec());
            } else if (layer instanceof PoolLayer p) {
                pool = Pooling.plan(in[1], in[2], p.spec(), pipeline.convention());
            }
            steps.add(new Step(i, layer, in, shapes.get(i), conv, pool));
            in = shapes.get(i);
        }
        return steps;
    }

    /** The source index each padded position reads, {@code -before .. n+after-1}, for a non-zero border. */
    static int[] sourceIndices(Border border, int n, int before, int after) {
        int[] idx = new int[n + before + after];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = border.sourceIndex(i - before, n);
        }
        return idx;
    }

    /** np.pad's name for a border. */
    static String numpyMode(Border b) {
        return switch (b) {
            case ZERO -> "constant";
            case REFLECT -> "reflect";
            case SYMMETRIC -> "symmetric";
            case REPLICATE -> "edge";
            case WRAP -> "wrap";
        };
    }

    static String header(String stack, Pipeline pipeline) {
        return "# Convolution Playground export for " + stack + ", convention '" + pipeline.convention().id() + "'.\n"
                + "# " + pipeline.convention().note() + "\n"
                + "# Padding is written out as the playground resolved it, so the numbers match whatever the\n"
                + "# framework's own defaults would do. Arrays print as C x H x W, as the playground shows them.";
    }

    static String padsComment(ConvGeometry.Pads p) {
        return "[top, bottom, left, right] = [" + p.top() + ", " + p.bottom() + ", " + p.left() + ", " + p.right() + "]";
    }

    static boolean noPadding(ConvGeometry.Pads p) {
        return p.top() == 0 && p.bottom() == 0 && p.left() == 0 && p.right() == 0;
    }
}

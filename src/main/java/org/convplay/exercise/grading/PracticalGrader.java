package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convplay.exercise.Check;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * A practical exercise: the student runs an experiment in the playground and submits the request
 * they sent plus what came back. There is no single right answer, so it is checked by structure:
 * did the experiment do what was asked, and does the claimed output shape follow from it?
 */
abstract class PracticalGrader implements Grader {

    /** The requirement checks of this exercise on a request already known to be well formed. */
    abstract List<Check> requirements(Parameters p, ConvRequest request);

    @Override
    public Grade grade(Parameters p, Solution solution, JsonNode answer, double tolerance) {
        try {
            Answer.object(answer, "request, shape");
            ConvRequest request = ConvRequest.read(answer);
            int[] claimed = Answer.shape(answer, "", "shape");
            List<Check> checks = new ArrayList<>(requirements(p, request));
            checks.add(shapeCheck(request, claimed));
            return Grade.of(checks);
        } catch (Answer.Malformed e) {
            return Grade.notGradable(e.reason);
        }
    }

    private static Check shapeCheck(ConvRequest request, int[] claimed) {
        int[] actual;
        try {
            actual = request.outputShape();
        } catch (IllegalArgumentException e) {
            return Check.wrong("request", Text.of("The playground would refuse this request: " + e.getMessage(),
                    "O playground recusaria esta requisição: " + e.getMessage()));
        }
        String c = Arrays.toString(claimed);
        if (Arrays.equals(actual, claimed)) {
            return Check.right("shape", Text.of("shape: " + c + " is what this request gives.", "shape: " + c + " é o que esta requisição dá."));
        }
        return Check.wrong("shape", Text.of("shape: " + c + " is not what this request gives; check the output size formula.",
                "shape: " + c + " não é o que esta requisição dá; confira a fórmula do tamanho da saída."));
    }

    static Check check(String field, boolean ok, Text right, Text wrong) {
        return ok ? Check.right(field, right) : Check.wrong(field, wrong);
    }

    static Check inputSize(ConvRequest r, int channels, int h, int w) {
        boolean ok = r.channels() == channels && r.height() == h && r.width() == w;
        String want = (channels == 1 ? "" : channels + " x ") + h + " x " + w;
        String got = Arrays.toString(r.inputShape());
        return check("request.input", ok,
                Text.of("input: " + got + " is the " + want + " asked for.", "input: " + got + " é o " + want + " pedido."),
                Text.of("input: " + got + " is not " + want + (channels == 1 ? " with one channel" : " (channels first)") + ".",
                        "input: " + got + " não é " + want + (channels == 1 ? " com um canal" : " (canais primeiro)") + "."));
    }

    static Check kernelSize(ConvRequest r, int k) {
        boolean ok = r.kernelHeight() == k && r.kernelWidth() == k;
        return check("request.kernel", ok,
                Text.of("kernel: " + k + " x " + k + " as asked.", "kernel: " + k + " x " + k + " como pedido."),
                Text.of("kernel: " + r.kernelHeight() + " x " + r.kernelWidth() + " is not " + k + " x " + k + ".",
                        "kernel: " + r.kernelHeight() + " x " + r.kernelWidth() + " não é " + k + " x " + k + "."));
    }

    static Check strideOne(ConvRequest r) {
        boolean ok = r.strideY() == 1 && r.strideX() == 1;
        return check("request.stride", ok, Text.of("stride: 1.", "stride: 1."),
                Text.of("stride: must be 1 here (with a larger stride even same shrinks the output).",
                        "stride: deve ser 1 aqui (com stride maior até same reduz a saída)."));
    }

    /** A numbered pattern, not random, so the example answers are the same on every run. */
    static double[][] pattern(int h, int w, int salt) {
        double[][] m = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y][x] = (y * 7 + x * 3 + salt * 5) % 11;
            }
        }
        return m;
    }

    static double[][] edgeKernel(int k, int variant) {
        double[][] m = new double[k][k];
        for (int y = 0; y < k; y++) {
            for (int x = 0; x < k; x++) {
                m[y][x] = variant % 2 == 0 ? x - (k - 1) / 2.0 : y - (k - 1) / 2.0;
                m[y][x] += variant / 2;
            }
        }
        return m;
    }
}

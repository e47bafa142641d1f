package org.convplay.engine.export;

import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/** A growing Python script, with the literal formats every exporter shares. */
final class PythonSource {
    private final StringBuilder text = new StringBuilder();

    PythonSource line(String s) {
        text.append(s).append('\n');
        return this;
    }

    PythonSource blank() {
        return line("");
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * A float32 value as Python reads it back to the same float32: Java's shortest round-trip form
     * ("0.1", "1.0E-5"), which Python parses too.
     */
    static String number(float v) {
        if (Float.isNaN(v)) {
            return "float('nan')";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "float('inf')" : "-float('inf')";
        }
        return Float.toString(v);
    }

    static String list(float[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return b.append(']').toString();
    }

    static String list(int[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.append(']').toString();
    }

    /** {@code [[[...]]]} in C x H x W order. */
    static String list(Tensor t) {
        StringBuilder b = new StringBuilder("[");
        for (int c = 0; c < t.channels(); c++) {
            b.append(c == 0 ? "[" : ", [");
            for (int y = 0; y < t.height(); y++) {
                b.append(y == 0 ? "[" : ", [");
                for (int x = 0; x < t.width(); x++) {
                    b.append(x == 0 ? "" : ", ").append(number(t.get(c, y, x)));
                }
                b.append(']');
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    /** {@code [[[[...]]]]} in OIHW order: F x C/g x kh x kw. */
    static String list(Kernel k) {
        StringBuilder b = new StringBuilder("[");
        for (int f = 0; f < k.filters(); f++) {
            b.append(f == 0 ? "[" : ", [");
            for (int c = 0; c < k.channelsPerGroup(); c++) {
                b.append(c == 0 ? "[" : ", [");
                for (int y = 0; y < k.height(); y++) {
                    b.append(y == 0 ? "[" : ", [");
                    for (int x = 0; x < k.width(); x++) {
                        b.append(x == 0 ? "" : ", ").append(number(k.weight(f, c, y, x)));
                    }
                    b.append(']');
                }
                b.append(']');
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    /** A Python string literal. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char ch : s.toCharArray()) {
            if (ch == '\\' || ch == '\'') {
                b.append('\\').append(ch);
            } else if (ch < 0x20 || ch == 0x7f) {
                b.append(String.format("\\x%02x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('\'').toString();
    }

    /**
     * The lines that set {@code x} to the C x H x W float32 input as a NumPy array: its numbers, or the picture
     * they were read from.
     */
    static void numpyInput(PythonSource py, Tensor input, PictureInput picture) {
        if (picture == null) {
            py.line("x = np.array(" + list(input) + ", dtype=np.float32)  # C x H x W");
            return;
        }
        PictureInput.writeReader(py);
        py.blank();
        py.blank();
        py.line("x = " + picture.call() + "  # C x H x W; the picture is downloaded beside this script");
    }

    static String pair(int a, int b) {
        return "(" + a + ", " + b + ")";
    }
}

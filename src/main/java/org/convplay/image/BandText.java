package org.convplay.image;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.convplay.engine.Tensor;

/** One band of an output written for the browser (raw float32) and for NumPy ({@code np.loadtxt}). */
public final class BandText {

    private BandText() {
    }

    /**
     * Band {@code f} as {@code np.savetxt} writes a matrix: one row per line, values separated by spaces, each
     * float32 in its shortest exact form; a {@code #} header, which {@code np.loadtxt} skips, says what it is.
     */
    public static void write(Tensor bands, int f, String title, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# " + title + "\n");
        w.write("# shape (" + bands.height() + ", " + bands.width() + "), float32; read with numpy.loadtxt(path, dtype='float32')\n");
        float[] d = bands.data();
        StringBuilder line = new StringBuilder();
        for (int y = 0; y < bands.height(); y++) {
            line.setLength(0);
            int base = bands.index(f, y, 0);
            for (int x = 0; x < bands.width(); x++) {
                if (x > 0) {
                    line.append(' ');
                }
                line.append(Float.toString(d[base + x]));
            }
            line.append('\n');
            w.write(line.toString());
        }
        w.flush();
    }

    /** Channel {@code c} of {@code t} as little-endian float32, row-major: what {@code <band-view>} fetches. */
    public static byte[] float32(Tensor t, int c) {
        int plane = t.height() * t.width();
        ByteBuffer b = ByteBuffer.allocate(plane * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(t.data(), t.index(c, 0, 0), plane);
        return b.array();
    }
}

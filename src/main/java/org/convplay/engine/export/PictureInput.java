package org.convplay.engine.export;

/**
 * A script's input read from a picture file, as the images page reads it, instead of the numbers written out
 * (a 256x256 RGB picture would be 196,608 of them).
 *
 * @param fileName the file, which the reader downloads beside the script
 * @param scaleTop the number white becomes: 1 for 0..1, 255 for 0..255
 * @param gray     whether a colour picture becomes one channel of BT.601 luma
 */
public record PictureInput(String fileName, double scaleTop, boolean gray) {

    /** The Python function that reads the picture; the scripts import numpy as np and PIL's Image. */
    static void writeReader(PythonSource py) {
        py.line("def read_picture(path, top, gray):");
        py.line("    \"\"\"C x H x W float32 as the images page reads the file: each sample / the largest sample * top,");
        py.line("    alpha left out (it is shown, not convolved), or one channel 0.299 R + 0.587 G + 0.114 B when gray.");
        py.line("    Pillow keeps only 8 bits of each sample of a 16-bit colour file; the page keeps 16.\"\"\"");
        py.line("    img = Image.open(path)");
        py.line("    if img.mode == 'P':  # a palette: its colours, as the page expands them");
        py.line("        img = img.convert('RGBA' if 'transparency' in img.info else 'RGB')");
        py.line("    a = np.asarray(img).astype(np.float64)");
        py.line("    largest = 1.0 if img.mode == '1' else 65535.0 if img.mode.startswith('I') else 255.0");
        py.line("    a = a[np.newaxis] if a.ndim == 2 else a.transpose(2, 0, 1)");
        py.line("    a = a[:1] if a.shape[0] <= 2 else a[:3]");
        py.line("    if gray and a.shape[0] == 3:");
        py.line("        a = (0.299 * a[0] + 0.587 * a[1] + 0.114 * a[2])[np.newaxis]");
        py.line("    return (a * top / largest).astype(np.float32)");
    }

    /** The call, as a Python expression giving the NumPy array. */
    String call() {
        return "read_picture(" + PythonSource.string(fileName) + ", " + PythonSource.number((float) scaleTop) + ", "
                + (gray ? "True" : "False") + ")";
    }
}

package org.convplay.engine;

/**
 * An engine that hands the arithmetic to a native library (OpenCV). Timed as an engine it also pays for copying
 * the input into native memory and the result back, which the library's own users, whose images already live in
 * native memory, do not pay. So that the benchmark races the library as its users see it, such an engine can
 * prepare the library's call once and let the two parts be timed apart.
 */
public interface NativeLibraryEngine extends ConvolutionEngine {

    /**
     * The library's call for this request with its native input (filled once) and native output (reused).
     *
     * @throws UnsupportedOperationException when this request does not go to the library in one call
     */
    Prepared prepare(Tensor input, Kernel kernel, ConvSpec spec);

    /** One request prepared in native memory; not thread-safe. */
    interface Prepared extends AutoCloseable {

        /** The library function its users call, e.g. "filter2D". */
        String call();

        /** The library call alone: native input to native output, nothing copied. */
        void compute();

        /** The copies the engine adds around it: {@code input} into native memory, the last result into {@code out}. */
        void copy(Tensor input, float[] out);

        @Override
        void close();
    }
}

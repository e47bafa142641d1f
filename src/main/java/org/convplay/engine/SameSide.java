package org.convplay.engine;

/**
 * Where {@code same} padding puts the odd row or column when the total is odd, the point
 * on which the frameworks disagree (docs/conventions.md, "Where same puts the odd row").
 */
public enum SameSide {
    /**
     * TensorFlow, PyTorch, SciPy's correlate2d, OpenCV's true convolution (flipped kernel, anchor moved)
     * and scipy.ndimage's convolve: {@code before = total / 2}, extra at bottom/right.
     */
    AFTER,
    /** OpenCV's default anchor, SciPy's convolve2d and scipy.ndimage's correlate: extra at top/left. */
    BEFORE,
    /**
     * Keras 1 on Theano: {@code floor(k'/2)} before, then only the first {@code ceil(n/s)} outputs are kept.
     * With stride 1 this is the same as {@link #BEFORE}; with larger strides the windows still start
     * {@code floor(k'/2)} before the image.
     */
    THEANO
}

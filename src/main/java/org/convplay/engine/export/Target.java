package org.convplay.engine.export;

import java.util.Locale;

/** The Python stacks a pipeline can be exported to. */
public enum Target {
    /** tf.keras layers in a Sequential model (NHWC, HWIO). */
    KERAS,
    /** torch.nn.functional calls (NCHW, OIHW). */
    PYTORCH,
    /** NumPy with scipy.signal.correlate2d, padding by np.pad. */
    NUMPY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Target fromId(String id) {
        for (Target t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown export target '" + id + "': expected keras, pytorch or numpy");
    }
}

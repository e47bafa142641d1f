package org.convplay.engine;

import java.util.Locale;

/** The element-wise non-linearities a pipeline layer can apply. */
public enum Activation {
    RELU, SIGMOID, TANH, LINEAR;

    /** Lower-case name as the API writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "': expected relu, sigmoid, tanh or linear");
    }

    /** The function on one value, computed in double and rounded to float32 once. */
    public float apply(float v) {
        return switch (this) {
            case RELU -> v > 0 ? v : 0f;
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
            case TANH -> (float) Math.tanh(v);
            case LINEAR -> v;
        };
    }

    /** A new tensor of the same shape; the input is left as it was. */
    public Tensor apply(Tensor input) {
        float[] in = input.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = apply(in[i]);
        }
        return new Tensor(input.channels(), input.height(), input.width(), out);
    }
}

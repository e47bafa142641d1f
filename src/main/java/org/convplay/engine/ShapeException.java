package org.convplay.engine;

/** A request whose sizes do not fit together; the message names the sizes that caused it. */
public class ShapeException extends IllegalArgumentException implements Translatable {
    private final String key;
    private final transient Object[] args;

    public ShapeException(String message) {
        this(message, null);
    }

    /** The English {@code message}, and the same as a key of the message bundles with its arguments. */
    public ShapeException(String message, String key, Object... args) {
        super(message);
        this.key = key;
        this.args = args.clone();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}

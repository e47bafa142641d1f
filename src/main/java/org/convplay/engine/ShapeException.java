package org.convplay.engine;

/** A request whose sizes do not fit together; the message names the sizes that caused it. */
public class ShapeException extends IllegalArgumentException implements Translatable {
    private final transient Reason reason;

    public ShapeException(String message) {
        super(message);
        this.reason = null;
    }

    /** The English {@code message}, and the same as a key of the message bundles with its arguments. */
    public ShapeException(String message, String key, Object... args) {
        super(message);
        this.reason = Reason.of(key, args);
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

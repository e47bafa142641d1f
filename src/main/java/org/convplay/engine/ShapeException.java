package org.convplay.engine;

/** A request whose sizes do not fit together; the message names the sizes that caused it. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }
}

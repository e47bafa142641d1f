package org.convplay.api;

import java.io.IOException;

/**
 * A request body over {@link BodySizeLimitFilter#MAX_BYTES} (HTTP 413). An IOException, since it is thrown from the
 * body's stream in the middle of a read, where readers (Jackson, uploads) expect only those.
 */
public class BodyTooLargeException extends IOException {

    private BodyTooLargeException(String message) {
        super(message);
    }

    static BodyTooLargeException declared(long length, long limit) {
        return new BodyTooLargeException("the request body has " + length + " bytes; the limit is " + limit + " bytes");
    }

    static BodyTooLargeException read(long limit) {
        return new BodyTooLargeException("the request body is over the limit of " + limit + " bytes");
    }

    /** This exception among the causes of {@code e}, or null. */
    static BodyTooLargeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException b) {
                return b;
            }
        }
        return null;
    }
}

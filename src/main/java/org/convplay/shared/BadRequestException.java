package org.convplay.shared;

import org.convplay.engine.Translatable;

/**
 * A request that cannot be served as sent. The message names the field and the reason and is what the API
 * answers (HTTP 400); a page shows it in its reader's language when it has a {@link #reason()}
 * ({@link Messages#explain}).
 */
public class BadRequestException extends RuntimeException implements Translatable {
    private final transient Reason reason;

    public BadRequestException(String message) {
        super(message);
        this.reason = null;
    }

    /** The English {@code message}, and the same as a key of the message bundles with its arguments. */
    public BadRequestException(String message, String key, Object... args) {
        this(message, Reason.of(key, args));
    }

    private BadRequestException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    /** The same refusal as a bad request, with its message and, for a page, its reason; the original is the cause. */
    public static BadRequestException of(RuntimeException e) {
        if (e instanceof BadRequestException b) {
            return b;
        }
        BadRequestException b = new BadRequestException(e.getMessage(), e instanceof Translatable t ? t.reason() : null);
        b.initCause(e);
        return b;
    }

    /** A refusal inside a part of the request ({@code layers[2]}), prefixed with where it is. */
    public static BadRequestException at(String where, RuntimeException e) {
        BadRequestException b = new BadRequestException(where + ": " + e.getMessage(), "error.at", where, e);
        b.initCause(e);
        return b;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}

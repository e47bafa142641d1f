package org.convplay.limits;

/**
 * A request refused for load: the server is busy (HTTP 503), or one client used up its rate or its quota
 * (HTTP 429). Both say when to try again; the API sends that as {@code Retry-After}, the pages write it out.
 */
public class RefusedException extends RuntimeException {

    /** Why, also the {@code reason} tag of the {@code convplay.requests.refused} counter. */
    public enum Reason {
        BUSY("busy", 503), RATE_LIMIT("rate-limit", 429), QUOTA("quota", 429);

        public final String tag;
        public final int status;

        Reason(String tag, int status) {
            this.tag = tag;
            this.status = status;
        }
    }

    private final Reason reason;
    private final long retryAfterSeconds;

    public RefusedException(Reason reason, long retryAfterSeconds, String message) {
        super(message);
        this.reason = reason;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public Reason reason() {
        return reason;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return reason.status;
    }

    /** The pages' translation key for this refusal; its one argument is {@link #retryAfterSeconds()}. */
    public String messageKey() {
        return reason == Reason.BUSY ? "limits.busy" : "limits.limited";
    }
}

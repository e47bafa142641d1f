package org.convplay.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An error that a page can show in its reader's language: beside the English message the exception carries for
 * the API and the logs, a {@link Reason}, a key of the application's message bundles and its arguments.
 */
public interface Translatable {

    /** What to say in the reader's language; null for an error that has only its English. */
    Reason reason();

    /**
     * A key of the message bundles and its arguments. An argument may itself be a reason (the axis a message
     * names: {@code Reason.of("error.axis.height")}) or a translatable error (the one a layer's message wraps).
     */
    record Reason(String key, List<Object> args) {

        public Reason {
            args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
        }

        public static Reason of(String key, Object... args) {
            return new Reason(key, Arrays.asList(args));
        }
    }
}

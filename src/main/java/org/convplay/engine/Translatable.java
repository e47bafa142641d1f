package org.convplay.engine;

/**
 * An error that a page can show in its reader's language: a key of the application's message bundles and its
 * arguments, beside the English message the exception carries for the API and the logs. An argument may itself
 * be translatable (the axis a message names, the error a layer's message wraps). {@link #key()} is null for an
 * error that has only its English.
 */
public interface Translatable {

    String key();

    Object[] args();

    /** A word of the bundles, as an argument of another message ("height" / "altura"). */
    static Translatable word(String key) {
        return new Word(key);
    }

    record Word(String key) implements Translatable {
        @Override
        public Object[] args() {
            return new Object[0];
        }
    }
}

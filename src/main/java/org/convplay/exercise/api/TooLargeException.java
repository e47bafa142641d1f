package org.convplay.exercise.api;

/** A body above the API's size limit: HTTP 413. */
class TooLargeException extends RuntimeException {

    TooLargeException(String message) {
        super(message);
    }
}

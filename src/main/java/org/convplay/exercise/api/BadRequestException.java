package org.convplay.exercise.api;

/** A request the API cannot serve as sent; the message names the field and becomes {@code {"error": ...}}. */
class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}

package org.convplay.shared;

/** A request over a documented size limit (HTTP 413); the message names the limit. */
public class TooLargeException extends BadRequestException {
    public TooLargeException(String message) {
        super(message);
    }
}

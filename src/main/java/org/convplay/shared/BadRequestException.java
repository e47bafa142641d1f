package org.convplay.shared;

/**
 * A request that cannot be served as sent. The message names the field and the reason and is shown
 * to the user as it is (HTTP 400, or inline in a page).
 */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}

package org.convplay.image;

import org.convplay.shared.BadRequestException;

/** A file that is not read as an image: malformed, of another format, or too large. The message says which. */
public class ImageRejectedException extends BadRequestException {
    public ImageRejectedException(String message) {
        super(message);
    }

    /** The English {@code message}, and the same as a key of the message bundles with its arguments. */
    public ImageRejectedException(String message, String key, Object... args) {
        super(message, key, args);
    }
}

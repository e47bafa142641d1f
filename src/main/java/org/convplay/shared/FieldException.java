package org.convplay.shared;

import java.util.Locale;

/**
 * A form's input refused by a service, naming the field to fix. The reason is a key of the message bundles and
 * its arguments, so a page shows it in its reader's language ({@link Messages#explain}); the message is the English.
 */
public class FieldException extends BadRequestException {
    private final String field;

    public FieldException(String field, String key, Object... args) {
        super(Messages.render(Locale.ENGLISH, key, args), key, args);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

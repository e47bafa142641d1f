package org.convplay.shared;

import java.util.Locale;
import org.convplay.engine.Translatable;

/**
 * A form's input refused by a service, naming the field to fix; the reason is a key of the message bundles
 * and its arguments, so a page shows it in its reader's language ({@link Messages#explain}). The exception's
 * message is the English.
 */
public class FieldException extends RuntimeException implements Translatable {
    private final String field;
    private final String key;
    private final transient Object[] args;

    public FieldException(String field, String key, Object... args) {
        super(Messages.render(Locale.ENGLISH, key, args));
        this.field = field;
        this.key = key;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}

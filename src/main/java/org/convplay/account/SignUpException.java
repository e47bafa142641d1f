package org.convplay.account;

import org.convplay.shared.FieldException;

/** A sign-up that cannot be accepted; {@link #field()} says which input to fix. */
public class SignUpException extends FieldException {

    public SignUpException(String field, String key, Object... args) {
        super(field, key, args);
    }
}

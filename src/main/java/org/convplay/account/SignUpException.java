package org.convplay.account;

/** A sign-up that cannot be accepted; {@link #field()} says which input to fix. */
public class SignUpException extends RuntimeException {
    private final String field;

    public SignUpException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

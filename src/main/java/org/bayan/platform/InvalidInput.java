package org.bayan.platform;

/**
 * Input a service cannot accept, named by the form field and a message key of the bundle;
 * answered with 400 and the form shown again with the message beside the field.
 */
public final class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }
}

package dev.relive.runtime.internal.route;

/** A route or query parameter does not convert to its field's type: the URL names no page. */
public final class BadParamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadParamException(String message) {
        super(message);
    }
}

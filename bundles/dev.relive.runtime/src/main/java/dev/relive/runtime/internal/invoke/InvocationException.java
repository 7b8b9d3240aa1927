package dev.relive.runtime.internal.invoke;

/** A client's call that was refused or failed, with the protocol's error code. */
public final class InvocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public InvocationException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package dev.relive.runtime.internal.invoke;

import dev.relive.runtime.internal.protocol.ErrorCode;

/** A client's call that was refused or failed, with the protocol's error code. */
public final class InvocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public InvocationException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

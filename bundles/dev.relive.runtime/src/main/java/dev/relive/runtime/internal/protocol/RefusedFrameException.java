package dev.relive.runtime.internal.protocol;

/** A client frame that is not valid; the answer is an {@code error} frame with {@link #code()}. */
public final class RefusedFrameException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Long ref;
    private final ErrorCode code;

    public RefusedFrameException(Long ref, ErrorCode code, String message) {
        super(message, null, false, false);
        this.ref = ref;
        this.code = code;
    }

    /** The frame's {@code ref} when it could be read, else {@code null}. */
    public Long ref() {
        return ref;
    }

    public ErrorCode code() {
        return code;
    }
}

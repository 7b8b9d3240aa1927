package dev.relive.test;

/**
 * An {@code error} frame the runtime answered an event with (see the protocol's error codes): thrown by the
 * {@link LivePage} action that caused it, or returned by {@link LivePage#expectError}.
 */
public final class LiveError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detail;

    public LiveError(String code, String message, String detail) {
        super(code + ": " + message + (detail == null || detail.isEmpty() ? "" : "\n" + detail));
        this.code = code;
        this.detail = detail;
    }

    /** The error code, e.g. {@code handler_failed}, {@code unknown_handler}, {@code bad_params}. */
    public String code() {
        return code;
    }

    /** The stack trace of the view's code; only a runtime in dev mode sends it. */
    public String detail() {
        return detail;
    }
}

package dev.relive.runtime.internal.protocol;

/** The codes of {@code error} frames, by their wire names (docs/protocol.md, "Error codes"). */
public enum ErrorCode {
    BAD_JSON("bad_json"),
    BAD_FRAME("bad_frame"),
    UNKNOWN_TYPE("unknown_type"),
    PROTOCOL_MISMATCH("protocol_mismatch"),
    BAD_TOKEN("bad_token"),
    NOT_MOUNTED("not_mounted"),
    UNKNOWN_HANDLER("unknown_handler"),
    UNKNOWN_CHILD("unknown_child"),
    UNKNOWN_FIELD("unknown_field"),
    BAD_PARAMS("bad_params"),
    TOO_LARGE("too_large"),
    RATE_LIMITED("rate_limited"),
    HANDLER_FAILED("handler_failed"),
    RENDER_FAILED("render_failed"),
    UNKNOWN_ROUTE("unknown_route");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

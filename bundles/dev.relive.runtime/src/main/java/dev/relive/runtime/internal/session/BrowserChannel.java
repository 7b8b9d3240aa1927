package dev.relive.runtime.internal.session;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.protocol.ServerFrames;

/**
 * Where a session's frames go: its connection, or nowhere for a page rendered over plain HTTP. Error frames carry the
 * stack trace of user code only in dev.
 */
final class BrowserChannel {

    private static final int MAX_DETAIL = 8000;

    private final Connection connection;
    private final boolean dev;

    /** {@code connection}: {@code null} for a page rendered without a socket. */
    BrowserChannel(Connection connection, boolean dev) {
        this.connection = connection;
        this.dev = dev;
    }

    boolean connected() {
        return connection != null;
    }

    void send(String frame) {
        if (connection != null) {
            connection.send(frame);
        }
    }

    void error(Long ref, ErrorCode code, String message, Throwable cause) {
        send(ServerFrames.error(ref, code, message, dev && cause != null ? stackTrace(cause) : null));
    }

    void close(int status, String reason) {
        if (connection != null) {
            connection.close(status, reason);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) : s;
    }
}

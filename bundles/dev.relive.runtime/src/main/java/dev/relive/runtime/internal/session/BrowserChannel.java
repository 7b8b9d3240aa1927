package dev.relive.runtime.internal.session;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.protocol.ErrorCode;
import dev.relive.runtime.internal.protocol.Incidents;
import dev.relive.runtime.internal.protocol.ServerFrames;

/**
 * Where a session's frames go: its connection, or nowhere for a page rendered over plain HTTP. Errors of the
 * server's own code ({@code handler_failed}, {@code render_failed}) reach the browser with their message and stack
 * trace only in dev; in production the frame says only that it failed, with an incident number, and the details
 * go to the log under that number. Errors about the client's own frame keep their message everywhere.
 */
final class BrowserChannel {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserChannel.class);
    private static final int MAX_DETAIL = 8000;
    private static final String GENERIC = "the server could not do this (incident ";

    private final Connection connection;
    private final boolean dev;

    /** {@code connection}: {@code null} for a page rendered without a socket. */
    BrowserChannel(Connection connection, boolean dev) {
        this.connection = connection;
        this.dev = dev;
    }

    boolean dev() {
        return dev;
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
        if (dev) {
            send(ServerFrames.error(ref, code, message, cause != null ? stackTrace(cause) : null));
        } else if (code == ErrorCode.HANDLER_FAILED || code == ErrorCode.RENDER_FAILED) {
            String incident = Long.toString(Incidents.next());
            LOG.warn("incident {} ({}): {}", incident, code.wireName(), message, cause);
            send(ServerFrames.error(ref, code, GENERIC + incident + ")", null));
        } else {
            send(ServerFrames.error(ref, code, message, null));
        }
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

package dev.relive.runtime.internal.socket;

import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.session.FrameDispatcher;
import dev.relive.runtime.internal.session.Sessions;

/** One browser tab's WebSocket: text frames go to its {@link FrameDispatcher}; close ends its session. */
public final class SocketEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(SocketEndpoint.class);

    private final Sessions sessions;
    private FrameDispatcher dispatcher;

    SocketEndpoint(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onWebSocketOpen(Session socket) {
        dispatcher = new FrameDispatcher(sessions, new Outbox(socket, sessions.settings().maxPendingBytes()));
    }

    @Override
    public void onWebSocketText(String text) {
        try {
            dispatcher.onText(text);
        } catch (RuntimeException e) {
            LOG.warn("frame refused", e);
            dispatcher.session().sendError(null, "bad_frame", "frame could not be read: " + e.getMessage(), null);
        }
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        if (dispatcher != null) {
            dispatcher.closed();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("socket error", cause);
    }
}

package dev.relive.runtime.internal.socket;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.auth.SocketVisitor;
import dev.relive.runtime.internal.session.FrameDispatcher;
import dev.relive.runtime.internal.session.SocketSessions;

/** One browser tab's WebSocket: text frames go to its {@link FrameDispatcher}; close ends its session. */
public final class SocketEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(SocketEndpoint.class);

    private final SocketSessions sessions;
    private final long maxPendingBytes;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;
    private final SocketVisitor visitor;
    private FrameDispatcher dispatcher;

    /** {@code onEnd} runs once, when the connection closes or fails. */
    SocketEndpoint(SocketSessions sessions, SocketVisitor visitor, long maxPendingBytes, Runnable onEnd) {
        this.sessions = sessions;
        this.visitor = visitor;
        this.maxPendingBytes = maxPendingBytes;
        this.onEnd = onEnd;
    }

    @Override
    public void onWebSocketOpen(Session socket) {
        dispatcher = sessions.open(new Outbox(socket, maxPendingBytes), visitor);
    }

    @Override
    public void onWebSocketText(String text) {
        try {
            dispatcher.onText(text);
        } catch (RuntimeException e) {
            LOG.warn("frame refused", e);
            dispatcher.failed(e);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        dispatcher.onBinary();
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        if (dispatcher != null) {
            dispatcher.closed(status);
        }
        end();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("socket error", cause);
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}

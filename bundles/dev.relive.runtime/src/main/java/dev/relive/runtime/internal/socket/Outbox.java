package dev.relive.runtime.internal.socket;

import java.util.ArrayDeque;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.internal.session.Connection;

/**
 * Sends a connection's frames one at a time, in order. A client that stops reading lets frames pile up only to
 * {@code maxPendingBytes}; past that it is disconnected, so a slow client cannot grow the heap. A single frame larger
 * than that closes the connection at once (status 1009, message too big), with a warning in the log.
 */
final class Outbox implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Session socket;
    private final long maxPendingBytes;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long pendingBytes;
    private boolean sending;
    private boolean closed;

    Outbox(Session socket, long maxPendingBytes) {
        this.socket = socket;
        this.maxPendingBytes = maxPendingBytes;
    }

    @Override
    public void send(String frame) {
        boolean oversized = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            oversized = frame.length() > maxPendingBytes;
            pendingBytes += frame.length();
            if (pendingBytes > maxPendingBytes) {
                closed = true;
                queue.clear();
            } else {
                queue.add(frame);
                if (sending) {
                    return;
                }
                sending = true;
            }
        }
        if (oversized) {
            // not a slow client: this frame alone can never fit, however fast the client reads
            LOG.warn("a frame of {} characters is more than max_pending_bytes ({}): the connection is closed and the "
                    + "page mounts again; raise max_pending_bytes or send fewer stream items in one render",
                    frame.length(), maxPendingBytes);
            socket.close(StatusCode.MESSAGE_TOO_LARGE, "frame larger than max_pending_bytes", Callback.NOOP);
            return;
        }
        if (closed) {
            // a close frame would queue behind the frames the client is not reading: drop the connection
            socket.disconnect();
            return;
        }
        sendNext();
    }

    private void sendNext() {
        String frame;
        synchronized (this) {
            frame = queue.poll();
            if (frame == null || closed) {
                sending = false;
                return;
            }
        }
        socket.sendText(frame, new Callback() {
            @Override
            public void succeed() {
                done(frame);
            }

            @Override
            public void fail(Throwable x) {
                synchronized (Outbox.this) {
                    closed = true;
                    queue.clear();
                    sending = false;
                }
            }
        });
    }

    private void done(String frame) {
        synchronized (this) {
            pendingBytes -= frame.length();
        }
        sendNext();
    }

    synchronized long pendingBytes() {
        return pendingBytes;
    }

    @Override
    public void close(int status, String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        socket.close(status, reason, Callback.NOOP);
    }
}

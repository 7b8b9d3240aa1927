package dev.relive.runtime.internal.socket;

import java.util.ArrayDeque;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import dev.relive.runtime.internal.session.Connection;

/**
 * Sends a connection's frames one at a time, in order. A client that stops reading lets frames pile up only to
 * {@code maxPendingBytes}; past that it is disconnected, so a slow client cannot grow the heap.
 */
final class Outbox implements Connection {

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
        synchronized (this) {
            if (closed) {
                return;
            }
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

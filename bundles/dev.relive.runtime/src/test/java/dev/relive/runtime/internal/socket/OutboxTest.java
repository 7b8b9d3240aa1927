package dev.relive.runtime.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** What the outbox did to its socket, in order; a text is sent at once and reported done. */
    private final List<String> calls = new ArrayList<>();
    private final Session socket = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
            new Class<?>[] { Session.class }, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "sendText" -> {
                        calls.add("text " + args[0]);
                        ((Callback) args[1]).succeed();
                    }
                    case "close" -> calls.add(args.length == 3 ? "close " + args[0] + " " + args[1] : "close");
                    case "disconnect" -> calls.add("disconnect");
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            });

    @Test
    void framesAreSentInOrderWhileTheyFit() {
        Outbox outbox = new Outbox(socket, 10);
        outbox.send("12345");
        outbox.send("1234567890");
        assertThat(calls).containsExactly("text 12345", "text 1234567890");
        assertThat(outbox.pendingBytes()).isZero();
    }

    @Test
    void aFrameLargerThanTheCapClosesWithMessageTooBigAndNothingIsSentAfter() {
        Outbox outbox = new Outbox(socket, 10);
        outbox.send("12345678901");
        outbox.send("1");
        assertThat(calls).containsExactly("close 1009 frame larger than max_pending_bytes");
    }
}

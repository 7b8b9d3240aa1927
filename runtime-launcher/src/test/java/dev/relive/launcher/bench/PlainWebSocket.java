package dev.relive.launcher.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A WebSocket client (RFC 6455, text frames only) over a blocking socket with one small reader thread: the load
 * generator's connection. {@code java.net.http}'s WebSocket costs the generator about as much CPU per mount as the
 * server spends, on the same cores, so the benchmark measured its own client as much as the runtime; this one does
 * the handshake with one write and one read, and each frame with one write.
 */
final class PlainWebSocket implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final long READER_STACK_BYTES = 256 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private PlainWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
    }

    /**
     * Connects to {@code uri} ({@code ws://host:port/path}), completes the handshake, and hands each text message
     * to {@code onText} on the connection's reader thread until the connection closes.
     */
    static PlainWebSocket connect(URI uri, Consumer<String> onText) throws IOException {
        PlainWebSocket ws = new PlainWebSocket(new Socket(uri.getHost(), uri.getPort()));
        try {
            ws.handshake(uri);
        } catch (IOException | RuntimeException e) {
            ws.socket.close();
            throw e;
        }
        Thread reader = new Thread(null, () -> ws.read(onText), "ws-reader", READER_STACK_BYTES);
        reader.setDaemon(true);
        reader.start();
        return ws;
    }

    private void handshake(URI uri) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        if (!head.toLowerCase().contains("sec-websocket-accept: " + accept(key).toLowerCase())) {
            throw new IOException("wrong Sec-WebSocket-Accept in " + head);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code text} as one masked text frame; callers serialize their sends. */
    void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + n];
        frame[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            frame[1] = (byte) (0x80 | n);
        } else if (n < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < n; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ frame[header + (i & 3)]);
        }
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    private void read(Consumer<String> onText) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = new byte[Math.toIntExact(len)];
                in.readFully(payload);
                int opcode = b0 & 0x0f;
                if (opcode == 0x8) {
                    return;
                } else if (opcode == 0x9) {
                    send(0xA, payload);
                } else if (opcode == 0x1 || opcode == 0x0) {
                    message.write(payload);
                    if ((b0 & 0x80) != 0) {
                        onText.accept(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
            }
        } catch (IOException e) {
            // the connection ended: the benchmark counts what was answered before
        } finally {
            closeQuietly();
        }
    }

    /** Sends a normal close and ends the connection. */
    @Override
    public void close() {
        try {
            send(0x8, new byte[] {0x03, (byte) 0xE8});
        } catch (IOException e) {
            // already gone
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}

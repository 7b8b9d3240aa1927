package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP requests against the real launcher (production run, no configuration): methods that echo, foreign
 * {@code Host} names (DNS rebinding), and the headers that keep pages from being framed or sniffed.
 */
class Issue16HardeningIT {

    static LauncherProcess relive;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("relive-hardening");
        Files.createDirectories(dir.resolve("deploy"));
        relive = LauncherProcess.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            relive.close();
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void traceIsRefusedAndEchoesNothing() throws Exception {
        String answer = request("TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Secret: s3cr3t\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(answer)).isEqualTo(405);
        assertThat(answer).doesNotContain("s3cr3t");
        assertThat(answer).as("a refusal is a page too").containsIgnoringCase("X-Frame-Options: SAMEORIGIN")
                .containsIgnoringCase("X-Content-Type-Options: nosniff");
    }

    @Test
    void aPageUnderAForeignHostNameIsRefused() throws Exception {
        String foreign = request("GET / HTTP/1.1\r\nHost: rebind.attacker.example:" + relive.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(foreign)).isEqualTo(421);
        assertThat(foreign).containsIgnoringCase("X-Frame-Options: SAMEORIGIN").containsIgnoringCase("Content-Security-Policy");
        String own = request("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + relive.port() + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(own)).isEqualTo(200);
        String named = request("GET / HTTP/1.1\r\nHost: localhost:" + relive.port() + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(named)).isEqualTo(200);
    }

    @Test
    void aSocketUnderAForeignHostNameWithAMatchingOriginIsRefused() throws Exception {
        String host = "rebind.attacker.example:" + relive.port();
        String answer = request("GET /relive/socket HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nOrigin: http://" + host + "\r\n\r\n");
        assertThat(statusOf(answer)).isEqualTo(421);
    }

    @Test
    void pagesAndClientFilesCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/relive/client/index.js", "/no-such-page"}) {
            String answer = request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + relive.port()
                    + "\r\nConnection: close\r\n\r\n");
            String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
            assertThat(headers).as(path).contains("content-security-policy: ")
                    .contains("frame-ancestors 'self'").contains("object-src 'none'").contains("script-src 'self'")
                    .contains("x-content-type-options: nosniff").contains("referrer-policy: same-origin");
        }
    }

    @Test
    void theDevClientFilesAreNotServedInProduction() throws Exception {
        for (String path : new String[] {"/relive/client/hvr.js", "/relive/client/devreload.js"}) {
            String answer = request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + relive.port()
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(statusOf(answer)).as(path).isEqualTo(404);
            assertThat(answer.toLowerCase()).as(path).contains("x-content-type-options: nosniff");
        }
        String client = request("GET /relive/client/index.js HTTP/1.1\r\nHost: 127.0.0.1:" + relive.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(client)).isEqualTo(200);
    }

    @Test
    void aDeployFolderOthersCanWriteIsWarnedAbout() throws Exception {
        Path own = Files.createTempDirectory("relive-open-deploy");
        Path deploy = Files.createDirectories(own.resolve("deploy"));
        Files.setPosixFilePermissions(deploy, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (LauncherProcess open = LauncherProcess.start(own)) {
            String line = open.waitForLog(l -> l.contains("can be written by others"), Duration.ofSeconds(30));
            assertThat(line).contains("rwxrwxrwx").contains("chmod go-w");
        } finally {
            TestFolders.deleteTree(own);
        }
        assertThat(relive.stderr()).doesNotContain("can be written by others");
    }

    private static int statusOf(String answer) {
        String[] statusLine = answer.substring(0, answer.indexOf("\r\n")).split(" ");
        return Integer.parseInt(statusLine[1]);
    }

    private static String request(String raw) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", relive.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    answer.write(buf, 0, n);
                    if (!raw.contains("Connection: close") && answer.toString(StandardCharsets.ISO_8859_1)
                            .contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // an upgrade left open: what arrived is enough
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

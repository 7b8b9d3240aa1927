package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --cluster}: two launchers on loopback form one cluster, and a chat message sent to one reaches a tab on the
 * other, with the presence of both tabs; a killed member leaves with its presence entries; a launch without the
 * flag has no Hazelcast at all, unless the bundles and a {@code dev.relive.cluster.cfg} are put into its deploy folder.
 * A sign-in through one member holds on the other, and a sign-out through one ends the tabs open on the other.
 */
class Issue18ClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void aSingleNodeLaunchHasNoHazelcastBundle() throws Exception {
        try (LauncherProcess relive = LauncherProcess.start(Files.createDirectories(dir.resolve("single")))) {
            String lb = relive.commandUntil("lb", l -> l.contains("Relive runtime"), WAIT);
            assertThat(lb).contains("Active");
            assertThat(relive.stdout()).doesNotContainIgnoringCase("hazelcast").doesNotContain("Relive cluster");
            assertThat(relive.stderr()).doesNotContainIgnoringCase("hazelcast");
        }
    }

    @Test
    void twoLaunchersFormOneClusterAndAChatMessageCrossesIt() throws Exception {
        int[] ports = freePorts();
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        Path one = node("one");
        Path two = node("two");
        try (LauncherProcess a = member(one, members, ports[0]);
                LauncherProcess b = member(two, members, ports[1])) {
            bothInOneCluster(a, b);
            String listed = a.commandUntil("cluster:members", l -> l.contains("Cluster: 2 members"), WAIT);
            assertThat(listed).contains("[127.0.0.1]:" + ports[0] + " (this)").contains("[127.0.0.1]:" + ports[1]);
            a.commandUntil("lb", l -> l.contains("Relive example: chat") && l.contains("Active"), WAIT);
            b.commandUntil("lb", l -> l.contains("Relive example: chat") && l.contains("Active"), WAIT);

            try (WsClient ada = WsClient.connect(a.baseUrl()); WsClient bob = WsClient.connect(b.baseUrl())) {
                ada.mount(a, "/chat?room=tea&name=ada");
                JsonNode mounted = bob.mount(b, "/chat?room=tea&name=bob");
                assertThat(mounted.toString()).as("the tab on the other node is present").contains("ada");
                ada.event("send", Map.of("text", "hello across nodes"));
                JsonNode patch = bob.next(f -> f.toString().contains("hello across nodes"), WAIT);
                assertThat(patch.toString()).contains("ada");

                long killed = System.nanoTime();
                b.process().destroyForcibly(); // SIGKILL: no goodbye to the cluster
                String left = a.waitForLog(l -> l.contains("Cluster: 1 members") && l.contains("left)"), WAIT);
                long leftMillis = (System.nanoTime() - killed) / 1_000_000;
                String removed = a.waitForLog(l -> l.contains("presence entries of the member that left"), WAIT);
                long removedMillis = (System.nanoTime() - killed) / 1_000_000;
                System.out.println("kill -9 of a member: the survivor logged '" + left.replaceAll(".*(Cluster)", "$1")
                        + "' after " + leftMillis + " ms and removed its presence entries after " + removedMillis
                        + " ms");
                assertThat(removed).contains("removed 1 presence entries");
                assertThat(a.get("/chat?room=tea&name=carl").body()).contains("ada").doesNotContain(">bob<");
            }
        }
    }

    @Test
    void issue18SigningOutOnOneNodeEndsTheSessionsTabsOnTheOther() throws Exception {
        int[] ports = freePorts();
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        Path one = Files.createDirectories(dir.resolve("out-one").resolve("deploy")).getParent();
        Path two = Files.createDirectories(dir.resolve("out-two").resolve("deploy")).getParent();
        Issue16SessionIT.user(one.resolve("deploy"), "ada", "Ada Lovelace", "ada-password");
        Issue16SessionIT.user(two.resolve("deploy"), "ada", "Ada Lovelace", "ada-password");
        try (LauncherProcess a = member(one, members, ports[0]);
                LauncherProcess b = member(two, members, ports[1])) {
            bothInOneCluster(a, b);
            a.waitForLog(l -> l.contains("User ada configured"), WAIT);
            b.waitForLog(l -> l.contains("User ada configured"), WAIT);
            SignIns onA = new SignIns(a.baseUrl());
            SignIns onB = new SignIns(b.baseUrl());
            String ada = onA.signIn("ada", "ada-password");
            HttpResponse<String> pageOnB = onB.get("/account", ada);
            assertThat(pageOnB.statusCode()).as("the sign-in on one node holds on the other").isEqualTo(200);
            HttpResponse<String> pageOnA = onA.get("/account", ada);

            try (WsClient tabOnB = WsClient.connectWithCookie(b.baseUrl(), ada)) {
                tabOnB.mountWith(b, "/account", Issue16SessionIT.token(pageOnB.body()));
                tabOnB.next(f -> "mounted".equals(f.path("type").asText()));

                HttpResponse<String> out = onA.post("/logout", ada, "_csrf=" + Issue16SessionIT.csrf(pageOnA));
                assertThat(out.statusCode()).isEqualTo(303);

                JsonNode redirect = tabOnB.next(f -> "redirect".equals(f.path("type").asText()), WAIT);
                assertThat(redirect.path("url").asText()).isEqualTo("/login?next=%2Faccount");
                tabOnB.event("save", Map.of("note", "after sign-out elsewhere"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (tabOnB.isOpen() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(tabOnB.isOpen()).as("the socket on the other node is closed").isFalse();
                assertThat(tabOnB.seen()).noneMatch(f -> "patch".equals(f.path("type").asText())
                        || "ack".equals(f.path("type").asText()));
            }
            assertThat(onB.get("/account", ada).statusCode()).as("the old cookie, on the other node").isEqualTo(303);
        }
    }

    /** Sign-ins and pages over HTTP against one node, as a browser without a browser. */
    private record SignIns(String baseUrl) {

        String signIn(String name, String password) throws Exception {
            HttpResponse<String> form = get("/login", null);
            HttpResponse<String> in = post("/login", Issue16SessionIT.cookie(form), "_csrf="
                    + Issue16SessionIT.csrf(form) + "&name=" + name + "&password=" + password);
            assertThat(in.statusCode()).as("sign-in of %s: %s", name, in.body()).isEqualTo(303);
            return Issue16SessionIT.cookie(in);
        }

        HttpResponse<String> get(String path, String cookie) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl).resolve(path))
                    .timeout(Duration.ofSeconds(30));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String cookie, String form) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl).resolve(path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static HttpClient client() {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        }
    }

    @Test
    void theBundlesAndACfgFileInDeployStartAMemberWithoutTheFlag() throws Exception {
        Path node = Files.createDirectories(dir.resolve("deployed").resolve("deploy")).getParent();
        try (ZipFile launcher = new ZipFile(LauncherProcess.jar().toFile())) {
            for (String bundle : List.of("hazelcast.jar", "dev.relive.cluster.jar")) {
                try (InputStream in = launcher.getInputStream(launcher.getEntry("bundles/cluster/" + bundle))) {
                    Files.copy(in, node.resolve("deploy").resolve(bundle));
                }
            }
        }
        int port = freePorts()[0];
        Files.writeString(node.resolve("deploy/dev.relive.cluster.cfg"),
                "members=127.0.0.1:" + port + "\nport=" + port + "\n");
        try (LauncherProcess relive = LauncherProcess.start(node)) {
            relive.waitForLog(l -> l.contains("Cluster: 1 members"), WAIT);
            String listed = relive.commandUntil("cluster:members", l -> l.contains("Cluster: 1 members"), WAIT);
            assertThat(listed).contains("[127.0.0.1]:" + port + " (this)");
        }
    }

    /** A launcher with {@code --cluster} whose log also has Hazelcast's own lines on joining and merging. */
    private static LauncherProcess member(Path dir, String members, int port) throws Exception {
        return LauncherProcess.start(List.of("-Dorg.slf4j.simpleLogger.log.com.hazelcast.internal.cluster=info"), dir,
                "--cluster", members, "--cluster-port", "" + port);
    }

    /** Waits for both members to see each other; a failure shows what each of them printed. */
    private static void bothInOneCluster(LauncherProcess a, LauncherProcess b) throws InterruptedException {
        try {
            a.waitForLog(l -> l.contains("Cluster: 2 members"), WAIT);
            b.waitForLog(l -> l.contains("Cluster: 2 members"), WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n-- the first member printed:\n" + a.stdout() + "\n"
                    + a.stderr() + "\n-- the second member printed:\n" + b.stdout() + "\n" + b.stderr(), e);
        }
    }

    private Path node(String name) throws IOException {
        Path node = Files.createDirectories(dir.resolve(name).resolve("deploy")).getParent();
        Path chat = LauncherProcess.thirdParty().resolve("dev.relive.examples.chat.jar");
        Files.copy(chat, node.resolve("deploy/chat.jar"));
        return node;
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket s1 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket s2 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {s1.getLocalPort(), s2.getLocalPort()};
        }
    }
}

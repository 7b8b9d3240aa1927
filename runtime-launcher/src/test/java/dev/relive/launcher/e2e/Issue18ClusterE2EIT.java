package dev.relive.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.relive.launcher.BundleJars;
import dev.relive.launcher.LauncherProcess;
import dev.relive.launcher.cluster.ClusterNodes;
import dev.relive.launcher.cluster.Nginx;

/**
 * {@code /chat} in Chromium on two clustered production runtimes behind nginx (round robin, no stickiness). Ada's tab
 * and Bob's tab have their sockets on different nodes; they see each other's lines and presence; a chat jar released
 * into the shared {@code deploy/} carries both tabs' drafts on both nodes; then Ada's node is killed ({@code kill -9}):
 * her tab reconnects through nginx to the surviving node within {@link #FAILOVER} and keeps its draft, the scroll of
 * its message list, its lines and its presence count, and Bob's presence list ends with one Ada again.
 */
@ExtendWith(E2EExtension.class)
class Issue18ClusterE2EIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The stated bound from {@code kill -9} to the tab's state back on the surviving node. */
    static final Duration FAILOVER = Duration.ofSeconds(60);

    private final Browser browser;

    @TempDir
    Path root;

    Issue18ClusterE2EIT(Browser browser) {
        this.browser = browser;
    }

    @Test
    void twoNodesBehindNginxChatAndATabOutlivesItsNode() throws Exception {
        Path chatJar = LauncherProcess.thirdParty().resolve("dev.relive.examples.chat.jar");
        Path deploy = Files.createDirectories(root.resolve("deploy"));
        Files.copy(chatJar, deploy.resolve("chat.jar"));
        Files.writeString(deploy.resolve("dev.relive.runtime.cfg"), "trusted_proxies=127.0.0.1\n");
        try (ClusterNodes cluster = ClusterNodes.start(2, root, deploy, Duration.ofSeconds(120));
                Nginx nginx = Nginx.start(cluster.httpAddresses())) {
            try {
                run(cluster, nginx, chatJar, deploy);
            } catch (AssertionError | RuntimeException e) {
                Files.createDirectories(E2EExtension.failureDir());
                Files.writeString(E2EExtension.failureDir().resolve("Issue18ClusterE2EIT-nodes.log"),
                        cluster.logs() + "\n=== nginx\n" + nginx.log() + String.join("\n", nginx.accessLog()));
                throw e;
            }
        }
    }

    private void run(ClusterNodes cluster, Nginx nginx, Path chatJar, Path deploy) throws Exception {
        for (LauncherProcess node : cluster.nodes()) {
            awaitRoute(node, "/chat");
        }
        String room = nginx.baseUrl() + "chat?room=cluster&name=";
        browser.open(room + "ada");
        String ada = browser.driver().getWindowHandle();
        int adaNode = waitForSessions(cluster, 1, -1);
        String bob = openOnAnotherNode(cluster, nginx, room + "bob", adaNode);
        int bobNode = 1 - adaNode;
        System.out.printf("cluster E2E: ada's socket on node %d, bob's on node %d%n", adaNode + 1, bobNode + 1);

        // across nodes: presence and lines
        browser.waitForText("#present ul", t -> t.contains("ada") && t.contains("bob"), "bob sees ada and bob");
        browser.switchTo(ada);
        browser.waitForText("#present ul", t -> t.contains("ada") && t.contains("bob"), "ada sees bob join");
        for (int i = 1; i <= 14; i++) {
            say("line " + i + " from ada");
        }
        browser.switchTo(bob);
        browser.waitForText("#messages", t -> t.contains("ada: line 14 from ada"), "bob gets ada's lines");
        say("hi ada");
        browser.switchTo(ada);
        browser.waitForText("#messages", t -> t.contains("bob: hi ada"), "ada gets bob's line");

        // a release into the shared deploy/ while both type: each node carries its tab
        type("half a thought from ada");
        browser.js("window.notReloaded = true");
        browser.switchTo(bob);
        type("bob is typing");
        browser.js("window.notReloaded = true");
        BundleJars.release(chatJar, deploy.resolve("chat.jar"), "9.0.0");
        for (LauncherProcess node : cluster.nodes()) {
            String line = node.waitForLog(l -> l.contains("Live upgrade: dev.relive.examples.chat")
                    && l.contains("carried"), WAIT);
            assertThat(line).contains("-> 9.0.0").contains("1 session(s) carried their state, 0 reloaded");
        }
        for (String tab : List.of(bob, ada)) {
            browser.switchTo(tab);
            browser.waitForLive();
            assertThat(browser.js("return window.notReloaded === true")).as("no page reload").isEqualTo(true);
        }
        assertThat(browser.property("#draft", "value")).isEqualTo("half a thought from ada");
        browser.switchTo(bob);
        assertThat(browser.property("#draft", "value")).isEqualTo("bob is typing");

        // ada's node dies
        browser.switchTo(ada);
        browser.js("document.getElementById('messages').scrollTop = 90");
        long scroll = browser.jsLong("return Math.round(document.getElementById('messages').scrollTop)");
        long lines = browser.jsLong("return document.querySelectorAll('#messages li').length");
        String here = browser.text("#present h2");
        assertThat(scroll).as("the message list scrolls").isGreaterThan(0);
        long killed = System.nanoTime();
        cluster.kill(adaNode);
        waitUntil("ada's tab is back, mounted on node " + (bobNode + 1), FAILOVER, () -> {
            try {
                return cluster.sessions(bobNode) == 2 && Boolean.TRUE.equals(browser.js(
                        "return !!(window.Relive && window.Relive.view && window.Relive.view.mounted"
                                + " && window.Relive.state === 'open')"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        browser.waitForIdle();
        long failoverMs = (System.nanoTime() - killed) / 1_000_000;
        System.out.printf("cluster E2E: kill -9 of node %d -> ada's tab mounted on node %d in %d ms%n", adaNode + 1,
                bobNode + 1, failoverMs);

        assertThat(browser.js("return window.notReloaded === true")).as("no page reload").isEqualTo(true);
        assertThat(browser.property("#draft", "value")).isEqualTo("half a thought from ada");
        assertThat(browser.jsLong("return document.querySelectorAll('#messages li').length")).isEqualTo(lines);
        assertThat(browser.text("#messages")).contains("ada: line 1 from ada", "bob: hi ada");
        assertThat(browser.jsLong("return Math.round(document.getElementById('messages').scrollTop)"))
                .as("the message list's scroll").isBetween(scroll - 2, scroll + 2);
        browser.waitForText("#present h2", here::equals, "'" + here + "' once ada is back");

        // bob: ada's entry of the dead node is gone, and ada is there once, from her new node
        browser.switchTo(bob);
        waitUntil("bob's presence list shows ada once and bob", WAIT, () -> presence().equals(List.of("ada", "bob"))
                || presence().equals(List.of("bob", "ada")));
        browser.waitForText("#present h2", "Here now (2)");

        // both talk on through the surviving node
        browser.switchTo(ada);
        browser.find("#send").click();
        browser.switchTo(bob);
        browser.waitForText("#messages", t -> t.contains("ada: half a thought from ada"),
                "bob gets ada's line after the failover");
        assertThat(browser.property("#draft", "value")).isEqualTo("bob is typing");
    }

    /**
     * Opens {@code url} in new tabs until one's socket is on a node other than {@code otherNode}; returns that tab. A
     * page load makes the same number of requests each time, so round robin would put every socket on the same node:
     * one request more between two tries moves the next socket on.
     */
    private String openOnAnotherNode(ClusterNodes cluster, Nginx nginx, String url, int otherNode) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            String tab = browser.openTab(url);
            int node = waitForSessions(cluster, 2, otherNode);
            if (node != otherNode) {
                return tab;
            }
            browser.driver().close();
            browser.switchTo(browser.tabs().get(0));
            waitForSessions(cluster, 1, -1);
            nginx.get("/relive/client/index.js");
        }
        throw new AssertionError("ten tabs in a row had their socket on node " + (otherNode + 1));
    }

    /**
     * Waits until the nodes hold {@code total} sockets together and returns the node holding the newest: one that holds
     * more than it would without it ({@code known}, the node of the others, or -1 when {@code total} is 1).
     */
    private static int waitForSessions(ClusterNodes cluster, int total, int known) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            int[] counts = new int[cluster.size()];
            int sum = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = cluster.node(i).process().isAlive() ? cluster.sessions(i) : 0;
                sum += counts[i];
            }
            if (sum == total) {
                for (int i = 0; i < counts.length; i++) {
                    int others = (known == i ? total - 1 : 0);
                    if (counts[i] > others) {
                        return i;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the nodes never held " + total + " sockets together: "
                        + java.util.Arrays.toString(counts));
            }
            Thread.sleep(200);
        }
    }

    private List<String> presence() {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.js(
                "return Array.from(document.querySelectorAll('#present li')).map(li => li.textContent.trim())");
        return names;
    }

    private void say(String text) {
        type(text);
        browser.find("#send").click();
        browser.waitForText("#messages", t -> t.contains(text), "the line '" + text + "' in its own tab");
    }

    private void type(String text) {
        browser.find("#draft").clear();
        browser.find("#draft").sendKeys(text);
        browser.waitForIdle();
    }

    private static void waitUntil(String what, Duration timeout, Supplier<Boolean> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void awaitRoute(LauncherProcess node, String path) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (node.get(path).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered 200 on " + node.baseUrl());
            }
            Thread.sleep(100);
        }
    }
}

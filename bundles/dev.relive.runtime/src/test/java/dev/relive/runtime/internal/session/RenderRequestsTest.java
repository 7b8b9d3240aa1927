package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;

/** Render requests arriving while one is pending are answered by that one. */
class RenderRequestsTest {

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final List<String> sent = new ArrayList<>();
    private final Connection connection = new Connection() {
        @Override
        public synchronized void send(String frame) {
            sent.add(frame);
        }

        @Override
        public void close(int status, String reason) {
        }
    };
    private final TabSession session = new TabSession("s", new BrowserChannel(connection, false),
            new ViewWorkerBudget(pool, 1), timer,
            new TemplateRenderer(), new ViewRegistry(null), new HandlerInvoker(json), new FieldBinder(json));

    @AfterEach
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    @Test
    void requestsWhileOneIsPendingAreMergedIntoItAndAnsweredWithTheLatestRef() throws Exception {
        RenderRequests renders = new RenderRequests(timer, session);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        session.submit(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (long ref = 1; ref <= 1000; ref++) {
            renders.request(ref);
        }
        gate.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answers() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        pool.submit(() -> { }).get();
        assertThat(answers()).isEqualTo(1);
        synchronized (connection) {
            assertThat(json.readTree(sent.get(0)).path("ref").asLong()).isEqualTo(1000);
        }
    }

    private int answers() {
        synchronized (connection) {
            return sent.size();
        }
    }
}

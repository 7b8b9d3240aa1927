package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The runtime's mappers are made on first use: once, however many threads ask at the same moment. */
class Issue13LazyMapperTest {

    @Test
    void nothingIsMadeUntilAsked() {
        AtomicInteger made = new AtomicInteger();
        LazyMapper lazy = new LazyMapper(() -> {
            made.incrementAndGet();
            return new ObjectMapper();
        });
        assertThat(made).hasValue(0);
        assertThat(lazy.get()).isSameAs(lazy.get());
        assertThat(made).hasValue(1);
    }

    @Test
    void threadsAskingAtOnceGetTheOneMapper() throws Exception {
        AtomicInteger made = new AtomicInteger();
        LazyMapper lazy = new LazyMapper(() -> {
            made.incrementAndGet();
            return ProtocolJson.newMapper();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ObjectMapper>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return lazy.get();
                }));
            }
            go.countDown();
            for (Future<ObjectMapper> f : got) {
                assertThat(f.get()).isSameAs(lazy.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void theSharedProtocolMapperReadsFramesWhileItIsPreparedInTheBackground() throws Exception {
        ProtocolJson.prepareInBackground();
        ClientFrameParser parser = new ClientFrameParser(ProtocolJson.mapper(), 64 * 1024);
        assertThat(parser.parse("{\"type\":\"ping\",\"ref\":7}")).isEqualTo(new ClientFrame.Ping(7L));
    }
}

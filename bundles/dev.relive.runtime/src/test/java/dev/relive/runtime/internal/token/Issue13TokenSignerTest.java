package dev.relive.runtime.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A signer keeps one MAC per thread across tokens: no token's MAC carries over into the next one's. */
class Issue13TokenSignerTest {

    private final byte[] secret = new byte[32];

    @Test
    void aForgedTokenRightAfterGoodOnesOnTheSameThreadIsRefused() throws Exception {
        TokenSigner signer = new TokenSigner(secret, Clock.systemUTC());
        String good = signer.sign("/counter", "a.CounterView", Map.of("n", "1"), 60);
        String other = signer.sign("/list", "a.ListView", Map.of(), 60);
        String forged = other.substring(0, other.indexOf('.')) + good.substring(good.indexOf('.'));

        assertThat(signer.verify(good).route()).isEqualTo("/counter");
        assertThatThrownBy(() -> signer.verify(forged)).hasMessageContaining("signature");
        assertThat(signer.verify(other).route()).isEqualTo("/list");
        assertThat(signer.verify(good).params()).containsEntry("n", "1");
        assertThatThrownBy(() -> signer.verify(good + "x")).isInstanceOf(TokenSigner.BadTokenException.class);
        assertThat(signer.verify(good).view()).isEqualTo("a.CounterView");
    }

    @Test
    void signersOfDifferentKeysOnOneThreadKeepTheirOwnKeys() throws Exception {
        byte[] otherSecret = new byte[32];
        otherSecret[0] = 7;
        TokenSigner mine = new TokenSigner(secret, Clock.systemUTC());
        TokenSigner theirs = new TokenSigner(otherSecret, Clock.systemUTC());
        String token = mine.sign("/counter", "a.CounterView", Map.of(), 60);

        assertThat(mine.verify(token).route()).isEqualTo("/counter");
        assertThatThrownBy(() -> theirs.verify(token)).hasMessageContaining("signature");
        assertThat(theirs.verify(theirs.sign("/a", "a.A", Map.of(), 60)).route()).isEqualTo("/a");
        assertThat(mine.verify(token).route()).isEqualTo("/counter");
    }

    @Test
    void tokensSignedAndVerifiedOnManyThreadsAtOnceAllCheckOut() throws Exception {
        TokenSigner signer = new TokenSigner(secret, Clock.systemUTC());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    int verified = 0;
                    for (int i = 0; i < 200; i++) {
                        String route = "/r" + thread + "x" + i;
                        String token = signer.sign(route, "a.View", Map.of("i", String.valueOf(i)), 60);
                        TokenSigner.Claims claims = signer.verify(token);
                        if (claims.route().equals(route) && claims.params().get("i").equals(String.valueOf(i))) {
                            verified++;
                        }
                    }
                    return verified;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

package dev.relive.runtime.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSignerTest {

    private final byte[] secret = new byte[32];

    @Test
    void aSignedTokenVerifiesWithItsClaims() throws Exception {
        TokenSigner signer = new TokenSigner(secret, Clock.systemUTC());
        String token = signer.sign("/counter", "a.CounterView", Map.of("x", "1"), 60);
        TokenSigner.Claims claims = signer.verify(token);
        assertThat(claims.route()).isEqualTo("/counter");
        assertThat(claims.view()).isEqualTo("a.CounterView");
        assertThat(claims.params()).containsEntry("x", "1");
    }

    @Test
    void tamperedForeignAndExpiredTokensAreRefused() {
        TokenSigner signer = new TokenSigner(secret, Clock.systemUTC());
        String token = signer.sign("/counter", "a.CounterView", Map.of(), 60);
        String tampered = token.replace(token.substring(3, 4), token.charAt(3) == 'A' ? "B" : "A");
        assertThatThrownBy(() -> signer.verify(tampered)).isInstanceOf(TokenSigner.BadTokenException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new TokenSigner(other, Clock.systemUTC()).verify(token))
                .hasMessageContaining("signature");
        TokenSigner later = new TokenSigner(secret, Clock.fixed(Instant.now().plusSeconds(120), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(token)).hasMessageContaining("expired");
        assertThatThrownBy(() -> signer.verify("no-dot")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> signer.verify(null)).isInstanceOf(TokenSigner.BadTokenException.class);
    }

    @Test
    void aKeptSecretSignsAlikeAfterARestart(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("state/token.key");
        String token = TokenSigner.withSecretIn(key).sign("/a", "V", Map.of(), 60);
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(TokenSigner.withSecretIn(key).verify(token).route()).isEqualTo("/a");
    }
}

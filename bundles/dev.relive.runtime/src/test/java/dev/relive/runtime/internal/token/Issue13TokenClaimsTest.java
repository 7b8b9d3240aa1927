package dev.relive.runtime.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The claims are written and read without Jackson's databind; tokens of the databind form still verify. */
class Issue13TokenClaimsTest {

    private final byte[] secret = new byte[32];
    private final TokenSigner signer = new TokenSigner(secret, Clock.systemUTC());

    @Test
    void paramsOfAnyTextRoundTrip() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", "\"quoted\" \\ back\nline\ttab\u0000nul");
        params.put("ünï", "日本語 🎉");
        params.put("", "");
        params.put("html", "</script><b>&amp;");
        String token = signer.sign("/search/{q}", "a.b.SearchView", params, "binding-1", 60);
        TokenSigner.Claims claims = signer.verify(token);
        assertThat(claims.route()).isEqualTo("/search/{q}");
        assertThat(claims.view()).isEqualTo("a.b.SearchView");
        assertThat(claims.params()).containsExactlyEntriesOf(params);
        assertThat(claims.session()).isEqualTo("binding-1");
        assertThat(claims.expires()).isGreaterThan(Clock.systemUTC().instant().getEpochSecond());
    }

    @Test
    void aTokenWithoutSessionHasNone() throws Exception {
        assertThat(signer.verify(signer.sign("/a", "V", Map.of(), 60)).session()).isNull();
    }

    @Test
    void aTokenSignedInTheDatabindFormVerifies() throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("r", "/counter");
        claims.put("v", "a.CounterView");
        claims.put("p", Map.of("start", "5"));
        claims.put("s", "b");
        claims.put("e", Clock.systemUTC().instant().getEpochSecond() + 60);
        String token = signed(new ObjectMapper().writeValueAsBytes(claims));
        TokenSigner.Claims read = signer.verify(token);
        assertThat(read.route()).isEqualTo("/counter");
        assertThat(read.params()).containsExactly(Map.entry("start", "5"));
        assertThat(read.session()).isEqualTo("b");
    }

    @Test
    void signedClaimsOfAnotherShapeAreReadOrRefusedNeverThrowOtherwise() throws Exception {
        long e = Clock.systemUTC().instant().getEpochSecond() + 60;
        String extra = "{\"x\":{\"deep\":[1,{\"y\":2}]},\"r\":\"/a\",\"p\":{\"k\":{\"n\":1},\"j\":\"v\"},\"v\":\"V\",\"e\":" + e + "}";
        TokenSigner.Claims read = signer.verify(signed(extra.getBytes(StandardCharsets.UTF_8)));
        assertThat(read.route()).isEqualTo("/a");
        assertThat(read.view()).isEqualTo("V");
        assertThat(read.params()).containsEntry("j", "v").containsEntry("k", "");
        for (String bad : new String[] {"[]", "", "{\"r\":", "nonsense", "{\"e\":" + e + ",\"r\":[1,2}"}) {
            String token = signed(bad.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> signer.verify(token)).isInstanceOf(TokenSigner.BadTokenException.class);
        }
        String noExpiry = signed("{\"r\":\"/a\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> signer.verify(noExpiry)).hasMessageContaining("expired");
    }

    private String signed(byte[] claims) throws Exception {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String body = enc.encodeToString(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return body + "." + enc.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    }
}

package dev.relive.runtime.internal.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs and checks the token a page hands its WebSocket: {@code base64url(claims JSON) "." base64url(HMAC-SHA256)}
 * with a secret that is either made for this run only or kept in a {@link KeyFile}. The claims name the route, the
 * view class, the query parameters, the browser session the page was rendered for (its binding, absent for a page
 * rendered without one) and the expiry.
 */
public final class TokenSigner {

    /** What a token says; {@code session} is {@code null} for a page rendered without a browser session. */
    public record Claims(String route, String view, Map<String, String> params, long expires, String session) {
    }

    /** A token that is forged, malformed or expired. */
    public static final class BadTokenException extends Exception {
        private static final long serialVersionUID = 1L;

        BadTokenException(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TokenSigner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;
    /**
     * Each thread's MAC, initialised with {@code key} once: looking up the provider and initialising a MAC cost more
     * than the MAC of a token. {@link Mac#doFinal} leaves it reset for the next token.
     */
    private final ThreadLocal<Mac> macs;

    public TokenSigner(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public static TokenSigner withRandomSecret() {
        return new TokenSigner(randomSecret(), Clock.systemUTC());
    }

    /**
     * A signer whose secret is kept in {@code file} (see {@link KeyFile}), so that pages served before a restart can
     * still mount after it. A key file others can read or write is refused with
     * {@link KeyFile.InsecureKeyFileException}; a file that cannot be read or written for another reason gives a
     * fresh secret for this run only, with a warning.
     */
    public static TokenSigner withSecretIn(Path file) {
        try {
            return new TokenSigner(KeyFile.readOrCreate(file), Clock.systemUTC());
        } catch (KeyFile.InsecureKeyFileException e) {
            LOG.error("Refusing the token key: {}", e.getMessage());
            throw e;
        } catch (IOException e) {
            LOG.warn("Cannot keep the token key in {} ({}): pages will not re-mount after a restart", file,
                    e.toString());
            return withRandomSecret();
        }
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String sign(String route, String view, Map<String, String> params, long ttlSeconds) {
        return sign(route, view, params, null, ttlSeconds);
    }

    /** A token bound to the browser session whose binding is {@code session} ({@code null}: none). */
    public String sign(String route, String view, Map<String, String> params, String session, long ttlSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("r", route);
        claims.put("v", view);
        claims.put("p", params);
        if (session != null) {
            claims.put("s", session);
        }
        claims.put("e", clock.instant().getEpochSecond() + ttlSeconds);
        try {
            String body = ENC.encodeToString(JSON.writeValueAsBytes(claims));
            return body + "." + ENC.encodeToString(mac(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Claims verify(String token) throws BadTokenException {
        if (token == null) {
            throw new BadTokenException("no token");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new BadTokenException("malformed token");
        }
        String body = token.substring(0, dot);
        byte[] given;
        try {
            given = DEC.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new BadTokenException("malformed token signature");
        }
        if (!MessageDigest.isEqual(given, mac(body))) {
            throw new BadTokenException("token signature does not match");
        }
        try {
            var node = JSON.readTree(DEC.decode(body));
            long expires = node.path("e").asLong();
            if (expires < clock.instant().getEpochSecond()) {
                throw new BadTokenException("token expired");
            }
            Map<String, String> params = new LinkedHashMap<>();
            node.path("p").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            String session = node.hasNonNull("s") ? node.get("s").asText() : null;
            return new Claims(node.path("r").asText(), node.path("v").asText(), params, expires, session);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new BadTokenException("malformed token claims");
        }
    }

    private byte[] mac(String body) {
        return macs.get().doFinal(body.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.relive.runtime.internal.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Signs and checks the token a page hands its WebSocket: {@code base64url(claims JSON) "." base64url(HMAC-SHA256)}
 * with a secret that is either made for this run only or kept in a {@link KeyFile}. The claims name the route, the
 * view class, the query parameters, the browser session the page was rendered for (its binding, absent for a page
 * rendered without one) and the expiry.
 *
 * <p>The claims are written and read with Jackson's streaming API alone: every page signs a token, and the first one
 * should not wait for Jackson's databind, which only the page's socket needs.
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
    private static final JsonFactory JSON = new JsonFactory();
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
        ByteArrayOutputStream claims = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(claims)) {
            g.writeStartObject();
            g.writeStringField("r", route);
            g.writeStringField("v", view);
            g.writeObjectFieldStart("p");
            for (Map.Entry<String, String> p : params.entrySet()) {
                g.writeStringField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            if (session != null) {
                g.writeStringField("s", session);
            }
            g.writeNumberField("e", clock.instant().getEpochSecond() + ttlSeconds);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = ENC.encodeToString(claims.toByteArray());
        return body + "." + ENC.encodeToString(mac(body));
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
        Claims claims;
        try {
            claims = readClaims(DEC.decode(body));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadTokenException("malformed token claims");
        }
        if (claims.expires() < clock.instant().getEpochSecond()) {
            throw new BadTokenException("token expired");
        }
        return claims;
    }

    /** The claims object {@link #sign} writes; a member of another name or JSON type is skipped. */
    private static Claims readClaims(byte[] json) throws IOException, BadTokenException {
        String route = "";
        String view = "";
        Map<String, String> params = new LinkedHashMap<>();
        long expires = 0;
        String session = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadTokenException("malformed token claims");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "r" -> route = p.getValueAsString("");
                    case "v" -> view = p.getValueAsString("");
                    case "s" -> session = value == JsonToken.VALUE_NULL ? null : p.getValueAsString("");
                    case "e" -> expires = p.getValueAsLong(0);
                    case "p" -> readParams(p, value, params);
                    default -> { }
                }
                p.skipChildren();
            }
        }
        return new Claims(route, view, params, expires, session);
    }

    private static void readParams(JsonParser p, JsonToken start, Map<String, String> into) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            into.put(name, p.getValueAsString(""));
            p.skipChildren();
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

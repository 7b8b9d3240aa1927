package dev.relive.runtime.internal.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable session ids (96 random bits, URL-safe) drawn without a lock shared by every mount: each thread has its
 * own deterministic random bit generator, seeded once from the system's entropy. The platform's default generator
 * on Linux serialises every caller of every instance on one lock, which a burst of mounts queues on.
 */
final class SessionIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SessionIds::generator);

    private SessionIds() {
    }

    static String next() {
        return next(12);
    }

    /** {@code bytes} random bytes, URL-safe: e.g. a tab's resume key, which only that tab ever sees. */
    static String next(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.get().nextBytes(random);
        return ENCODER.encodeToString(random);
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}

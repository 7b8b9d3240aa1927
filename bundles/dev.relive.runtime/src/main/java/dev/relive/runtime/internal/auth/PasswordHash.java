package dev.relive.runtime.internal.auth;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in
 * base64). {@link #main} makes one: {@code java -cp dev.relive.runtime.jar
 * dev.relive.runtime.internal.auth.PasswordHash} reads the password from the console (or standard input).
 */
public final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MIN_ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static String of(char[] password) {
        return of(password, ITERATIONS);
    }

    /** The same with {@code iterations} rounds (at least 10,000 to be accepted; fewer than the default: tests). */
    public static String of(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations, HASH_BITS));
    }

    /** Whether {@code encoded} is a hash this class can check (not, say, a password in clear). */
    public static boolean wellFormed(String encoded) {
        return parse(encoded) != null;
    }

    /** The rounds of {@code encoded}; 0 for a malformed hash. */
    public static int iterations(String encoded) {
        Parsed p = parse(encoded);
        return p == null ? 0 : p.iterations;
    }

    /** Whether {@code password} is the one {@code encoded} was made from; false for a malformed hash. */
    public static boolean matches(char[] password, String encoded) {
        Parsed p = parse(encoded);
        if (p == null) {
            return false;
        }
        byte[] actual = derive(password, p.salt, p.iterations, p.hash.length * 8);
        return MessageDigest.isEqual(actual, p.hash);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.strip().split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < MIN_ITERATIONS || salt.length < 8 || hash.length < 16) {
                return null;
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of a password read from the console, or the first line of standard input. */
    public static void main(String[] args) throws IOException {
        char[] password = readPassword();
        if (password == null || password.length == 0) {
            System.err.println("no password given");
            System.exit(2);
            return;
        }
        System.out.println(of(password));
        Arrays.fill(password, '\0');
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("password: ");
        }
        StringBuilder line = new StringBuilder();
        InputStreamReader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        for (int c = in.read(); c != -1 && c != '\n' && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().toCharArray();
    }
}

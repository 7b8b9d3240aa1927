package dev.relive.runtime.internal.auth;

/**
 * Where the login form may send a user back to: a path of this site ({@code /account?tab=2}), never another site
 * ({@code //evil.example}, {@code /\evil.example}, {@code https://...}) nor anything with control characters.
 */
final class LocalPath {

    private static final int MAX_LENGTH = 2000;

    private LocalPath() {
    }

    static boolean allowed(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** {@code path} when {@link #allowed}, else {@code /}. */
    static String orRoot(String path) {
        return allowed(path) ? path : "/";
    }
}

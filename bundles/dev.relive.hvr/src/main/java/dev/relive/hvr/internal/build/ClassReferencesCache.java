package dev.relive.hvr.internal.build;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The classes a class file refers to ({@link ClassOutline#references()}), by the SHA-256 of its bytes, for the class
 * files most recently seen: the same bytes always refer to the same classes, and each save brings few new ones.
 * Thread-safe.
 */
final class ClassReferencesCache {

    /** Enough for the classes of the watched projects and their last few builds. */
    private static final int CAPACITY = 50_000;

    private final Map<ByteBuffer, Set<String>> references = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Set<String>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param digest the SHA-256 of {@code bytes} */
    Set<String> of(byte[] digest, byte[] bytes) {
        ByteBuffer key = ByteBuffer.wrap(digest);
        synchronized (references) {
            Set<String> known = references.get(key);
            if (known != null) {
                return known;
            }
        }
        Set<String> parsed = Set.copyOf(ClassOutline.of(bytes).references());
        synchronized (references) {
            references.put(key, parsed);
        }
        return parsed;
    }
}

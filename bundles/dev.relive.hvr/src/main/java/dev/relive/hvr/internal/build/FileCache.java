package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The contents of the files a build reads again and again (class files, sources) and what is derived from them, kept
 * while a file's identity, modification time and size stay the same: a save reads and parses only the files it
 * changed (a compiler's output replaced by a move has a new identity, an edited source a new time). Thread-safe.
 */
final class FileCache {

    static final FileCache SHARED = new FileCache();

    /** Files are forgotten all at once beyond this many: a bound, not a policy. */
    private static final int CAPACITY = 100_000;

    private record Stamp(Object key, FileTime modified, long size) {
    }

    private static final class Entry {
        final Stamp stamp;
        final byte[] bytes;
        private byte[] sha256;
        private long crc = -1;
        private ClassOutline outline;

        Entry(Stamp stamp, byte[] bytes) {
            this.stamp = stamp;
            this.bytes = bytes;
        }
    }

    private final Map<Path, Entry> files = new ConcurrentHashMap<>();

    /** The file's bytes; callers do not change them. */
    byte[] bytes(Path file) throws IOException {
        return entry(file).bytes;
    }

    byte[] sha256(Path file) throws IOException {
        Entry entry = entry(file);
        synchronized (entry) {
            if (entry.sha256 == null) {
                try {
                    entry.sha256 = MessageDigest.getInstance("SHA-256").digest(entry.bytes);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
            return entry.sha256;
        }
    }

    long crc32(Path file) throws IOException {
        Entry entry = entry(file);
        synchronized (entry) {
            if (entry.crc < 0) {
                CRC32 crc = new CRC32();
                crc.update(entry.bytes);
                entry.crc = crc.getValue();
            }
            return entry.crc;
        }
    }

    /** The outline of a class file. */
    ClassOutline outline(Path classFile) throws IOException {
        Entry entry = entry(classFile);
        synchronized (entry) {
            if (entry.outline == null) {
                entry.outline = ClassOutline.of(entry.bytes);
            }
            return entry.outline;
        }
    }

    private Entry entry(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        Stamp stamp = new Stamp(Objects.requireNonNullElse(attributes.fileKey(), path),
                attributes.lastModifiedTime(), attributes.size());
        Entry known = files.get(path);
        if (known != null && known.stamp.equals(stamp)) {
            return known;
        }
        byte[] bytes = Files.readAllBytes(path);
        Entry fresh = new Entry(stamp, bytes);
        if (bytes.length == stamp.size()) { // not written while being read
            if (files.size() >= CAPACITY) {
                files.clear();
            }
            files.put(path, fresh);
        }
        return fresh;
    }
}

package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;

/**
 * Fingerprints of the classes of one bundle: per class, a SHA-256 over its own bytes and the bytes of every class of
 * the same bundle it refers to, directly or transitively (see {@link ClassOutline#references()}), computed in time
 * linear in the bundle's size and parsing only class files not seen before. Comparing the fingerprints
 * of two builds tells which views changed: editing a helper class changes the fingerprint of every class that uses
 * it, editing view A leaves view B's unchanged. Resources (templates) are not part of it. Keys are binary class
 * names ({@code a.b.View$1}); {@code module-info} and {@code META-INF/} classes are left out.
 */
public final class ClassFingerprint {

    /** The classes each class file refers to, by its digest: a save parses only the class files it changed. */
    private static final ClassReferencesCache REFERENCES = new ClassReferencesCache();

    private ClassFingerprint() {
    }

    public static Map<String, String> ofJar(byte[] jar) {
        return of(classesOfJar(jar));
    }

    /** The class files of a jar, by internal name ({@code a/b/C}). */
    public static Map<String, byte[]> classesOfJar(byte[] jar) {
        Map<String, byte[]> classes = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (isClass(entry.getName())) {
                    classes.put(internalName(entry.getName()), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jar", e);
        }
        return classes;
    }

    public static Map<String, String> ofJar(Path jar) throws IOException {
        return ofJar(Files.readAllBytes(jar));
    }

    public static Map<String, String> ofFolder(Path classes) throws IOException {
        return of(classesOfFolder(classes));
    }

    /**
     * The class files under a folder, by internal name ({@code a/b/C}); a file unchanged since it was last read is not
     * read again ({@link FileCache}).
     */
    public static Map<String, byte[]> classesOfFolder(Path classes) throws IOException {
        Map<String, byte[]> bytes = new HashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (isClass(name) && Files.isRegularFile(file)) {
                    bytes.put(internalName(name), FileCache.SHARED.bytes(file));
                }
            }
        }
        return bytes;
    }

    /** The classes of the bundle's own entries (its jar, with attached fragments), read through the bundle. */
    public static Map<String, String> ofBundle(Bundle bundle) throws IOException {
        Map<String, byte[]> bytes = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries("/", "*.class", true);
        for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String name = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
            if (isClass(name)) {
                try (InputStream in = url.openStream()) {
                    bytes.put(internalName(name), in.readAllBytes());
                }
            }
        }
        return of(bytes);
    }

    /** @param classes class file bytes by internal name ({@code a/b/C}) */
    public static Map<String, String> of(Map<String, byte[]> classes) {
        return prints(classes, null).byBinaryName();
    }

    /**
     * The fingerprints of {@code classes} (bytes by internal name), computed from {@code previous}'s where it has the
     * same classes: only the classes whose bytes differ, and those that refer to them, are hashed again. The result
     * is the same as {@link #of}'s.
     *
     * @param previous {@code null}, or the fingerprints of an earlier set of classes
     */
    static Prints prints(Map<String, byte[]> classes, Prints previous) {
        boolean sameNames = previous != null && previous.classes.keySet().equals(classes.keySet());
        Map<String, byte[]> own = new HashMap<>();
        Map<String, Set<String>> references = new HashMap<>();
        Set<String> changed = new HashSet<>();
        classes.forEach((name, bytes) -> {
            byte[] before = sameNames ? previous.classes.get(name) : null;
            if (before != null && (before == bytes || Arrays.equals(before, bytes))) {
                own.put(name, previous.own.get(name));
                references.put(name, previous.references.get(name));
                return;
            }
            changed.add(name);
            byte[] digest = sha256().digest(bytes);
            own.put(name, digest);
            Set<String> local = new TreeSet<>(REFERENCES.of(digest, bytes));
            local.retainAll(classes.keySet());
            references.put(name, local);
        });
        if (!sameNames) {
            Map<String, String> fingerprints = new HashMap<>();
            hashComponents(references, own, references, fingerprints);
            Map<String, String> byBinaryName = new TreeMap<>();
            fingerprints.forEach((name, print) -> byBinaryName.put(name.replace('/', '.'), print));
            return new Prints(classes, own, references, fingerprints, byBinaryName);
        }
        if (changed.isEmpty()) {
            return new Prints(classes, own, references, previous.fingerprints, previous.byBinaryName);
        }
        // a class's fingerprint covers the classes it reaches: those that reach a changed one change with it
        Set<String> stale = reachingAny(changed, references);
        Map<String, Set<String>> staleEdges = new HashMap<>();
        for (String name : stale) {
            Set<String> edges = new HashSet<>(references.get(name));
            edges.retainAll(stale);
            staleEdges.put(name, edges);
        }
        Map<String, String> fingerprints = new HashMap<>(previous.fingerprints);
        hashComponents(staleEdges, own, references, fingerprints);
        Map<String, String> byBinaryName = new TreeMap<>(previous.byBinaryName);
        stale.forEach(name -> byBinaryName.put(name.replace('/', '.'), fingerprints.get(name)));
        return new Prints(classes, own, references, fingerprints, byBinaryName);
    }

    /**
     * Hashes the components of {@code edges} into {@code fingerprints}, which holds the fingerprints of the classes
     * they refer to outside {@code edges}.
     */
    private static void hashComponents(Map<String, Set<String>> edges, Map<String, byte[]> own,
            Map<String, Set<String>> references, Map<String, String> fingerprints) {
        ClassGraph.components(edges).forEach(component -> {
            String print = hash(component, own, references, fingerprints);
            component.forEach(name -> fingerprints.put(name, print));
        });
    }

    /** {@code targets} and every class that refers to one of them, directly or transitively. */
    private static Set<String> reachingAny(Set<String> targets, Map<String, Set<String>> references) {
        Map<String, Set<String>> referrers = new HashMap<>();
        references.forEach((name, referred) -> referred
                .forEach(target -> referrers.computeIfAbsent(target, k -> new HashSet<>()).add(name)));
        Set<String> reached = new HashSet<>(targets);
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(targets);
        while (!todo.isEmpty()) {
            for (String referrer : referrers.getOrDefault(todo.pop(), Set.of())) {
                if (reached.add(referrer)) {
                    todo.push(referrer);
                }
            }
        }
        return reached;
    }

    /**
     * Fingerprints with what they were computed from, for {@link #prints} to compute the next build's from them.
     * Immutable once made; its maps are not changed by anyone.
     */
    static final class Prints {
        private final Map<String, byte[]> classes;
        private final Map<String, byte[]> own;
        private final Map<String, Set<String>> references;
        private final Map<String, String> fingerprints;
        private final Map<String, String> byBinaryName;

        private Prints(Map<String, byte[]> classes, Map<String, byte[]> own, Map<String, Set<String>> references,
                Map<String, String> fingerprints, Map<String, String> byBinaryName) {
            this.classes = classes;
            this.own = own;
            this.references = references;
            this.fingerprints = fingerprints;
            this.byBinaryName = Collections.unmodifiableMap(byBinaryName);
        }

        /** Class name ({@code a.b.View$1}) to fingerprint. */
        Map<String, String> byBinaryName() {
            return byBinaryName;
        }
    }

    /**
     * The fingerprint of one strongly connected component (classes that refer to each other, whose closures are the
     * same): its classes' names and own digests, then the fingerprints of the components it refers to, which come
     * earlier in {@link ClassGraph#components} order. So it changes exactly when a class of its closure does.
     */
    private static String hash(Set<String> component, Map<String, byte[]> own, Map<String, Set<String>> references,
            Map<String, String> done) {
        MessageDigest digest = sha256();
        Set<String> referred = new TreeSet<>();
        for (String name : component) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(own.get(name));
            for (String reference : references.get(name)) {
                if (!component.contains(reference)) {
                    referred.add(done.get(reference));
                }
            }
        }
        referred.forEach(print -> digest.update(print.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }

    private static String internalName(String entry) {
        return entry.substring(0, entry.length() - ".class".length());
    }
}

package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Constants;

/**
 * A bundle jar bnd wrote, with everything bnd read to write it, so the next packaging of the same project can tell
 * whether bnd would write the same manifest and component XML. When it would (the usual case: only method bodies
 * changed), {@link #rewrite} puts the new classes and resources into a copy of this jar instead of running bnd.
 *
 * <p>bnd's output depends on the bnd files, the poms (names), the class path stamp, the resource names and, per class,
 * on the packages it refers to and on what {@link ClassOutline#bndKey()} holds; for most classes, on what
 * {@link ClassOutline#bndCoreKey()} holds (see {@link Inputs#read}). A jar is not reused when its bnd files include resources or packages
 * from elsewhere ({@code -includeresource}, {@code -conditionalpackage}), when it holds entries that are neither the
 * project's classes, its resources nor generated {@code OSGI-INF/} files, or when the bundle version appears in
 * another header.
 *
 * <p>Immutable; safe for concurrent use.
 */
final class PackagedBundle {

    private static final Set<String> EXTERNAL_CONTENT = Set.of("-includeresource", "Include-Resource",
            "-conditionalpackage", "Conditional-Package", "-includepackage", "Bundle-ClassPath");

    private final byte[] jar;
    private final List<String> warnings;
    private final Set<String> exported;
    private final boolean importsJava;
    private final Inputs inputs;
    private final Map<Path, Long> files;

    private PackagedBundle(byte[] jar, List<String> warnings, Set<String> exported, boolean importsJava,
            Inputs inputs, Map<Path, Long> files) {
        this.jar = jar;
        this.warnings = List.copyOf(warnings);
        this.exported = Set.copyOf(exported);
        this.importsJava = importsJava;
        this.inputs = inputs;
        this.files = Map.copyOf(files);
    }

    /**
     * A jar bnd just wrote, or {@code null} when it cannot be reused.
     *
     * @param property bnd's properties (from the bnd files) for the project
     * @param bndFiles the bnd files and the pom bnd read
     */
    static PackagedBundle reusable(byte[] jar, List<String> warnings, Collection<ClassOutline> classes,
            Path resourcesDir, String classPathStamp, UnaryOperator<String> property, List<File> bndFiles,
            String bundleVersion) throws IOException {
        for (String key : EXTERNAL_CONTENT) {
            String value = property.apply(key);
            if (value != null && !value.isBlank()) {
                return null;
            }
        }
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        }
        if (manifest == null || versionElsewhere(manifest, bundleVersion)) {
            return null;
        }
        Set<String> exported = packageNames(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
        boolean importsJava = !"true".equalsIgnoreCase(String.valueOf(property.apply("-noimportjava")).strip());
        Inputs inputs = Inputs.of(classes, resourcesDir, classPathStamp, exported, importsJava);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                boolean known = entry.isDirectory() || name.equals(JarFile.MANIFEST_NAME)
                        || name.startsWith("OSGI-INF/") || inputs.resources().contains(name)
                        || name.endsWith(".class") && inputs.classes().containsKey(name.substring(0,
                                name.length() - ".class".length()));
                if (!known) {
                    return null;
                }
            }
        }
        Map<Path, Long> stamps = new HashMap<>();
        for (File file : bndFiles) {
            stamps.put(file.toPath(), Folders.stamp(file.toPath()));
        }
        return new PackagedBundle(jar, warnings, exported, importsJava, inputs, stamps);
    }

    /** bnd imported {@code java.*} packages for this jar. */
    boolean importsJava() {
        return importsJava;
    }

    /** The packages the jar exports: classes there are compared by their full outline (their API makes uses:). */
    Set<String> exported() {
        return exported;
    }

    /** The package names of a manifest header such as {@code Export-Package}; empty for {@code null}. */
    static Set<String> packageNames(String header) {
        Set<String> names = new TreeSet<>();
        if (header == null) {
            return names;
        }
        boolean quoted = false;
        boolean inName = true;
        StringBuilder name = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                names.add(name.toString().strip());
                name.setLength(0);
                inName = true;
            } else if (!quoted && c == ';') {
                inName = false;
            } else if (inName) {
                name.append(c);
            }
        }
        names.remove("");
        return names;
    }

    /** bnd would write this jar's manifest and XML again for {@code now}. */
    boolean matches(Inputs now) {
        if (!inputs.equals(now)) {
            return false;
        }
        for (Map.Entry<Path, Long> file : files.entrySet()) {
            if (Folders.stamp(file.getKey()) != file.getValue()) {
                return false;
            }
        }
        return true;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * This jar with the classes of {@code classesDir} (stored), the resources of {@code resourcesDir} and a new
     * version.
     */
    byte[] rewrite(Path classesDir, Path resourcesDir, String bundleVersion) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                if (!entry.isDirectory() && name.endsWith(".class") && inputs.classes().containsKey(
                        name.substring(0, name.length() - ".class".length()))) {
                    stored(copy, classesDir.resolve(name));
                }
                out.putNextEntry(copy);
                if (name.equals(JarFile.MANIFEST_NAME)) {
                    Manifest manifest = new Manifest(in);
                    manifest.getMainAttributes().putValue(Constants.BUNDLE_VERSION, bundleVersion);
                    manifest.write(out);
                } else if (!entry.isDirectory() && name.endsWith(".class") && inputs.classes().containsKey(
                        name.substring(0, name.length() - ".class".length()))) {
                    out.write(FileCache.SHARED.bytes(classesDir.resolve(name)));
                } else if (!entry.isDirectory() && inputs.resources().contains(name)) {
                    out.write(Files.readAllBytes(resourcesDir.resolve(name)));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Class files are stored, not deflated: a rewrite costs a copy per class, and only the classes the save
     * changed are read again (see {@link FileCache}).
     */
    private static void stored(ZipEntry entry, Path classFile) throws IOException {
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(FileCache.SHARED.bytes(classFile).length);
        entry.setCompressedSize(entry.getSize());
        entry.setCrc(FileCache.SHARED.crc32(classFile));
    }

    private static boolean versionElsewhere(Manifest manifest, String bundleVersion) {
        for (Map.Entry<Object, Object> header : manifest.getMainAttributes().entrySet()) {
            Attributes.Name name = (Attributes.Name) header.getKey();
            if (!name.toString().equalsIgnoreCase(Constants.BUNDLE_VERSION)
                    && String.valueOf(header.getValue()).contains(bundleVersion)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What bnd reads from a project besides its bnd files: per class (internal name) its {@link ClassOutline#bndKey()},
     * the resource paths, and the class path stamp.
     */
    record Inputs(Map<String, String> classes, Set<String> resources, String classPathStamp) {

        /**
         * @param exported the packages the bundle exports: their classes, the metatype definitions and, when some
         *        class has a DS {@code @Reference} method, all classes are keyed by {@link ClassOutline#bndKey()};
         *        the others by {@link ClassOutline#bndCoreKey()}
         * @param importsJava bnd imports {@code java.*} packages ({@code -noimportjava} is not set), so they count
         */
        static Inputs read(Path classesDir, Path resourcesDir, String classPathStamp, Set<String> exported,
                boolean importsJava) throws IOException {
            return of(ProjectOutput.outlinesIn(classesDir).values(), resourcesDir, classPathStamp, exported,
                    importsJava);
        }

        /** {@link #read} for classes already outlined. */
        static Inputs of(Collection<ClassOutline> outlines, Path resourcesDir, String classPathStamp,
                Set<String> exported, boolean importsJava) throws IOException {
            boolean referenceMethods = outlines.stream().anyMatch(ClassOutline::hasReferenceMethods);
            Map<String, String> classes = new TreeMap<>();
            for (ClassOutline outline : outlines) {
                int slash = outline.name().lastIndexOf('/');
                String pkg = slash < 0 ? "" : outline.name().substring(0, slash).replace('/', '.');
                boolean full = referenceMethods || outline.isMetatypeDefinition() || exported.contains(pkg);
                StringBuilder key = new StringBuilder(full ? outline.bndKey() : outline.bndCoreKey()).append("\nrefs");
                for (String referenced : outline.referencedPackages()) {
                    if (importsJava || !referenced.startsWith("java.")) {
                        key.append(' ').append(referenced);
                    }
                }
                classes.put(outline.name(), key.toString());
            }
            Set<String> resources = new TreeSet<>();
            if (Files.isDirectory(resourcesDir)) {
                try (Stream<Path> walk = Files.walk(resourcesDir)) {
                    for (Path file : (Iterable<Path>) walk::iterator) {
                        if (Files.isRegularFile(file)) {
                            resources.add(resourcesDir.relativize(file).toString()
                                    .replace(file.getFileSystem().getSeparator(), "/"));
                        }
                    }
                }
            }
            return new Inputs(classes, resources, classPathStamp);
        }
    }
}

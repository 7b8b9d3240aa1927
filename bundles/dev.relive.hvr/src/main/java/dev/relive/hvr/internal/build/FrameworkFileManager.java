package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compiler's view of the framework class path: for {@link StandardLocation#CLASS_PATH} it lists (javac) or
 * looks up (ecj) the class files of the exported packages, then whatever the standard file manager has there (the
 * extra jars). Every other location (platform classes, sources, output) is the standard file manager's. One
 * instance serves one compile (a single thread).
 */
final class FrameworkFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, FrameworkClassPath.Export> exports;
    private final Function<FrameworkClassPath.Export, List<UrlClassFile>> classes;
    private final Map<FrameworkClassPath.Export, Map<String, UrlClassFile>> indexes = new HashMap<>();
    private NavigableSet<String> sortedNames; // the exported package names, made on first use

    FrameworkFileManager(StandardJavaFileManager standard, Map<String, FrameworkClassPath.Export> exports,
            Function<FrameworkClassPath.Export, List<UrlClassFile>> classes) {
        super(standard);
        this.exports = exports;
        this.classes = classes;
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
            boolean recurse) throws IOException {
        Iterable<JavaFileObject> standard = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
            return standard;
        }
        String pkg = packageName.replace('/', '.'); // ecj passes "a/b/c", javac "a.b.c"
        FrameworkClassPath.Export export = exports.get(pkg);
        if (recurse) {
            return () -> new RecursiveListing(standard, export, pkg);
        }
        if (export == null) {
            return standard;
        }
        List<JavaFileObject> files = new ArrayList<>(classes.apply(export));
        standard.forEach(files::add);
        return files;
    }

    /**
     * The class file of a class on the framework class path, or else the standard file manager's. ecj looks classes
     * up one by one with this (binary names with {@code /} or {@code .}); javac lists packages instead.
     */
    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws IOException {
        if (location == StandardLocation.CLASS_PATH && kind == JavaFileObject.Kind.CLASS) {
            String binaryName = className.replace('/', '.');
            int dot = binaryName.lastIndexOf('.');
            FrameworkClassPath.Export export = exports.get(dot < 0 ? "" : binaryName.substring(0, dot));
            if (export != null) {
                UrlClassFile file = byBinaryName(export).get(binaryName);
                if (file != null) {
                    return file;
                }
            }
        }
        return super.getJavaFileForInput(location, className, kind);
    }

    private NavigableSet<String> sortedNames() {
        if (sortedNames == null) {
            sortedNames = new TreeSet<>(exports.keySet());
        }
        return sortedNames;
    }

    private Map<String, UrlClassFile> byBinaryName(FrameworkClassPath.Export export) {
        return indexes.computeIfAbsent(export, e -> {
            Map<String, UrlClassFile> index = new HashMap<>();
            for (UrlClassFile file : classes.apply(e)) {
                index.put(file.binaryName(), file);
            }
            return index;
        });
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof UrlClassFile classFile) {
            return classFile.binaryName();
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof UrlClassFile || b instanceof UrlClassFile) {
            return a.toUri().equals(b.toUri());
        }
        return super.isSameFile(a, b);
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_PATH || super.hasLocation(location);
    }

    @Override
    public void close() {
        // the standard file manager is shared across compiles and closed by its owner
    }

    /**
     * A recursive listing of a package: the standard file manager's entries, then the classes of the exported
     * package and of the exported packages below it, listed only as far as the caller iterates (ecj asks whether a
     * package such as {@code org} has any class in or below it, which only needs the first one).
     */
    private final class RecursiveListing implements Iterator<JavaFileObject> {

        private final Iterator<JavaFileObject> standard;
        private final Iterator<FrameworkClassPath.Export> exported;
        private Iterator<UrlClassFile> current = Collections.emptyIterator();

        RecursiveListing(Iterable<JavaFileObject> standard, FrameworkClassPath.Export export, String pkg) {
            this.standard = standard.iterator();
            String prefix = pkg.isEmpty() ? "" : pkg + ".";
            List<FrameworkClassPath.Export> below = new ArrayList<>();
            if (export != null) {
                below.add(export);
            }
            // the exported packages below pkg, from the sorted names: those starting with prefix
            for (String name : sortedNames().tailSet(prefix)) {
                if (!name.startsWith(prefix)) {
                    break;
                }
                FrameworkClassPath.Export e = exports.get(name);
                if (e != export) {
                    below.add(e);
                }
            }
            this.exported = below.iterator();
        }

        @Override
        public boolean hasNext() {
            if (standard.hasNext()) {
                return true;
            }
            while (!current.hasNext() && exported.hasNext()) {
                current = classes.apply(exported.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public JavaFileObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return standard.hasNext() ? standard.next() : current.next();
        }
    }
}

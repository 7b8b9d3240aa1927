package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * javac's view of the framework class path: for {@link StandardLocation#CLASS_PATH} it lists the class files of
 * the exported packages, then whatever the standard file manager has there (the extra jars). Every other location
 * (platform classes, sources, output) is the standard file manager's.
 */
final class FrameworkFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, FrameworkClassPath.Export> exports;
    private final Function<FrameworkClassPath.Export, List<UrlClassFile>> classes;

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
        FrameworkClassPath.Export export = exports.get(packageName);
        if (location != StandardLocation.CLASS_PATH || export == null || !kinds.contains(JavaFileObject.Kind.CLASS)) {
            return standard;
        }
        List<JavaFileObject> files = new ArrayList<>(classes.apply(export));
        standard.forEach(files::add);
        return files;
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
}

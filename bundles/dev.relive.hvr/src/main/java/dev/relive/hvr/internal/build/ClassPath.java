package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;

import aQute.bnd.osgi.Jar;

/**
 * The classes a bundle project is compiled and analysed against: jar files ({@link JarClassPath}) or the packages
 * exported in a running framework ({@link FrameworkClassPath}). The project's own packages never come from here.
 */
public interface ClassPath {

    /**
     * The file manager javac uses for one compile. It may configure and return {@code standard} (shared across
     * compiles) or wrap it.
     *
     * @param bundleSymbolicName the project's bundle, whose installed classes must not be seen
     * @param ownPackages packages the project's sources declare
     */
    JavaFileManager fileManager(StandardJavaFileManager standard, String bundleSymbolicName, Set<String> ownPackages)
            throws IOException;

    /**
     * Jars for bnd's analysis (import versions, DS component property types). The builder closes them.
     *
     * @param referencedPackages packages the compiled classes refer to (a hint: an implementation may return more)
     */
    List<Jar> analysisJars(Set<String> referencedPackages, String bundleSymbolicName) throws IOException;

    /**
     * A value that changes whenever what the project compiles against may have changed (a bundle installed, updated
     * or uninstalled; a jar or class file rewritten). Builds made with an equal stamp may be reused, and so may the
     * class files a compiler read with it.
     */
    String stamp(String bundleSymbolicName);
}

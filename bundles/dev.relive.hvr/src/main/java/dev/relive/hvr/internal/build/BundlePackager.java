package dev.relive.hvr.internal.build;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;

/**
 * Packages compiled classes and a project's {@code src/main/resources} into a bundle jar with bnd, from the same
 * {@code bnd.bnd} the Maven build uses (with its {@code -include}s, so DS and metatype XML are generated from the
 * annotations). Like the bnd-maven-plugin: {@code Bundle-SymbolicName} defaults to the pom's artifactId (else the
 * folder's name), {@code Bundle-Name} and {@code Bundle-Description} to the pom's, and
 * {@code ${project.build.directory}}, {@code ${project.basedir}}, {@code ${project.artifactId}} are defined. {@code Bundle-Version} is always the
 * caller's. bnd's analysis class path comes from the {@link ClassPath}, so import ranges follow the exporters.
 *
 * <p>When bnd would write the same manifest and component XML as for the project's last jar (see
 * {@link PackagedBundle}), that jar is rewritten with the new classes and resources instead: bnd runs only when
 * something it reads changed.
 *
 * <p>Threading: safe for concurrent use; bnd runs one build at a time.
 */
public final class BundlePackager {


    private final ClassPath classPath;
    /** The last reusable jar per project folder. */
    private final Map<Path, PackagedBundle> packaged = new ConcurrentHashMap<>();
    private final Map<Path, StampedPom> poms = new ConcurrentHashMap<>();

    public BundlePackager(ClassPath classPath) {
        this.classPath = classPath;
    }

    /**
     * Packages the bundle; bnd errors make a failed result, not an exception.
     *
     * @param projectDir the bundle project (holding {@code bnd.bnd}, {@code pom.xml})
     * @param classesDir the compiled classes, e.g. a {@link CompileResult#outputDir()}
     * @param bundleVersion the {@code Bundle-Version} to write, e.g. {@code 0.1.0.hvr3}
     */
    public PackageResult pack(Path projectDir, Path classesDir, String bundleVersion) {
        long start = System.nanoTime();
        Path project = projectDir.toAbsolutePath().normalize();
        try {
            PackagedBundle known = packaged.get(project);
            if (known != null) {
                PackagedBundle.Inputs inputs = PackagedBundle.Inputs.read(classesDir, ProjectLayout.resources(project),
                        classPath.stamp(ProjectName.of(project)), known.exported(), known.importsJava());
                if (known.matches(inputs)) {
                    byte[] jar = known.rewrite(classesDir, ProjectLayout.resources(project), bundleVersion);
                    return new PackageResult(jar, List.of(), known.warnings(),
                            Duration.ofNanos(System.nanoTime() - start), false);
                }
            }
            return analyse(project, classesDir, bundleVersion, start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot package " + projectDir, e);
        }
    }

    /** Packages the bundle with bnd even when the last jar could be reused; see {@link #pack}. */
    public PackageResult analyse(Path projectDir, Path classesDir, String bundleVersion) {
        return analyse(projectDir.toAbsolutePath().normalize(), classesDir, bundleVersion, System.nanoTime());
    }

    /** One bnd build at a time: the class path's analysis jars are shared. */
    private synchronized PackageResult analyse(Path project, Path classesDir, String bundleVersion, long start) {
        PomInfo pom = pom(project);
        String artifactId = ProjectName.artifactId(project, pom);
        String classPathStamp = classPath.stamp(ProjectName.of(project));
        try (Builder builder = new Builder()) {
            builder.setBase(project.toFile());
            Path bnd = project.resolve("bnd.bnd");
            if (Files.isRegularFile(bnd)) {
                builder.setProperties(bnd.toFile());
            }
            builder.setProperty("project.basedir", project.toString());
            builder.setProperty("project.artifactId", artifactId);
            builder.setProperty("project.build.directory", project.resolve("target").toString());
            setDefaults(builder, pom, artifactId);
            builder.setProperty(Constants.BUNDLE_VERSION, bundleVersion);

            Jar dot = new Jar(artifactId, classesDir.toFile());
            addResources(dot, ProjectLayout.resources(project));
            dot.setManifest(new Manifest());
            builder.setJar(dot);
            builder.addClasspath(classesDir.toFile());
            String bsn = builder.getProperty(Constants.BUNDLE_SYMBOLICNAME);
            Collection<ClassOutline> outlines = ProjectOutput.outlinesIn(classesDir).values();
            for (Jar jar : classPath.analysisJars(referencedPackages(outlines), bsn)) {
                builder.addClasspath(jar);
                builder.addClose(jar);
            }
            PackageResult result = build(builder, start);
            if (result.success()) {
                List<File> bndFiles = new ArrayList<>();
                if (Files.isRegularFile(bnd)) {
                    bndFiles.add(bnd.toFile());
                }
                if (builder.getIncluded() != null) {
                    bndFiles.addAll(builder.getIncluded());
                }
                pom.files().forEach(file -> bndFiles.add(file.toFile()));
                PackagedBundle reusable = PackagedBundle.reusable(result.jar(), result.warnings(), outlines,
                        ProjectLayout.resources(project), classPathStamp, builder::getProperty, bndFiles, bundleVersion);
                if (reusable != null) {
                    packaged.put(project, reusable);
                } else {
                    packaged.remove(project);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot package " + project, e);
        } catch (Exception e) {
            throw new IllegalStateException("bnd failed on " + project, e);
        }
    }

    /** Runs bnd once on a tiny in-memory bundle, so the first real packaging is not a cold one. */
    public void warmUp() {
        try (Builder builder = new Builder()) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "relive.warmup");
            builder.setProperty(Constants.BUNDLE_VERSION, "0.0.0");
            builder.setProperty(Constants.DSANNOTATIONS, "*");
            builder.setProperty(Constants.METATYPE_ANNOTATIONS, "*");
            builder.setProperty(Constants.REPRODUCIBLE, "true");
            Jar dot = new Jar("relive.warmup");
            String self = BundlePackager.class.getName().replace('.', '/') + ".class";
            try (InputStream in = BundlePackager.class.getClassLoader().getResourceAsStream(self)) {
                dot.putResource(self, new EmbeddedResource(in.readAllBytes(), 0));
            }
            dot.setManifest(new Manifest());
            builder.setJar(dot);
            PackageResult result = build(builder, System.nanoTime());
            if (!result.success()) {
                throw new IllegalStateException("bnd warm-up failed: " + result.errors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("bnd warm-up failed", e);
        }
    }

    private static PackageResult build(Builder builder, long start) throws Exception {
        Jar jar = builder.build();
        List<String> errors = builder.getErrors();
        List<String> warnings = builder.getWarnings();
        if (!builder.isOk() || jar == null) {
            return new PackageResult(null, errors, warnings, Duration.ofNanos(System.nanoTime() - start), true);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        jar.write(bytes);
        return new PackageResult(bytes.toByteArray(), errors, warnings, Duration.ofNanos(System.nanoTime() - start),
                true);
    }

    private static void setDefaults(Builder builder, PomInfo pom, String artifactId) {
        if (builder.getProperty(Constants.BUNDLE_SYMBOLICNAME) == null) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, artifactId);
        }
        if (builder.getProperty(Constants.BUNDLE_NAME) == null) {
            pom.name().ifPresent(name -> builder.setProperty(Constants.BUNDLE_NAME, name));
        }
        if (builder.getProperty(Constants.BUNDLE_DESCRIPTION) == null) {
            pom.description().ifPresent(text -> builder.setProperty(Constants.BUNDLE_DESCRIPTION, text));
        }
    }

    /** The project's pom names, read again only when a pom it was read from changed. */
    private PomInfo pom(Path project) {
        StampedPom known = poms.get(project);
        if (known != null && known.stamps().equals(stamps(known.pom().files()))) {
            return known.pom();
        }
        PomInfo pom = PomInfo.read(project);
        poms.put(project, new StampedPom(pom, stamps(pom.files())));
        return pom;
    }

    private static List<Long> stamps(List<Path> files) {
        return files.stream().map(Folders::stamp).toList();
    }

    private record StampedPom(PomInfo pom, List<Long> stamps) {
    }

    private static void addResources(Jar dot, Path resources) throws IOException {
        if (!Files.isDirectory(resources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    String name = resources.relativize(file).toString()
                            .replace(file.getFileSystem().getSeparator(), "/");
                    dot.putResource(name, new FileResource(file));
                }
            }
        }
    }

    private static Set<String> referencedPackages(Collection<ClassOutline> outlines) {
        Set<String> packages = new TreeSet<>();
        outlines.forEach(outline -> packages.addAll(outline.referencedPackages()));
        return packages;
    }
}

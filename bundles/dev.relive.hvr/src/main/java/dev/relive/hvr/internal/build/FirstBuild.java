package dev.relive.hvr.internal.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.osgi.framework.Version;

/**
 * The first build of a bundle project that is not installed: compiled and packaged as a save would be, stamped with
 * its sources' digest, and written as {@code <Bundle-SymbolicName>.jar} into the folder the runtime installs bundles
 * from ({@code deploy/}), so that it is installed on every later start.
 */
public final class FirstBuild {

    private final BundleCompiler compiler;
    private final BundlePackager packager;

    public FirstBuild(BundleCompiler compiler, BundlePackager packager) {
        this.compiler = compiler;
        this.packager = packager;
    }

    /**
     * What a first build gave.
     *
     * @param message what happened, for the console: the jar written, or why there is none
     * @param jar the jar written into {@code deploy/}, or {@code null} when the project does not build
     */
    public record Result(String message, Path jar) {
    }

    /** Builds the project into {@code deploy/}. */
    public Result install(Path projectDir, Path deploy) {
        Path project = projectDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(project.resolve("bnd.bnd"))) {
            return new Result("not a bundle project (no bnd.bnd): " + project, null);
        }
        String bsn = ProjectName.of(project);
        String version = osgiVersion(PomInfo.read(project).version().orElse("0.0.0"));
        List<String> errors = compiler.build(project, compiled -> {
            if (!compiled.success()) {
                return compiled.errors().stream().map(e -> e.file() + ":" + e.line() + ": " + e.message()).toList();
            }
            PackageResult packed = packager.pack(project, compiled.outputDir(), version);
            if (!packed.success()) {
                return packed.errors();
            }
            write(ManifestStamp.with(packed.jar(), SourceDigest.HEADER, SourceDigest.of(project)), project, deploy,
                    bsn);
            return List.of();
        });
        Path jar = deploy.resolve(bsn + ".jar");
        return errors.isEmpty() ? new Result(bsn + " " + version + " built and written to " + jar, jar)
                : new Result(bsn + " does not build:\n" + String.join("\n", errors), null);
    }

    /** {@code 1.2.3.SNAPSHOT} for Maven's {@code 1.2.3-SNAPSHOT}; {@code 0.0.0} for what is no version. */
    static String osgiVersion(String mavenVersion) {
        String[] parts = mavenVersion.split("-", 2);
        try {
            Version base = Version.parseVersion(parts[0]);
            String qualifier = parts.length > 1 ? parts[1].replaceAll("[^A-Za-z0-9_-]", "_") : base.getQualifier();
            return new Version(base.getMajor(), base.getMinor(), base.getMicro(), qualifier).toString();
        } catch (IllegalArgumentException e) {
            return "0.0.0";
        }
    }

    /** Written next to the sources first, then moved, so the runtime never reads a half-written jar. */
    private static void write(byte[] jar, Path project, Path deploy, String bsn) {
        try {
            Path staged = Files.createDirectories(project.resolve("target/relive")).resolve(bsn + ".jar");
            Files.write(staged, jar);
            Files.createDirectories(deploy);
            try {
                Files.move(staged, deploy.resolve(bsn + ".jar"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(staged, deploy.resolve(bsn + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + bsn + ".jar to " + deploy, e);
        }
    }
}

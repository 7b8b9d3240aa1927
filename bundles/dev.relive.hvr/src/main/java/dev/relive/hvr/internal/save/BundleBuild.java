package dev.relive.hvr.internal.save;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import dev.relive.hvr.internal.build.BundleCompiler;
import dev.relive.hvr.internal.build.BundlePackager;
import dev.relive.hvr.internal.build.CompileError;
import dev.relive.hvr.internal.build.CompileResult;
import dev.relive.hvr.internal.build.ManifestStamp;
import dev.relive.hvr.internal.build.PackageResult;
import dev.relive.hvr.internal.build.SourceDigest;

/**
 * The build stage: compiles a bundle project and packages it as a jar of a new version of the installed bundle,
 * stamped with the digest of the sources it was built from ({@link SourceDigest}).
 * Only compiling and packaging run under the compiler's lock (they share its output folder). Runs on one thread at a
 * time.
 */
final class BundleBuild {

    private final BundleCompiler compiler;
    private final BundlePackager packager;
    /** {@code hvr<n>} at the end of a qualifier, alone or after a dash. */
    private static final Pattern HVR_QUALIFIER = Pattern.compile("(^|-)hvr(\\d{1,9})$");

    private int builds;

    BundleBuild(BundleCompiler compiler, BundlePackager packager) {
        this.compiler = compiler;
        this.packager = packager;
    }

    /**
     * A jar, or the errors.
     *
     * @param jar the new bundle, {@code null} when the build failed
     * @param summary how it was built, e.g. {@code compiled 1 of 4 source(s), manifest unchanged}
     * @param errors compile or packaging errors, empty when {@code jar} is set
     * @param compileTime from the start of the build to the compiler's result
     * @param packageTime packaging, {@code null} when the compile failed
     * @param compilerTime the part of {@code compileTime} inside the compiler itself
     * @param lockTime the part of {@code compileTime} spent waiting for another build of the compiler to finish
     * @param stampTime the source digest written into the manifest, {@code null} when no jar was made
     */
    record Outcome(byte[] jar, String summary, List<CompileError> errors, Duration compileTime,
            Duration packageTime, Duration compilerTime, Duration lockTime, Duration stampTime, boolean appliedEarly) {

        Outcome(byte[] jar, String summary, List<CompileError> errors, Duration compileTime, Duration packageTime,
                Duration compilerTime, Duration lockTime, Duration stampTime) {
            this(jar, summary, errors, compileTime, packageTime, compilerTime, lockTime, stampTime, false);
        }

        boolean success() {
            return jar != null;
        }
    }

    /**
     * Applies a compile's classes before they are packaged (the jar is made after, for keeps); whether it did. Runs
     * while the compiler's output stays as it is.
     */
    interface BeforePackaging {
        boolean apply(CompileResult compiled, Duration compileTime, Duration lockTime);
    }

    Outcome build(Path project, Bundle bundle) {
        return build(project, bundle, null);
    }

    /** @param before {@code null}, or what may apply the compiled classes before they are packaged */
    Outcome build(Path project, Bundle bundle, BeforePackaging before) {
        String version = nextVersion(bundle.getVersion());
        long started = System.nanoTime();
        return compiler.build(project, compiled -> {
            long compiledAt = System.nanoTime();
            Duration compileTime = Duration.ofNanos(compiledAt - started);
            Duration lockTime = compileTime.minus(compiled.elapsed()).isNegative() ? Duration.ZERO
                    : compileTime.minus(compiled.elapsed());
            if (!compiled.success()) {
                return new Outcome(null, null, compiled.errors(), compileTime, null, compiled.compilerTime(),
                        lockTime, null);
            }
            boolean appliedEarly = before != null && before.apply(compiled, compileTime, lockTime);
            long packing = System.nanoTime();
            PackageResult packed = packager.pack(project, compiled.outputDir(), version);
            Duration packageTime = Duration.ofNanos(System.nanoTime() - packing);
            if (!packed.success()) {
                CompileError error = new CompileError(project.resolve("bnd.bnd"), 0, 0,
                        String.join("; ", packed.errors()));
                return new Outcome(null, null, List.of(error), compileTime, packageTime, compiled.compilerTime(),
                        lockTime, null);
            }
            built(version);
            long packedAt = System.nanoTime();
            byte[] jar = ManifestStamp.with(packed.jar(), SourceDigest.HEADER, SourceDigest.of(project));
            return new Outcome(jar, summary(compiled, packed), List.of(), compileTime, packageTime,
                    compiled.compilerTime(), lockTime, Duration.ofNanos(System.nanoTime() - packedAt), appliedEarly);
        });
    }

    private static String summary(CompileResult compiled, PackageResult packed) {
        return "compiled " + compiled.compiledFiles() + " of " + compiled.sourceFiles() + " source(s), "
                + (packed.analysed() ? "analysed by bnd" : "manifest unchanged");
    }

    /**
     * The installed version with the qualifier {@code hvr<n>}: n counts this runtime's successful builds, and goes on
     * from the installed one's (a build kept from the last run, installed at start, may be {@code hvr7} already). A
     * build that fails leaves the count as it was, so the next one gets the same number.
     */
    synchronized String nextVersion(Version installed) {
        Matcher hvr = HVR_QUALIFIER.matcher(installed.getQualifier());
        String qualifier = installed.getQualifier();
        if (hvr.find()) {
            qualifier = qualifier.substring(0, hvr.start());
            builds = Math.max(builds, Integer.parseInt(hvr.group(2)));
        }
        return new Version(installed.getMajor(), installed.getMinor(), installed.getMicro(),
                (qualifier.isEmpty() ? "" : qualifier + "-") + "hvr" + (builds + 1)).toString();
    }

    /** Counts the build of {@code version}, one {@link #nextVersion} gave, as made. */
    synchronized void built(String version) {
        Matcher hvr = HVR_QUALIFIER.matcher(Version.parseVersion(version).getQualifier());
        if (hvr.find()) {
            builds = Math.max(builds, Integer.parseInt(hvr.group(2)));
        }
    }
}

package dev.relive.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/**
 * Issue 13: the bundle cache under {@code .relive/felix/production} is reused by the next launch, a bundle whose jar
 * changed in the launcher jar is installed again (and the new one runs), a damaged cache is replaced by a fresh
 * install with a line saying so, and a cache that others can write into is not used. SCR keeps the components'
 * metadata beside it, and reads a changed bundle's description again.
 */
class Issue13BundleCacheIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String COUNTER = "bundles/app/dev.relive.examples.counter.jar";
    private static final String TEMPLATE = "dev/relive/examples/counter/CounterView.peb";
    private static final String COMPONENT = "OSGI-INF/dev.relive.examples.counter.CounterView.xml";

    @Test
    void aChangedJarIsInstalledAgainAndADamagedCacheIsReplaced() throws Exception {
        Path dir = folderWithOwnJar("relive-issue13-cache");
        Path jar = dir.resolve("relive.jar");
        try {
            List<String> first = launch(jar, dir, "<h1>Counter</h1>");
            assertThat(first).contains("bundle cache: new").contains("install " + COUNTER);

            List<String> second = launch(jar, dir, "<h1>Counter</h1>");
            assertThat(second).as("the second launch installs nothing").contains("bundle cache: reused")
                    .noneMatch(l -> l.startsWith("install bundles/"));

            rewrite(jar, TEMPLATE, "<h1>Counter</h1>", "<h1>Counter, rebuilt</h1>");
            List<String> changed = launch(jar, dir, "<h1>Counter, rebuilt</h1>");
            assertThat(changed).as("only the changed jar is installed again").contains("bundle cache: reused")
                    .filteredOn(l -> l.startsWith("install bundles/")).containsExactly("install " + COUNTER);

            Path kept = bundleJar(dir.resolve(".relive/felix/production"), "relive:" + COUNTER);
            Files.writeString(kept, "not a jar");
            try (LauncherProcess relive = LauncherProcess.startJar(jar, dir, "--profile-startup")) {
                relive.waitForLog(l -> l.contains("relive: the bundle cache in ")
                        && l.contains("is damaged (" + COUNTER + " is missing): installing the bundles afresh"), START);
                assertThat(steps(relive)).contains("install bundles/core/dev.relive.runtime.jar");
                assertThat(relive.get("/counter").body()).contains("<h1>Counter, rebuilt</h1>");
            }
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void aCacheOthersCanWriteIntoIsNotUsed() throws Exception {
        Path dir = Files.createTempDirectory("relive-issue13-open");
        Files.createDirectories(dir.resolve("deploy"));
        try {
            launch(LauncherProcess.jar(), dir, "<h1>Counter</h1>");
            Path felix = dir.resolve(".relive/felix");
            assertThat(DeployCheck.writableByOthers(felix)).as("created owner-only").isNull();
            Files.setPosixFilePermissions(felix, PosixFilePermissions.fromString("rwxrwxrwx"));
            try (LauncherProcess relive = LauncherProcess.startJar(LauncherProcess.jar(), dir, "--profile-startup")) {
                relive.waitForLog(l -> l.contains("relive: WARNING " + felix + " can be written by others"), START);
                assertThat(steps(relive)).contains("bundle cache: new")
                        .contains("install bundles/core/dev.relive.runtime.jar");
                assertThat(relive.get("/counter").body()).contains("<h1>Counter</h1>");
            }
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    @Test
    void theComponentsMetadataIsKeptAndAChangedDescriptionIsReadAgain() throws Exception {
        Path dir = folderWithOwnJar("relive-issue13-scr");
        Path jar = dir.resolve("relive.jar");
        try {
            launch(jar, dir, "<h1>Counter</h1>");
            // written by SCR as it stops (ds.cache.metadata), read by the next launch instead of the bundles' XML
            try (Stream<Path> files = Files.walk(dir.resolve(".relive/felix/production"))) {
                assertThat(files.map(f -> f.getFileName().toString())).contains("componentMetadataStore");
            }
            launch(jar, dir, "<h1>Counter</h1>");

            rewrite(jar, COMPONENT, "value=\"/counter\"", "value=\"/counter-moved\"");
            try (LauncherProcess relive = LauncherProcess.startJar(jar, dir, "--profile-startup")) {
                assertThat(steps(relive)).as("only the changed jar is installed again")
                        .filteredOn(l -> l.startsWith("install bundles/")).containsExactly("install " + COUNTER);
                assertThat(relive.get("/counter-moved").body()).contains("<h1>Counter</h1>");
                assertThat(relive.get("/counter").statusCode()).isEqualTo(404);
            }
        } finally {
            TestFolders.deleteTree(dir);
        }
    }

    /** A new folder with a copy of the launcher jar, {@code relive.jar}, that the test may rewrite, and a deploy folder. */
    private static Path folderWithOwnJar(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.copy(LauncherProcess.jar(), dir.resolve("relive.jar"));
        Files.createDirectories(dir.resolve("deploy"));
        return dir;
    }

    /** Launches, checks that {@code /counter} shows {@code heading}, stops; returns the start-up profile's steps. */
    private static List<String> launch(Path jar, Path dir, String heading) throws Exception {
        try (LauncherProcess relive = LauncherProcess.startJar(jar, dir, "--profile-startup")) {
            List<String> steps = steps(relive);
            assertThat(relive.get("/counter").body()).contains(heading);
            return steps;
        }
    }

    /** The profile's step names (each line's text after its two figures), once it is printed. */
    private static List<String> steps(LauncherProcess relive) throws InterruptedException {
        relive.waitForOutput(l -> l.endsWith("console started"), START);
        return Arrays.stream(relive.stdout().split("\n"))
                .map(l -> l.replaceFirst("^\\s*\\d+\\s+\\d*\\s+", "").trim()).toList();
    }

    /** Replaces text in an entry of the counter's bundle inside the launcher jar. */
    private static void rewrite(Path launcher, String entry, String from, String to) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(launcher)) {
            Path bundle = zip.getPath(COUNTER);
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(bundle)));
                    ZipOutputStream out = new ZipOutputStream(rewritten)) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] content = in.readAllBytes();
                    if (e.getName().equals(entry)) {
                        String text = new String(content, StandardCharsets.UTF_8);
                        assertThat(text).contains(from);
                        content = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            Files.write(bundle, rewritten.toByteArray());
        }
    }

    /** The jar Felix keeps for the bundle installed from {@code location}: one, the replaced one's removed. */
    /**
     * The build stores the embedded bundles' entries uncompressed (the launcher jar compresses each bundle jar as a
     * whole), so that the bundle cache, which keeps each jar as installed, reads classes without inflating them. The
     * cluster's bundles are left as they are (Hazelcast's would be four times larger to install).
     */
    @Test
    void theEmbeddedBundlesAreStoredUncompressed() throws IOException {
        List<String> bundles = new ArrayList<>();
        try (ZipInputStream launcher = new ZipInputStream(Files.newInputStream(LauncherProcess.jar()))) {
            for (ZipEntry outer; (outer = launcher.getNextEntry()) != null;) {
                if (!outer.getName().startsWith("bundles/") || !outer.getName().endsWith(".jar")
                        || outer.getName().startsWith("bundles/cluster/")) {
                    continue;
                }
                bundles.add(outer.getName());
                List<String> names = new ArrayList<>();
                ZipInputStream bundle = new ZipInputStream(new ByteArrayInputStream(launcher.readAllBytes()));
                for (ZipEntry inner; (inner = bundle.getNextEntry()) != null;) {
                    assertThat(inner.getMethod()).as(outer.getName() + " " + inner.getName())
                            .isEqualTo(ZipEntry.STORED);
                    names.add(inner.getName());
                }
                assertThat(names).as(outer.getName() + ": the manifest stays where jar readers look for it")
                        .filteredOn(n -> !n.equals("META-INF/")).first().isEqualTo("META-INF/MANIFEST.MF");
            }
        }
        assertThat(bundles).contains("bundles/core/dev.relive.runtime.jar", COUNTER);
    }

    private static Path bundleJar(Path storage, String location) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(storage)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path info = d.resolve("bundle.info");
                if (Files.isRegularFile(info) && Files.readAllLines(info).contains(location)) {
                    found.add(d.resolve("version0.0/bundle.jar"));
                }
            }
        }
        assertThat(found).as("bundles kept from " + location).hasSize(1);
        assertThat(found.get(0)).isRegularFile();
        return found.get(0);
    }
}

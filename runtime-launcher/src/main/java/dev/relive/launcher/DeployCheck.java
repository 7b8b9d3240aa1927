package dev.relive.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Reports jars in the deploy folder that are not bundles (FileInstall skips them without a word), and bundles there
 * that the launcher jar packs too (the two copies clash):
 * one line per file and modification, naming the file and what is wrong with it. Warns once when others can write
 * into the folder, since whatever lands there runs inside the runtime.
 */
final class DeployCheck implements Runnable {

    private final Path deploy;
    /** The symbolic names of the bundles the launcher jar packs. */
    private final Set<String> packed;
    private final Map<Path, Long> seen = new HashMap<>();

    private DeployCheck(Path deploy, Set<String> packed) {
        this.deploy = deploy;
        this.packed = packed;
    }

    static ScheduledExecutorService start(Path deploy, Set<String> packed) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relive-deploy-check");
            t.setDaemon(true);
            return t;
        });
        String writable = writableByOthers(deploy);
        if (writable != null) {
            System.err.println("relive: deploy: WARNING " + deploy + " can be written by others (mode " + writable
                    + "): anyone who can write there can run code in this runtime; restrict it with chmod go-w");
        }
        timer.scheduleWithFixedDelay(new DeployCheck(deploy, Set.copyOf(packed)), 0, 250, TimeUnit.MILLISECONDS);
        return timer;
    }

    /** The folder's mode when group or others may write into it, else {@code null}. */
    static String writableByOthers(Path folder) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
            boolean others = perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE);
            return others ? PosixFilePermissions.toString(perms) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public void run() {
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(deploy, "*.jar")) {
            for (Path jar : jars) {
                present.add(jar);
                long modified = Files.getLastModifiedTime(jar).toMillis();
                Long before = seen.put(jar, modified);
                if (before == null || before != modified) {
                    report(jar);
                }
            }
        } catch (IOException e) {
            // folder removed or unreadable; try again on the next tick
        }
        seen.keySet().retainAll(present);
    }

    /** What is wrong with {@code jar}, from one read of its manifest: not a bundle, or one the launcher packs. */
    private void report(Path jar) {
        String name;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                notABundle(jar, "no META-INF/MANIFEST.MF");
                return;
            }
            name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        } catch (IOException e) {
            notABundle(jar, "not a readable jar: " + e.getMessage());
            return;
        }
        if (name == null) {
            notABundle(jar, "no Bundle-SymbolicName in its manifest");
            return;
        }
        String symbolicName = name.split(";", 2)[0].trim();
        if (packed.contains(symbolicName)) {
            System.err.println("relive: deploy: WARNING " + jar.getFileName() + " holds " + symbolicName + ", which "
                    + "the launcher jar packs too: the two copies clash (each route is served by one of them, which may "
                    + "run the older code, and the other's view is refused; or the second is not installed at all when "
                    + "its version is the same); delete "
                    + jar + " (hvr:install writes a bundle there until the application packs it)");
        }
    }

    private static void notABundle(Path jar, String problem) {
        System.err.println("relive: deploy: " + jar.getFileName() + " is not a bundle (" + problem + "); ignored");
    }
}

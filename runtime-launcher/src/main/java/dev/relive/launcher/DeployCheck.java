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
                    String problem = problem(jar);
                    if (problem != null) {
                        System.err.println("relive: deploy: " + jar.getFileName() + " is not a bundle (" + problem
                                + "); ignored");
                    } else {
                        warnIfPacked(jar);
                    }
                }
            }
        } catch (IOException e) {
            // folder removed or unreadable; try again on the next tick
        }
        seen.keySet().retainAll(present);
    }

    private void warnIfPacked(Path jar) {
        String name = symbolicName(jar);
        if (name != null && packed.contains(name)) {
            System.err.println("relive: deploy: WARNING " + jar.getFileName() + " holds " + name + ", which the "
                    + "launcher jar packs too: the two copies clash (the views of the one that starts second are "
                    + "refused for their routes, or it is not installed at all when its version is the same); delete "
                    + jar + " (hvr:install writes a bundle there until the application packs it)");
        }
    }

    /** The jar's Bundle-SymbolicName without its directives, or null. */
    static String symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? null : name.split(";", 2)[0].trim();
        } catch (IOException e) {
            return null;
        }
    }

    static String problem(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return "no META-INF/MANIFEST.MF";
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "no Bundle-SymbolicName in its manifest";
            }
            return null;
        } catch (IOException e) {
            return "not a readable jar: " + e.getMessage();
        }
    }
}

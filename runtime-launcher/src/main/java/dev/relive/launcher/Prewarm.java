package dev.relive.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;

/**
 * Work of the JDK's that the launch's longest paths would otherwise do themselves, done beforehand on the core that
 * the framework's initialisation leaves idle (Felix reads the kept bundles' manifests on one thread):
 * <ul>
 * <li>the kept bundles' jars are opened, so that when Felix opens each one the JDK hands it the central directory
 * already read (the JDK shares one open zip between all who open the same file);</li>
 * <li>the list of the JDK's locales (Jetty's {@code MimeTypes} asks for it when Jetty starts; the JDK keeps it once
 * made) and the SAX parser (SCR reads every component description with it) are made.</li>
 * </ul>
 * Nothing here changes what the launch does or what it gets, only who pays for it first; a failure here is ignored
 * (the launch then does the work itself).
 */
final class Prewarm {

    private final List<ZipFile> opened = new ArrayList<>();

    private Prewarm() {
    }

    /** Starts making the locale list and the SAX parser on a daemon thread. */
    static void startJdk() {
        daemon("relive-prewarm-jdk", () -> {
            Locale.getAvailableLocales();
            try {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.newSAXParser();
            } catch (ParserConfigurationException | SAXException | RuntimeException e) {
                // SCR makes its own parser and reports what fails there
            }
        });
    }

    /**
     * Starts opening the bundle jars kept in {@code storage} (Felix's {@code bundleN/versionM/bundle.jar}), in bundle
     * order, on a daemon thread; they stay open until {@link #release()}.
     */
    static Prewarm openKeptBundles(Path storage) {
        Prewarm prewarm = new Prewarm();
        daemon("relive-prewarm-bundles", () -> prewarm.open(storage));
        return prewarm;
    }

    /** Closes the jars opened here; Felix's own opens of them stay open. */
    void release() {
        synchronized (opened) {
            for (ZipFile zip : opened) {
                try {
                    zip.close();
                } catch (IOException e) {
                    // nothing held by this class depends on it
                }
            }
            opened.clear();
        }
    }

    private void open(Path storage) {
        for (Path jar : keptJars(storage)) {
            try {
                ZipFile zip = new ZipFile(jar.toFile());
                synchronized (opened) {
                    opened.add(zip);
                }
            } catch (IOException e) {
                // Felix reports a damaged cache itself
            }
        }
    }

    private static List<Path> keptJars(Path storage) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path bundle : bundles) {
                try (DirectoryStream<Path> revisions = Files.newDirectoryStream(bundle, "version*")) {
                    for (Path revision : revisions) {
                        Path jar = revision.resolve("bundle.jar");
                        if (Files.isRegularFile(jar)) {
                            jars.add(jar);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return jars;
        }
        jars.sort((a, b) -> Long.compare(bundleId(a), bundleId(b)));
        return jars;
    }

    private static long bundleId(Path jar) {
        String name = jar.getParent().getParent().getFileName().toString().substring("bundle".length());
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // see the class's contract: the launch does the work itself
            }
        }, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }
}

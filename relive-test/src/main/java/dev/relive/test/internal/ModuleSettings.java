package dev.relive.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * What every {@code @ReliveTest} class of a module shares, from {@value #FILE} on its test class path
 * ({@code src/test/resources}): {@code classPathBundles}, symbolic names separated by commas, installed besides those
 * a class names itself.
 */
public final class ModuleSettings {

    public static final String FILE = "relive-test.properties";

    private ModuleSettings() {
    }

    /** The module's bundle names, then the class's, each once. */
    public static List<String> classPathBundles(List<String> ofTheClass) {
        Set<String> names = new LinkedHashSet<>(parse(read()));
        names.addAll(ofTheClass);
        return new ArrayList<>(names);
    }

    /** The names the file's {@code classPathBundles} lists. */
    static List<String> parse(String properties) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(properties));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>();
        for (String name : p.getProperty("classPathBundles", "").split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static String read() {
        URL file = ModuleSettings.class.getClassLoader().getResource(FILE);
        if (file == null) {
            return "";
        }
        try (InputStream in = file.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}

package dev.relive.hvr.internal.build;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The classes a class file refers to (internal names), gathered from its class entries and descriptors. */
final class ClassReferences {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;<>\\[\\]:.\\s]+)[;<]");

    private final Set<String> names = new TreeSet<>();

    Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    void addClassName(String className) {
        if (className.startsWith("[")) {
            addDescriptor(className);
        } else {
            names.add(className);
        }
    }

    void addDescriptor(String descriptor) {
        if (descriptor.indexOf(';') < 0) {
            return;
        }
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            names.add(m.group(1));
        }
    }
}

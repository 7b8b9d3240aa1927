package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the classes a class file refers to from its constant pool: {@code CONSTANT_Class} entries, and class names
 * inside descriptors and signatures ({@code Lname;} in any UTF-8 entry that is not a string literal), which also
 * covers field types, method signatures, generic arguments and annotation types. Names are internal
 * ({@code a/b/C$D}). It may over-approximate, never under.
 */
final class ClassReferences {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;<>\\[\\]:.\\s]+)[;<]");

    private ClassReferences() {
    }

    static Set<String> of(byte[] classFile) {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(classFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("not a class file", e);
        }
    }

    /** The package names (dotted) of the classes referred to. */
    static Set<String> packagesOf(byte[] classFile) {
        Set<String> packages = new TreeSet<>();
        for (String name : of(classFile)) {
            int slash = name.lastIndexOf('/');
            packages.add(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'));
        }
        return packages;
    }

    private static Set<String> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        BitSet classNames = new BitSet(count);
        BitSet literals = new BitSet(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.set(in.readUnsignedShort());
                case 8 -> literals.set(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null) {
                continue;
            }
            if (classNames.get(i)) {
                addClassName(utf8[i], names);
            } else if (!literals.get(i)) {
                Matcher m = DESCRIPTOR_CLASS.matcher(utf8[i]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static void addClassName(String name, Set<String> names) {
        if (name.startsWith("[")) {
            Matcher m = DESCRIPTOR_CLASS.matcher(name);
            while (m.find()) {
                names.add(m.group(1));
            }
        } else {
            names.add(name);
        }
    }
}

package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class file without its method bodies: what other classes compile against, and what bnd reads to write the
 * manifest and the component descriptions. Two keys are derived from it:
 * <ul>
 * <li>{@link #apiKey()}: everything another source file can see: the class's modifiers, supertypes, generic
 * signature, annotations, nesting, permitted subclasses, record components and its non-private fields (with their
 * constant values, which the compiler inlines into other classes) and methods. Equal keys mean classes compiled
 * against the old version need no recompiling.
 * <li>{@link #bndKey()}: the API key plus the private members and their annotations (DS reads {@code @Reference} and
 * {@code @Activate} on private members) and the string literals shaped like class names (bnd follows
 * {@code Class.forName("a.b.C")}). With equal keys and equal {@link #referencedPackages()} (bnd's imports), bnd writes
 * the same manifest and XML for the class. {@link #bndCoreKey()} is the part of it that matters for most classes.
 * </ul>
 * Both ignore method bodies, line numbers and string literals in code, so an edit inside a method changes neither.
 */
public final class ClassOutline {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;<>\\[\\]:.\\s]+)[;<]");
    private static final Pattern DOTTED_CLASS_NAME =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");
    private static final int ACC_PRIVATE = 0x0002;
    private static final String DS_REFERENCE = "@Lorg/osgi/service/component/annotations/Reference;";
    private static final String METATYPE_DEFINITION = "@Lorg/osgi/service/metatype/annotations/ObjectClassDefinition;";

    private final String name;
    private final String sourceFile;
    private final boolean localOrAnonymous;
    private final List<String> supertypes;
    private final Set<String> references;
    private final String constants;
    private final String apiKey;
    private final String bndKey;
    private final String bndCoreKey;
    private final boolean referenceMethods;
    private final boolean metatypeDefinition;

    private ClassOutline(String name, String sourceFile, boolean localOrAnonymous, List<String> supertypes,
            Set<String> references, String constants, String apiKey, String bndKey, String bndCoreKey,
            boolean referenceMethods, boolean metatypeDefinition) {
        this.name = name;
        this.sourceFile = sourceFile;
        this.localOrAnonymous = localOrAnonymous;
        this.supertypes = supertypes;
        this.references = references;
        this.constants = constants;
        this.apiKey = apiKey;
        this.bndKey = bndKey;
        this.bndCoreKey = bndCoreKey;
        this.referenceMethods = referenceMethods;
        this.metatypeDefinition = metatypeDefinition;
    }

    /** @throws UncheckedIOException when the bytes are not a class file */
    public static ClassOutline of(byte[] classFile) {
        try {
            return new Reader(new DataInputStream(new ByteArrayInputStream(classFile))).read();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("not a class file", e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** The internal name, e.g. {@code a/b/View$1}. */
    public String name() {
        return name;
    }

    /**
     * The source file the class was compiled from, relative to the source root ({@code a/b/View.java}), or
     * {@code null} when the class file does not say.
     */
    public String sourcePath() {
        if (sourceFile == null) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? sourceFile : name.substring(0, slash + 1) + sourceFile;
    }

    /** A local or anonymous class: no other source file can refer to it. */
    public boolean localOrAnonymous() {
        return localOrAnonymous;
    }

    /** The superclass and the interfaces (internal names). */
    public List<String> supertypes() {
        return supertypes;
    }

    /** Every class referred to, in signatures, annotations or code (internal names; it may over-approximate). */
    public Set<String> references() {
        return references;
    }

    /** The packages (dotted) of the classes referred to. */
    public Set<String> referencedPackages() {
        Set<String> packages = new TreeSet<>();
        packagesOf(references).forEach(p -> packages.add(p.replace('/', '.')));
        return packages;
    }

    /** The packages (internal form, {@code a/b}) of {@code types}. */
    private static Set<String> packagesOf(Set<String> types) {
        Set<String> packages = new TreeSet<>();
        for (String type : types) {
            int slash = type.lastIndexOf('/');
            packages.add(slash < 0 ? "" : type.substring(0, slash));
        }
        return packages;
    }

    /**
     * The non-private constant fields with their values ({@code name=value;...}): other classes hold copies of these
     * values, not references to them.
     */
    public String constants() {
        return constants;
    }

    public String apiKey() {
        return apiKey;
    }

    public String bndKey() {
        return bndKey;
    }

    /**
     * What bnd reads of a class in a package the bundle does not export, when no class of the bundle has a DS
     * {@code @Reference} method: the class's header, signature and annotations, the members that carry annotations of
     * class retention (DS, metatype and bundle annotations are of that retention) and the literals shaped like class
     * names. Members without such annotations are left out: bnd's manifest and component
     * XML do not depend on them (imports come from {@link #referencedPackages()}), except through DS's naming rules for the unbind and updated methods of a
     * {@code @Reference} method (see {@link #hasReferenceMethods()}), the attributes of a metatype definition and the
     * {@code uses:} directives of exported packages.
     */
    public String bndCoreKey() {
        return bndCoreKey;
    }

    /**
     * The class has a DS {@code @Reference} method, whose unbind and updated methods bnd finds by name, in this class
     * or another: bnd's output then depends on the members of every class of the bundle.
     */
    public boolean hasReferenceMethods() {
        return referenceMethods;
    }

    /** The class is a metatype {@code @ObjectClassDefinition}: its methods are the attributes bnd describes. */
    public boolean isMetatypeDefinition() {
        return metatypeDefinition;
    }

    /** Reads one class file; not reusable. */
    private static final class Reader {

        private final DataInputStream in;
        private int[] tags;
        private String[] utf8;
        private int[] first;
        private int[] second;
        private String[] values;
        private final Set<String> referenced = new TreeSet<>();
        private final StringBuilder api = new StringBuilder(512);
        private final StringBuilder hidden = new StringBuilder(256);
        private final List<String> supertypes = new ArrayList<>();
        private String sourceFile;
        private boolean localOrAnonymous;
        private final StringBuilder constants = new StringBuilder();
        /** The class header and annotations, and the members carrying annotations of class retention. */
        private final StringBuilder core = new StringBuilder(256);
        private String member;
        private boolean invisibleAnnotations;
        private boolean referenceMethods;
        private boolean annotatedReference;
        private boolean constantsTo; // the member being read is visible to other classes

        Reader(DataInputStream in) {
            this.in = in;
        }

        ClassOutline read() throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("bad magic number");
            }
            in.readUnsignedShort();
            api.append("v").append(in.readUnsignedShort());
            readConstantPool();
            int access = in.readUnsignedShort();
            String name = className(in.readUnsignedShort());
            int superIndex = in.readUnsignedShort();
            api.append(" class ").append(Integer.toHexString(access)).append(' ').append(name).append(" extends ")
                    .append(superIndex == 0 ? "-" : className(superIndex)).append(" implements");
            if (superIndex != 0) {
                supertypes.add(className(superIndex));
            }
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                String type = className(in.readUnsignedShort());
                supertypes.add(type);
                api.append(' ').append(type);
            }
            core.append(api);
            readMembers("field");
            readMembers("method");
            api.append("\n");
            readAttributes(api, name);
            for (int i = 1; i < tags.length; i++) {
                switch (tags[i]) {
                    case 7 -> addClassName(utf8[first[i]]);
                    case 12 -> addDescriptor(utf8[second[i]]);
                    case 16 -> addDescriptor(utf8[first[i]]);
                    case 8 -> {
                        String literal = utf8[first[i]];
                        if (literal.length() < 200 && DOTTED_CLASS_NAME.matcher(literal).matches()) {
                            hidden.append("literal ").append(literal).append('\n');
                            core.append("\nliteral ").append(literal);
                        }
                    }
                    default -> {
                        // other entries are reached through the ones above
                    }
                }
            }
            String apiKey = api.toString();
            String bndKey = apiKey + hidden;
            String coreText = core.toString();
            return new ClassOutline(name, sourceFile, localOrAnonymous, List.copyOf(supertypes),
                    Collections.unmodifiableSet(referenced), constants.toString(), apiKey, bndKey, coreText,
                    referenceMethods, coreText.contains(METATYPE_DEFINITION));
        }

        private void readConstantPool() throws IOException {
            int count = in.readUnsignedShort();
            tags = new int[count];
            utf8 = new String[count];
            first = new int[count];
            second = new int[count];
            values = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3 -> values[i] = "I" + in.readInt();
                    case 4 -> values[i] = "F" + Float.intBitsToFloat(in.readInt());
                    case 5 -> {
                        values[i] = "J" + in.readLong();
                        i++;
                    }
                    case 6 -> {
                        values[i] = "D" + Double.longBitsToDouble(in.readLong());
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 15 -> {
                        first[i] = in.readUnsignedByte();
                        second[i] = in.readUnsignedShort();
                    }
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
        }

        private void readMembers(String kind) throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                int access = in.readUnsignedShort();
                String memberName = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                addDescriptor(descriptor);
                boolean visible = (access & ACC_PRIVATE) == 0;
                member = memberName;
                StringBuilder text = new StringBuilder(64);
                text.append('\n').append(kind).append(' ').append(Integer.toHexString(access)).append(' ')
                        .append(memberName).append(' ').append(descriptor);
                invisibleAnnotations = false;
                annotatedReference = false;
                constantsTo = visible;
                readAttributes(text, null);
                (visible ? api : hidden).append(text);
                if (invisibleAnnotations) {
                    core.append(text);
                    referenceMethods |= kind.equals("method") && annotatedReference;
                }
            }
        }

        /** Reads an attribute table into {@code out}; {@code className} is set for the class's own table. */
        private void readAttributes(StringBuilder out, String className) throws IOException {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                switch (attribute) {
                    case "ConstantValue" -> {
                        String value = constant(in.readUnsignedShort());
                        if (constantsTo) {
                            constants.append(member).append('=').append(value).append(';');
                        }
                        out.append(" = ").append(value);
                    }
                    case "Signature" -> {
                        String signature = utf8[in.readUnsignedShort()];
                        addDescriptor(signature);
                        out.append(" signature ").append(signature);
                        if (className != null) {
                            core.append(" signature ").append(signature);
                        }
                    }
                    case "NestMembers" -> {
                        // nestmates share private access and are all declared in the same source file
                        hidden.append(" NestMembers");
                        int n = in.readUnsignedShort();
                        for (int k = 0; k < n; k++) {
                            hidden.append(' ').append(className(in.readUnsignedShort()));
                        }
                    }
                    case "Exceptions", "PermittedSubclasses" -> {
                        out.append(' ').append(attribute);
                        int n = in.readUnsignedShort();
                        for (int k = 0; k < n; k++) {
                            out.append(' ').append(className(in.readUnsignedShort()));
                        }
                    }
                    case "NestHost" -> hidden.append(" NestHost ").append(className(in.readUnsignedShort()));
                    case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> {
                        int from = out.length();
                        out.append(' ').append(attribute).append(' ');
                        annotations(out);
                        noteAnnotations(attribute, out, from, className);
                    }
                    case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
                        int from = out.length();
                        out.append(' ').append(attribute);
                        int parameters = in.readUnsignedByte();
                        for (int p = 0; p < parameters; p++) {
                            out.append(" [");
                            annotations(out);
                            out.append(']');
                        }
                        noteAnnotations(attribute, out, from, className);
                    }
                    case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" -> {
                        int from = out.length();
                        out.append(' ').append(attribute);
                        typeAnnotations(out);
                        noteAnnotations(attribute, out, from, className);
                    }
                    case "AnnotationDefault" -> {
                        out.append(" default ");
                        elementValue(out);
                    }
                    case "MethodParameters" -> {
                        out.append(" parameters");
                        int n = in.readUnsignedByte();
                        for (int k = 0; k < n; k++) {
                            int nameIndex = in.readUnsignedShort();
                            out.append(' ').append(nameIndex == 0 ? "-" : utf8[nameIndex]).append(':')
                                    .append(Integer.toHexString(in.readUnsignedShort()));
                        }
                    }
                    case "InnerClasses" -> innerClasses(out, className);
                    case "EnclosingMethod" -> {
                        out.append(" EnclosingMethod ").append(className(in.readUnsignedShort()));
                        int method = in.readUnsignedShort();
                        if (method != 0) {
                            out.append('.').append(utf8[first[method]]).append(utf8[second[method]]);
                        }
                    }
                    case "Record" -> {
                        out.append(" Record");
                        int n = in.readUnsignedShort();
                        for (int k = 0; k < n; k++) {
                            String component = utf8[in.readUnsignedShort()];
                            String descriptor = utf8[in.readUnsignedShort()];
                            addDescriptor(descriptor);
                            out.append("\ncomponent ").append(component).append(' ').append(descriptor);
                            readAttributes(out, null);
                        }
                    }
                    case "SourceFile" -> {
                        if (className != null) {
                            sourceFile = utf8[in.readUnsignedShort()];
                        } else {
                            in.skipBytes(2);
                        }
                    }
                    case "Deprecated", "Synthetic" -> out.append(' ').append(attribute);
                    default -> in.skipNBytes(length); // Code, BootstrapMethods, debug tables: bodies only
                }
            }
        }

        /**
         * Notes annotations just read into {@code out} from {@code from}: the class's own go into the core key, and
         * a member's of class retention (DS, metatype, bundle annotations) put the member into it.
         */
        private void noteAnnotations(String attribute, StringBuilder out, int from, String className) {
            if (className != null) {
                core.append(out, from, out.length());
            } else if (attribute.startsWith("RuntimeInvisible")) {
                invisibleAnnotations = true;
                // on the member itself; a constructor parameter's @Reference (injection) names no other method
                annotatedReference |= attribute.equals("RuntimeInvisibleAnnotations")
                        && out.indexOf(DS_REFERENCE, from) >= 0;
            }
        }

        private void innerClasses(StringBuilder out, String className) throws IOException {
            out.append(" InnerClasses");
            int n = in.readUnsignedShort();
            for (int k = 0; k < n; k++) {
                int inner = in.readUnsignedShort();
                int outer = in.readUnsignedShort();
                int innerName = in.readUnsignedShort();
                int flags = in.readUnsignedShort();
                String innerClass = className(inner);
                boolean nameless = outer == 0 || innerName == 0;
                if (innerClass.equals(className) && nameless) {
                    localOrAnonymous = true;
                }
                // local, anonymous and private nested classes are invisible outside their source file
                StringBuilder to = nameless || (flags & ACC_PRIVATE) != 0 ? hidden : out;
                to.append(' ').append(innerClass).append(':').append(outer == 0 ? "-" : className(outer))
                        .append(':').append(innerName == 0 ? "-" : utf8[innerName]).append(':')
                        .append(Integer.toHexString(flags));
            }
        }

        private void annotations(StringBuilder out) throws IOException {
            int n = in.readUnsignedShort();
            for (int k = 0; k < n; k++) {
                annotation(out);
            }
        }

        private void annotation(StringBuilder out) throws IOException {
            String type = utf8[in.readUnsignedShort()];
            addDescriptor(type);
            out.append('@').append(type).append('(');
            int pairs = in.readUnsignedShort();
            for (int p = 0; p < pairs; p++) {
                out.append(utf8[in.readUnsignedShort()]).append('=');
                elementValue(out);
                out.append(',');
            }
            out.append(')');
        }

        private void elementValue(StringBuilder out) throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z' -> out.append(constant(in.readUnsignedShort()));
                case 's' -> out.append('"').append(utf8[in.readUnsignedShort()]).append('"');
                case 'e' -> {
                    String type = utf8[in.readUnsignedShort()];
                    addDescriptor(type);
                    out.append(type).append('.').append(utf8[in.readUnsignedShort()]);
                }
                case 'c' -> {
                    String type = utf8[in.readUnsignedShort()];
                    addDescriptor(type);
                    out.append(type).append(".class");
                }
                case '@' -> annotation(out);
                case '[' -> {
                    int n = in.readUnsignedShort();
                    out.append('{');
                    for (int k = 0; k < n; k++) {
                        elementValue(out);
                        out.append(',');
                    }
                    out.append('}');
                }
                default -> throw new IOException("unknown element value tag " + tag);
            }
        }

        private void typeAnnotations(StringBuilder out) throws IOException {
            int n = in.readUnsignedShort();
            for (int k = 0; k < n; k++) {
                int target = in.readUnsignedByte();
                out.append(" t").append(Integer.toHexString(target)).append(':');
                switch (target) {
                    case 0x00, 0x01, 0x16 -> out.append(in.readUnsignedByte());
                    case 0x10, 0x17, 0x42, 0x43, 0x44, 0x45, 0x46 -> out.append(in.readUnsignedShort());
                    case 0x11, 0x12 -> out.append(in.readUnsignedByte()).append('.').append(in.readUnsignedByte());
                    case 0x13, 0x14, 0x15 -> {
                        // empty target
                    }
                    case 0x40, 0x41 -> {
                        int entries = in.readUnsignedShort();
                        in.skipNBytes(6L * entries);
                    }
                    case 0x47, 0x48, 0x49, 0x4A, 0x4B -> {
                        in.readUnsignedShort();
                        out.append(in.readUnsignedByte());
                    }
                    default -> throw new IOException("unknown type annotation target " + target);
                }
                int path = in.readUnsignedByte();
                for (int p = 0; p < path; p++) {
                    out.append('/').append(in.readUnsignedByte()).append('.').append(in.readUnsignedByte());
                }
                annotation(out);
            }
        }

        private String className(int index) {
            return utf8[first[index]];
        }

        private String constant(int index) {
            return tags[index] == 8 ? '"' + utf8[first[index]] + '"' : values[index];
        }

        private void addClassName(String className) {
            if (className.startsWith("[")) {
                addDescriptor(className);
            } else {
                referenced.add(className);
            }
        }

        private void addDescriptor(String descriptor) {
            if (descriptor.indexOf(';') < 0) {
                return;
            }
            Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
    }
}

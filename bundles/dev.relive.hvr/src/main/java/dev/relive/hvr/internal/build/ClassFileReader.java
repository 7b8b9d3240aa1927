package dev.relive.hvr.internal.build;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads one class file into a {@link ClassOutline}; not reusable. */
final class ClassFileReader {

    private static final Pattern DOTTED_CLASS_NAME =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");
    private static final int ACC_PRIVATE = 0x0002;
    private static final String DS_REFERENCE = "@Lorg/osgi/service/component/annotations/Reference;";
    private static final String METATYPE_DEFINITION = "@Lorg/osgi/service/metatype/annotations/ObjectClassDefinition;";

    private final DataInputStream in;
    private ConstantPool pool;
    private AnnotationText annotationText;
    private final ClassReferences references = new ClassReferences();
    private final StringBuilder api = new StringBuilder(512);
    private final StringBuilder hidden = new StringBuilder(256);
    private final List<String> supertypes = new ArrayList<>();
    private String sourceFile;
    private String staticInit = "";
    /** Where each attribute of the table being read starts in its text, when recorded for the shape key. */
    private List<Integer> attributeStarts;
    private final List<String> memberShapes = new ArrayList<>();
    private boolean localOrAnonymous;
    private final StringBuilder constants = new StringBuilder();
    /** The class header and annotations, and the members carrying annotations of class retention. */
    private final StringBuilder core = new StringBuilder(256);
    private String member;
    private boolean invisibleAnnotations;
    private boolean referenceMethods;
    private boolean annotatedReference;
    private boolean constantsTo; // the member being read is visible to other classes

    ClassFileReader(DataInputStream in) {
        this.in = in;
    }

    ClassOutline read() throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort();
        api.append("v").append(in.readUnsignedShort());
        pool = ConstantPool.read(in);
        annotationText = new AnnotationText(in, pool, references);
        int access = in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        api.append(" class ").append(Integer.toHexString(access)).append(' ').append(name).append(" extends ")
                .append(superIndex == 0 ? "-" : pool.className(superIndex)).append(" implements");
        if (superIndex != 0) {
            supertypes.add(pool.className(superIndex));
        }
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            String type = pool.className(in.readUnsignedShort());
            supertypes.add(type);
            api.append(' ').append(type);
        }
        core.append(api);
        String header = api.toString();
        readMembers("field");
        readMembers("method");
        api.append("\n");
        int classAttributes = api.length();
        int hiddenBefore = hidden.length();
        List<Integer> classStarts = new ArrayList<>();
        attributeStarts = classStarts;
        readAttributes(api, name);
        String classShape = sortedSegments(api, classAttributes, classStarts) + " |"
                + sortedTokens(hidden.substring(hiddenBefore));
        for (int i = 1; i < pool.size(); i++) {
            switch (pool.tag(i)) {
                case 7 -> references.addClassName(pool.utf8(pool.first(i)));
                case 12 -> references.addDescriptor(pool.utf8(pool.second(i)));
                case 16 -> references.addDescriptor(pool.utf8(pool.first(i)));
                case 8 -> {
                    String literal = pool.utf8(pool.first(i));
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
        java.util.Collections.sort(memberShapes);
        String shapeKey = header + String.join("", memberShapes) + "\n" + classShape;
        String coreText = core.toString();
        return new ClassOutline(name, sourceFile, localOrAnonymous, List.copyOf(supertypes),
                references.names(), constants.toString(), apiKey, bndKey, coreText,
                referenceMethods, coreText.contains(METATYPE_DEFINITION), staticInit, shapeKey);
    }

    private void readMembers(String kind) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            int access = in.readUnsignedShort();
            String memberName = pool.utf8(in.readUnsignedShort());
            String descriptor = pool.utf8(in.readUnsignedShort());
            references.addDescriptor(descriptor);
            boolean visible = (access & ACC_PRIVATE) == 0;
            member = memberName;
            StringBuilder text = new StringBuilder(64);
            text.append('\n').append(kind).append(' ').append(Integer.toHexString(access)).append(' ')
                    .append(memberName).append(' ').append(descriptor);
            invisibleAnnotations = false;
            annotatedReference = false;
            constantsTo = visible;
            int attributes = text.length();
            List<Integer> starts = new ArrayList<>();
            attributeStarts = starts;
            readAttributes(text, null);
            memberShapes.add(text.substring(0, attributes) + sortedSegments(text, attributes, starts));
            (visible ? api : hidden).append(text);
            if (invisibleAnnotations) {
                core.append(text);
                referenceMethods |= kind.equals("method") && annotatedReference;
            }
        }
    }

    /** Reads an attribute table into {@code out}; {@code className} is set for the class's own table. */
    private void readAttributes(StringBuilder out, String className) throws IOException {
        List<Integer> starts = attributeStarts;
        attributeStarts = null; // a record component's own attributes are part of the Record attribute's text
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            if (starts != null) {
                starts.add(out.length());
            }
            String attribute = pool.utf8(in.readUnsignedShort());
            int length = in.readInt();
            switch (attribute) {
                case "ConstantValue" -> {
                    String value = pool.constant(in.readUnsignedShort());
                    if (constantsTo) {
                        constants.append(member).append('=').append(value).append(';');
                    }
                    out.append(" = ").append(value);
                }
                case "Signature" -> {
                    String signature = pool.utf8(in.readUnsignedShort());
                    references.addDescriptor(signature);
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
                        hidden.append(' ').append(pool.className(in.readUnsignedShort()));
                    }
                }
                case "Exceptions", "PermittedSubclasses" -> {
                    out.append(' ').append(attribute);
                    int n = in.readUnsignedShort();
                    for (int k = 0; k < n; k++) {
                        out.append(' ').append(pool.className(in.readUnsignedShort()));
                    }
                }
                case "NestHost" -> hidden.append(" NestHost ").append(pool.className(in.readUnsignedShort()));
                case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> {
                    int from = out.length();
                    out.append(' ').append(attribute).append(' ');
                    annotationText.annotations(out);
                    noteAnnotations(attribute, out, from, className);
                }
                case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
                    int from = out.length();
                    out.append(' ').append(attribute);
                    int parameters = in.readUnsignedByte();
                    for (int p = 0; p < parameters; p++) {
                        out.append(" [");
                        annotationText.annotations(out);
                        out.append(']');
                    }
                    noteAnnotations(attribute, out, from, className);
                }
                case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" -> {
                    int from = out.length();
                    out.append(' ').append(attribute);
                    annotationText.typeAnnotations(out);
                    noteAnnotations(attribute, out, from, className);
                }
                case "AnnotationDefault" -> {
                    out.append(" default ");
                    annotationText.elementValue(out);
                }
                case "MethodParameters" -> {
                    out.append(" parameters");
                    int n = in.readUnsignedByte();
                    for (int k = 0; k < n; k++) {
                        int nameIndex = in.readUnsignedShort();
                        out.append(' ').append(nameIndex == 0 ? "-" : pool.utf8(nameIndex)).append(':')
                                .append(Integer.toHexString(in.readUnsignedShort()));
                    }
                }
                case "InnerClasses" -> innerClasses(out, className);
                case "EnclosingMethod" -> {
                    out.append(" EnclosingMethod ").append(pool.className(in.readUnsignedShort()));
                    int method = in.readUnsignedShort();
                    if (method != 0) {
                        out.append('.').append(pool.utf8(pool.first(method))).append(pool.utf8(pool.second(method)));
                    }
                }
                case "Record" -> {
                    out.append(" Record");
                    int n = in.readUnsignedShort();
                    for (int k = 0; k < n; k++) {
                        String component = pool.utf8(in.readUnsignedShort());
                        String descriptor = pool.utf8(in.readUnsignedShort());
                        references.addDescriptor(descriptor);
                        out.append("\ncomponent ").append(component).append(' ').append(descriptor);
                        readAttributes(out, null);
                    }
                }
                case "SourceFile" -> {
                    if (className != null) {
                        sourceFile = pool.utf8(in.readUnsignedShort());
                    } else {
                        in.skipBytes(2);
                    }
                }
                case "Deprecated", "Synthetic" -> out.append(' ').append(attribute);
                case "Code" -> {
                    if ("<clinit>".equals(member)) {
                        staticInit = new CodeText(pool).read(in);
                    } else {
                        in.skipNBytes(length);
                    }
                }
                default -> in.skipNBytes(length); // Code, BootstrapMethods, debug tables: bodies only
            }
        }
    }

    /** The attributes' texts from {@code from}, each starting where {@code starts} says, in sorted order. */
    private static String sortedSegments(StringBuilder text, int from, List<Integer> starts) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String segment = text.substring(Math.max(from, starts.get(i)), end);
            // compilers list nested classes in different orders
            segments.add(segment.startsWith(" InnerClasses") ? " " + sortedTokens(segment) : segment);
        }
        java.util.Collections.sort(segments);
        return String.join("", segments);
    }

    private static String sortedTokens(String text) {
        List<String> tokens = new ArrayList<>(List.of(text.trim().split("\\s+")));
        java.util.Collections.sort(tokens);
        return String.join(" ", tokens);
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
            String innerClass = pool.className(inner);
            boolean nameless = outer == 0 || innerName == 0;
            if (innerClass.equals(className) && nameless) {
                localOrAnonymous = true;
            }
            // local, anonymous and private nested classes are invisible outside their source file
            StringBuilder to = nameless || (flags & ACC_PRIVATE) != 0 ? hidden : out;
            to.append(' ').append(innerClass).append(':').append(outer == 0 ? "-" : pool.className(outer))
                    .append(':').append(innerName == 0 ? "-" : pool.utf8(innerName)).append(':')
                    .append(Integer.toHexString(flags));
        }
    }
}

package dev.relive.hvr.internal.build;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads the annotations of a class file (annotations, element values, type annotations) as text into an outline
 * key, noting the classes they refer to.
 */
final class AnnotationText {

    private final DataInputStream in;
    private final ConstantPool pool;
    private final ClassReferences references;

    AnnotationText(DataInputStream in, ConstantPool pool, ClassReferences references) {
        this.in = in;
        this.pool = pool;
        this.references = references;
    }

    void annotations(StringBuilder out) throws IOException {
        int n = in.readUnsignedShort();
        for (int k = 0; k < n; k++) {
            annotation(out);
        }
    }

    private void annotation(StringBuilder out) throws IOException {
        String type = pool.utf8(in.readUnsignedShort());
        references.addDescriptor(type);
        out.append('@').append(type).append('(');
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            out.append(pool.utf8(in.readUnsignedShort())).append('=');
            elementValue(out);
            out.append(',');
        }
        out.append(')');
    }

    void elementValue(StringBuilder out) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z' -> out.append(pool.constant(in.readUnsignedShort()));
            case 's' -> out.append('"').append(pool.utf8(in.readUnsignedShort())).append('"');
            case 'e' -> {
                String type = pool.utf8(in.readUnsignedShort());
                references.addDescriptor(type);
                out.append(type).append('.').append(pool.utf8(in.readUnsignedShort()));
            }
            case 'c' -> {
                String type = pool.utf8(in.readUnsignedShort());
                references.addDescriptor(type);
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

    void typeAnnotations(StringBuilder out) throws IOException {
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
}

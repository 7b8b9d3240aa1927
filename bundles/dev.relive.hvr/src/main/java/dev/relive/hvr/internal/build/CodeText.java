package dev.relive.hvr.internal.build;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * A method's {@code Code} attribute as text with its constant pool references resolved, so that the same code
 * compiled into another class file (whose constant pool numbers its entries differently) gives the same text. Line
 * numbers and other debug tables are left out.
 */
final class CodeText {

    private final ConstantPool pool;

    CodeText(ConstantPool pool) {
        this.pool = pool;
    }

    /** Reads the attribute's body (after its name and length) from {@code in}. */
    String read(DataInputStream in) throws IOException {
        in.readUnsignedShort(); // max stack
        in.readUnsignedShort(); // max locals
        byte[] code = new byte[in.readInt()];
        in.readFully(code);
        StringBuilder out = new StringBuilder(code.length * 3);
        instructions(code, out);
        int handlers = in.readUnsignedShort();
        for (int i = 0; i < handlers; i++) {
            out.append(" catch ").append(in.readUnsignedShort()).append('-').append(in.readUnsignedShort())
                    .append('>').append(in.readUnsignedShort());
            int type = in.readUnsignedShort();
            out.append(':').append(type == 0 ? "*" : entry(type));
        }
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
        return out.toString();
    }

    private void instructions(byte[] code, StringBuilder out) {
        int pc = 0;
        while (pc < code.length) {
            int op = code[pc] & 0xff;
            out.append(' ').append(op);
            int length;
            switch (op) {
                case 0x12 -> { // ldc
                    out.append(':').append(entry(code[pc + 1] & 0xff));
                    length = 2;
                }
                case 0x13, 0x14, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0, 0xc1 -> {
                    out.append(':').append(entry(u2(code, pc + 1)));
                    length = 3;
                }
                case 0xb9, 0xba -> { // invokeinterface, invokedynamic
                    out.append(':').append(entry(u2(code, pc + 1)));
                    length = 5;
                }
                case 0xc5 -> { // multianewarray
                    out.append(':').append(entry(u2(code, pc + 1))).append(':').append(code[pc + 3]);
                    length = 4;
                }
                case 0xaa, 0xab -> length = switchLength(code, pc, op == 0xaa);
                case 0xc4 -> length = (code[pc + 1] & 0xff) == 0x84 ? 6 : 4; // wide
                default -> length = plainLength(op);
            }
            for (int i = pc + 1; i < pc + length && op != 0x12 && !refersToPool(op); i++) {
                out.append(',').append(code[i]);
            }
            pc += length;
        }
    }

    private static boolean refersToPool(int op) {
        return switch (op) {
            case 0x13, 0x14, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbd, 0xc0, 0xc1, 0xc5 -> true;
            default -> false;
        };
    }

    /** Length of an instruction without constant pool operands. */
    private static int plainLength(int op) {
        if (op == 0x10 || op == 0xbc || op == 0xa9 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a)) {
            return 2; // bipush, newarray, ret, loads and stores with a local index
        }
        if (op == 0x11 || op == 0x84 || (op >= 0x99 && op <= 0xa8) || op == 0xc6 || op == 0xc7) {
            return 3; // sipush, iinc, branches
        }
        if (op == 0xc8 || op == 0xc9) {
            return 5; // goto_w, jsr_w
        }
        return 1;
    }

    private static int switchLength(byte[] code, int pc, boolean table) {
        int at = pc + 1 + (3 - (pc % 4)); // operands are aligned to 4 bytes from the code's start
        if (table) {
            int low = s4(code, at + 4);
            int high = s4(code, at + 8);
            return at - pc + 12 + (high - low + 1) * 4;
        }
        int pairs = s4(code, at + 4);
        return at - pc + 8 + pairs * 8;
    }

    private String entry(int index) {
        return switch (pool.tag(index)) {
            case 1 -> pool.utf8(index);
            case 3, 4, 5, 6, 8 -> pool.constant(index);
            case 7 -> "C" + pool.className(index);
            case 16 -> "T" + pool.utf8(pool.first(index));
            case 9, 10, 11 -> entry(pool.first(index)) + "." + entry(pool.second(index));
            case 12 -> pool.utf8(pool.first(index)) + pool.utf8(pool.second(index));
            case 15 -> "H" + pool.first(index) + entry(pool.second(index));
            case 17, 18 -> "B" + pool.first(index) + entry(pool.second(index));
            default -> "#" + pool.tag(index);
        };
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xff) << 8) | (code[at + 1] & 0xff);
    }

    private static int s4(byte[] code, int at) {
        return (code[at] << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8) | (code[at + 3] & 0xff);
    }
}

package dev.relive.hvr.internal.build;

import java.io.DataInputStream;
import java.io.IOException;

/** The constant pool of a class file: what its other parts refer to by index. */
final class ConstantPool {

    private final int[] tags;
    private final String[] utf8;
    private final int[] first;
    private final int[] second;
    private final String[] values;

    private ConstantPool(int count) {
        tags = new int[count];
        utf8 = new String[count];
        first = new int[count];
        second = new int[count];
        values = new String[count];
    }

    static ConstantPool read(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        ConstantPool pool = new ConstantPool(count);
        for (int i = 1; i < count; i++) {
            i = pool.readEntry(in, i);
        }
        return pool;
    }

    /** Reads entry {@code i}; returns the index of its last slot (longs and doubles take two). */
    private int readEntry(DataInputStream in, int i) throws IOException {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
            case 1 -> utf8[i] = in.readUTF();
            case 3 -> values[i] = "I" + in.readInt();
            case 4 -> values[i] = "F" + Float.intBitsToFloat(in.readInt());
            case 5 -> {
                values[i] = "J" + in.readLong();
                return i + 1;
            }
            case 6 -> {
                values[i] = "D" + Double.longBitsToDouble(in.readLong());
                return i + 1;
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
        return i;
    }

    int size() {
        return tags.length;
    }

    int tag(int index) {
        return tags[index];
    }

    String utf8(int index) {
        return utf8[index];
    }

    /** The first index an entry refers to (a class's name, a string's text, a name-and-type's name...). */
    int first(int index) {
        return first[index];
    }

    /** The second index an entry refers to (a name-and-type's descriptor...). */
    int second(int index) {
        return second[index];
    }

    /** The internal name of the class entry {@code index}. */
    String className(int index) {
        return utf8[first[index]];
    }

    /** A constant's value as text: {@code I42}, {@code "text"}... */
    String constant(int index) {
        return tags[index] == 8 ? '"' + utf8[first[index]] + '"' : values[index];
    }
}

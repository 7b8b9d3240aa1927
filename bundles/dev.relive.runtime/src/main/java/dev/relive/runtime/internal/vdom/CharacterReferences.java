package dev.relive.runtime.internal.vdom;

import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Decodes character references the way the HTML tokenizer does. References that templates write (named ones
 * closed by {@code ;}, and numeric ones of ordinary characters) are decoded here without allocating a tokenizer;
 * a string with any other use of {@code &} (a legacy name without {@code ;}, a bare {@code &}, a numeric reference
 * the tokenizer remaps) is decoded by jsoup's tokenizer.
 */
final class CharacterReferences {

    private static final int MAX_NAME = 32;

    private CharacterReferences() {
    }

    /** {@code raw} with its character references decoded; {@code inAttribute}: as in an attribute value. */
    static String decode(String raw, boolean inAttribute) {
        int amp = raw.indexOf('&');
        if (amp < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int from = 0;
        while (amp >= 0) {
            out.append(raw, from, amp);
            int semi = raw.indexOf(';', amp + 1);
            if (semi < 0 || semi - amp > MAX_NAME || !append(raw.substring(amp + 1, semi), out)) {
                return Parser.unescapeEntities(raw, inAttribute);
            }
            from = semi + 1;
            amp = raw.indexOf('&', from);
        }
        return out.append(raw, from, raw.length()).toString();
    }

    /** Appends the character(s) of reference {@code name} (between {@code &} and {@code ;}); false if not plain. */
    private static boolean append(String name, StringBuilder out) {
        if (name.isEmpty()) {
            return false;
        }
        if (name.charAt(0) == '#') {
            int cp = number(name);
            if (!isPlain(cp)) {
                return false;
            }
            out.appendCodePoint(cp);
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        if (!Entities.isNamedEntity(name)) {
            return false;
        }
        out.append(Entities.getByName(name));
        return true;
    }

    /** The code point of {@code #123} or {@code #x7B}, or -1. */
    private static int number(String ref) {
        boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
        String digits = ref.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        try {
            return Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Characters the tokenizer takes as they are: no controls, surrogates, noncharacters or remapped C1 codes. */
    private static boolean isPlain(int cp) {
        if (cp == '\t' || cp == '\n') {
            return true;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return false;
        }
        return !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
    }
}

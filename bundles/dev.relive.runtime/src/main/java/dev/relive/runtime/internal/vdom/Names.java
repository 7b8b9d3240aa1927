package dev.relive.runtime.internal.vdom;

import java.util.Locale;

/**
 * The tag and attribute names {@link WellFormedParser} reads, and the short whitespace between its elements, found
 * from the markup's characters without copying or lower-casing them: a name is one shared lower-case
 * {@code String} with its {@link HtmlRules} flags, computed once. Lossy tables indexed by hash, like
 * {@link SharedStrings}: a name not found in its slot is made the slow way and takes the slot. A page's names are
 * few, so after its first parse nearly every lookup is a hit.
 *
 * <p>Safe without locks: a slot holds an immutable value, and a lost write only costs a lookup the slow way.
 */
final class Names {

    /** Whitespace runs up to this length are shared (indentation, mostly). */
    static final int MAX_SHARED_SPACE = 16;

    private static final int NAME_SLOTS = 2048;
    private static final int SPACE_SLOTS = 256;
    private static final Name[] NAMES = new Name[NAME_SLOTS];
    private static final String[] SPACES = new String[SPACE_SLOTS];

    /** A lower-case name and its {@link HtmlRules} flags. */
    record Name(String text, int rules) {

        boolean is(int rule) {
            return (rules & rule) != 0;
        }
    }

    private Names() {
    }

    /** The name {@code s[from, to)} reads as, lower-cased (ASCII letters only, as the HTML tokenizer does). */
    static Name of(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return make(s.substring(from, to));
            }
            h = 31 * h + lower(c);
        }
        int slot = (h ^ (h >>> 16)) & (NAME_SLOTS - 1);
        Name known = NAMES[slot];
        if (known != null && sameLowerCase(known.text(), s, from, to)) {
            return known;
        }
        Name made = make(s.substring(from, to));
        NAMES[slot] = made;
        return made;
    }

    /** The shared copy of {@code s[from, to)}, which is whitespace no longer than {@link #MAX_SHARED_SPACE}. */
    static String space(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = (h ^ (h >>> 16)) & (SPACE_SLOTS - 1);
        String known = SPACES[slot];
        if (known != null && known.length() == to - from && known.regionMatches(0, s, from, to - from)) {
            return known;
        }
        String made = s.substring(from, to);
        SPACES[slot] = made;
        return made;
    }

    /** Whether {@code s[from, to)} is whitespace that {@link #space} shares. */
    static boolean isSharedSpace(String s, int from, int to) {
        if (to - from > MAX_SHARED_SPACE) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Attributes.isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Name make(String raw) {
        String text = HtmlRules.intern(raw.toLowerCase(Locale.ROOT));
        return new Name(text, HtmlRules.rulesOf(text));
    }

    private static boolean sameLowerCase(String known, String s, int from, int to) {
        if (known.length() != to - from) {
            return false;
        }
        for (int i = 0; i < known.length(); i++) {
            if (lower(s.charAt(from + i)) != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}

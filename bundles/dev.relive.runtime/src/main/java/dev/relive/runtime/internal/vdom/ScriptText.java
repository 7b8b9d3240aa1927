package dev.relive.runtime.internal.vdom;

/**
 * Follows the tokenizer's script data states over a {@code <script>}'s text to tell whether a
 * {@code </script>} written after it ends the element. It does not after an unclosed {@code <!--<script>}
 * ("double escaped" state): the parser then reads everything up to the end of input as script, and the
 * writer must write nothing after such a script, as after {@code <plaintext>}.
 */
final class ScriptText {

    private static final int DATA = 0;
    private static final int ESCAPED = 1;
    private static final int DOUBLE_ESCAPED = 2;

    private ScriptText() {
    }

    static boolean isClosable(String text) {
        if (text.indexOf("<!--") < 0) {
            return true; // the escaped states start with "<!--"
        }
        int state = DATA;
        int n = text.length();
        int i = 0;
        while (i < n) {
            switch (state) {
                case DATA -> {
                    if (text.startsWith("<!--", i)) {
                        state = ESCAPED;
                        i += 4;
                        // "<!-->" and "<!--->" close the escape at once: the dashes count for "-->"
                        int j = i;
                        while (j < n && text.charAt(j) == '-') {
                            j++;
                        }
                        if (j < n && text.charAt(j) == '>') {
                            state = DATA;
                            i = j + 1;
                        }
                    } else {
                        i++;
                    }
                }
                case ESCAPED -> {
                    if (text.startsWith("-->", i)) {
                        state = DATA;
                        i += 3;
                    } else if (text.charAt(i) == '<' && i + 1 < n && isAsciiAlpha(text.charAt(i + 1))
                            && tagNameIsScript(text, i + 1)) {
                        state = DOUBLE_ESCAPED;
                        i += 7;
                    } else {
                        i++;
                    }
                }
                default -> { // DOUBLE_ESCAPED
                    if (text.startsWith("-->", i)) {
                        state = DATA;
                        i += 3;
                    } else if (text.startsWith("</", i) && tagNameIsScript(text, i + 2)) {
                        state = ESCAPED;
                        i += 8;
                    } else {
                        i++;
                    }
                }
            }
        }
        return state != DOUBLE_ESCAPED;
    }

    /** "script" (any case) at {@code at}, followed by whitespace, '/' or '>' (not by the end of the text). */
    private static boolean tagNameIsScript(String text, int at) {
        if (!text.regionMatches(true, at, "script", 0, 6) || at + 6 >= text.length()) {
            return false;
        }
        char c = text.charAt(at + 6);
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>';
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

package dev.relive.launcher;

import java.util.Random;

/** Malformed and mutated client frames for {@link HostileInputIT}, from a seeded random source. */
final class Fuzz {

    /** A frame; {@code valid} when the server should serve it (a good frame with unknown fields). */
    record Case(String kind, String text, boolean valid) {
    }

    private static final String[] GOOD = {
        "{\"type\":\"event\",\"ref\":REF,\"handler\":\"add\",\"params\":{\"amount\":1}}",
        "{\"type\":\"event\",\"ref\":REF,\"handler\":\"say\",\"params\":{\"text\":\"hi\"}}",
        "{\"type\":\"model\",\"ref\":REF,\"field\":\"name\",\"value\":\"Ada\"}",
    };

    private Fuzz() {
    }

    static Case next(Random r, int i) {
        String good = GOOD[r.nextInt(GOOD.length)].replace("REF", Integer.toString(i + 1));
        return switch (i % 9) {
            case 0 -> new Case("random text", randomText(r), false);
            case 1 -> new Case("truncated", good.substring(0, 1 + r.nextInt(good.length() - 2)), false);
            case 2 -> new Case("huge number", "{\"type\":\"event\",\"ref\":" + "9".repeat(400) + ",\"handler\":\"add\","
                    + "\"params\":{\"amount\":" + "9".repeat(1 + r.nextInt(3000)) + "}}", false);
            case 3 -> new Case("deep nesting", "{\"type\":\"event\",\"ref\":1,\"handler\":\"add\",\"params\":"
                    + "[".repeat(2000 + r.nextInt(3000)) + "]".repeat(10) + "}", false);
            case 4 -> new Case("wrong types", wrongTypes(r, i + 1), false);
            case 5 -> new Case("unknown type", "{\"type\":\"" + randomWord(r) + "\",\"ref\":" + (i + 1) + "}", false);
            case 6 -> new Case("oversized", "{\"type\":\"event\",\"ref\":1,\"handler\":\"say\",\"params\":{\"text\":\""
                    + "y".repeat(65_536 + r.nextInt(10_000)) + "\"}}", false);
            case 7 -> new Case("mutated", mutate(r, good), false);
            default -> new Case("unknown fields", good.replace("{\"type\"", "{\"x" + r.nextInt(1000)
                    + "\":[1,{\"y\":null}],\"type\""), true);
        };
    }

    private static String wrongTypes(Random r, int ref) {
        return switch (r.nextInt(6)) {
            case 0 -> "{\"type\":\"event\",\"ref\":\"" + ref + "x\",\"handler\":\"add\"}";
            case 1 -> "{\"type\":\"event\",\"ref\":" + ref + ",\"handler\":42}";
            case 2 -> "{\"type\":\"event\",\"ref\":" + ref + ",\"handler\":\"add\",\"params\":[1,2]}";
            case 3 -> "{\"type\":\"event\",\"ref\":" + ref + ",\"handler\":\"add\",\"params\":{\"amount\":\"lots\"}}";
            case 4 -> "{\"type\":7,\"ref\":" + ref + "}";
            default -> "{\"type\":\"model\",\"ref\":" + ref + ",\"field\":\"count\",\"value\":{}}";
        };
    }

    /** A mutation that always breaks the frame: the JSON structure is cut or corrupted. */
    private static String mutate(Random r, String good) {
        char[] c = good.toCharArray();
        int pos = r.nextInt(c.length);
        for (int k = 0; k < 3; k++) {
            int p = (pos + k) % c.length;
            c[p] = "{}[]\":,\\".charAt(r.nextInt(8));
        }
        String s = new String(c);
        return s.equals(good) ? good.substring(1) : "\u0000" + s;
    }

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(200);
        for (int k = 0; k < n; k++) {
            int kind = r.nextInt(4);
            sb.append(switch (kind) {
                case 0 -> (char) (32 + r.nextInt(95));
                case 1 -> (char) (0x400 + r.nextInt(256));
                case 2 -> (char) r.nextInt(32);
                default -> "{}[]\":,".charAt(r.nextInt(7));
            });
        }
        if (sb.charAt(0) == '{') {
            sb.setCharAt(0, '~');
        }
        return sb.toString();
    }

    private static String randomWord(Random r) {
        StringBuilder sb = new StringBuilder("x");
        for (int k = 0; k < 1 + r.nextInt(12); k++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}

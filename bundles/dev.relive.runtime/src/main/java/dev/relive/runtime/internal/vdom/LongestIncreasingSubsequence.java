package dev.relive.runtime.internal.vdom;

/** Longest strictly increasing subsequence, O(n log n) (patience sorting with back links). */
final class LongestIncreasingSubsequence {

    private LongestIncreasingSubsequence() {
    }

    /**
     * Marks the members of one longest strictly increasing subsequence of {@code seq}, ignoring negative
     * entries (they are never members).
     */
    static boolean[] mark(int[] seq) {
        int n = seq.length;
        int[] tails = new int[n];
        int[] prev = new int[n];
        int len = 0;
        for (int j = 0; j < n; j++) {
            int v = seq[j];
            if (v < 0) {
                continue;
            }
            int lo = 0;
            int hi = len;
            if (len > 0 && seq[tails[len - 1]] < v) {
                lo = len; // common case: extends the longest run
            } else {
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (seq[tails[mid]] < v) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
            }
            prev[j] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = j;
            if (lo == len) {
                len++;
            }
        }
        boolean[] member = new boolean[n];
        for (int k = len > 0 ? tails[len - 1] : -1; k >= 0; k = prev[k]) {
            member[k] = true;
        }
        return member;
    }

    /** The length of a longest strictly increasing subsequence of the non-negative entries of {@code seq}. */
    static int length(int[] seq) {
        int count = 0;
        for (boolean b : mark(seq)) {
            if (b) {
                count++;
            }
        }
        return count;
    }
}

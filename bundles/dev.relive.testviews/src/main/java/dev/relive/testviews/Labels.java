package dev.relive.testviews;

/** A helper class of the bundle: editing it swaps the views that use it. */
final class Labels {

    private Labels() {
    }

    static String label(int count) {
        return "count is " + count;
    }
}

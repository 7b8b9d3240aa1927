package dev.relive.testlib;

/** Decorates text; the HVR tests edit this library class and expect the views importing it to swap. */
public final class Decorator {

    private Decorator() {
    }

    public static String decorate(String text) {
        return "[" + text + "]";
    }
}

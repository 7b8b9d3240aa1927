package dev.relive.runtime.internal.vdom;

/** A patch does not fit the tree it is applied to (bad path, index or html). */
public final class PatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PatchException(String message) {
        super(message);
    }

    public PatchException(String message, Throwable cause) {
        super(message, cause);
    }
}

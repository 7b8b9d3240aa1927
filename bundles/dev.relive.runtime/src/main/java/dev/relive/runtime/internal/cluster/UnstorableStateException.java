package dev.relive.runtime.internal.cluster;

/** A tab's state cannot be stored: a view holds a value that does not serialize, or the entry is too large. */
public final class UnstorableStateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String viewClass;

    public UnstorableStateException(String viewClass, String reason) {
        super(reason);
        this.viewClass = viewClass;
    }

    /** The class of the page's view (the one named in the log line). */
    public String viewClass() {
        return viewClass;
    }
}

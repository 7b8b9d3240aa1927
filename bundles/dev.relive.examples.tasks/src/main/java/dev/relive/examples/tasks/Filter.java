package dev.relive.examples.tasks;

/** Which tasks the list shows; in the URL as {@code ?filter=open}. */
public enum Filter {
    ALL, OPEN, DONE;

    boolean shows(Task task) {
        return this == ALL || task.done() == (this == DONE);
    }

    /** The name as in the URL. */
    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

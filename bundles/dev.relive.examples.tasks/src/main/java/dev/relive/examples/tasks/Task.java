package dev.relive.examples.tasks;

/** One task of the {@link TaskStore}. */
public record Task(long id, String title, boolean done) {
}

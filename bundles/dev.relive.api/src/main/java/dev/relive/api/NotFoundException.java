package dev.relive.api;

/**
 * Thrown by a view's {@link LiveView#mount} or {@link LiveView#urlChanged} when its URL names nothing that exists
 * (a task id no task has): the page is answered with the 404 page instead of the view, and a live URL change is
 * refused.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}

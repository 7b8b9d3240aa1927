package dev.relive.runtime.internal.render;

/** A template that could not be found, parsed or evaluated; the message names the view and the line. */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.relive.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a {@link LiveView} as the receiver of the files the browser uploads under
 * {@link #value()} (a file input or drop zone with {@code rl-upload="avatar"}), and declares their limits. The
 * runtime checks the limits before a file is sent (its declared size, type and the number of files) and while it
 * arrives (its real size and, for common image and PDF types, its first bytes); a refused file is never written.
 *
 * <p>The method takes an {@link UploadedFile} (and optionally a {@link ViewSession}) and is called once per file,
 * on the view's serialized executor like an event handler, followed by a render. The temporary file is deleted
 * when the method returns unless it was moved with {@link UploadedFile#moveTo}.
 *
 * @since 1.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UploadHandler {

    /** The upload's name, as in {@code rl-upload="NAME"}. */
    String value();

    /** Largest size of one file, in bytes (the runtime's own cap, {@code upload_max_file_bytes}, applies too). */
    long maxFileSize() default 8L * 1024 * 1024;

    /**
     * Accepted types: MIME types ({@code "image/png"}), MIME families ({@code "image/*"}) or file name extensions
     * ({@code ".pdf"}). Empty: any type.
     */
    String[] accept() default {};

    /** Most files accepted in one selection or drop. */
    int maxFiles() default 1;
}

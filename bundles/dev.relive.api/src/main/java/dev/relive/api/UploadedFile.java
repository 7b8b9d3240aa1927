package dev.relive.api;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A file the browser uploaded, complete and within the limits of its {@link UploadHandler}, handed to that handler.
 * Valid only during the handler's call: the temporary file is deleted when the handler returns, unless it was moved.
 *
 * @since 1.2
 */
@ProviderType
public interface UploadedFile {

    /** The file's name as the browser gave it (no folders); show it escaped, never use it as a path. */
    String name();

    /** The MIME type the browser declared, checked against the handler's {@code accept}. */
    String contentType();

    /** Size in bytes. */
    long size();

    /** The temporary file holding the content. */
    Path path();

    /**
     * Moves the content to {@code target} (replacing it), so that it is not deleted after the handler.
     *
     * @throws IOException when the move fails; the temporary file is then still deleted after the handler
     */
    void moveTo(Path target) throws IOException;
}

package dev.relive.examples.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.UploadHandler;
import dev.relive.api.UploadedFile;

/**
 * Uploads: an avatar (one small image, shown from the uploaded bytes) and a gallery of many files, chosen or dropped.
 * The limits are declared on the handlers; the runtime refuses what is over them before it is sent, and the page lists
 * each file with its progress or its error. The temporary files are deleted after the handlers: this example keeps
 * only what it shows.
 */
@LiveViewRoute("/upload")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class UploadView extends LiveView {

    /** One file of the gallery. */
    public record Item(String name, String size, String type) {
    }

    static final int AVATAR_BYTES = 200 * 1024;

    private String avatar = "";
    private String avatarName = "";
    private List<Item> gallery = new ArrayList<>();

    @UploadHandler(value = "avatar", maxFileSize = AVATAR_BYTES, accept = { "image/png", "image/jpeg", "image/gif",
        "image/webp" })
    public void avatar(UploadedFile file) throws IOException {
        avatar = "data:" + file.contentType() + ";base64," + Base64.getEncoder().encodeToString(
                Files.readAllBytes(file.path()));
        avatarName = file.name();
    }

    @UploadHandler(value = "gallery", maxFileSize = 2 * 1024 * 1024, accept = { "image/*", ".pdf", ".txt" },
            maxFiles = 50)
    public void gallery(UploadedFile file) {
        List<Item> next = new ArrayList<>(gallery);
        next.add(new Item(file.name(), readable(file.size()), file.contentType().isEmpty() ? "?" : file.contentType()));
        gallery = next;
    }

    @EventHandler
    public void clearGallery() {
        gallery = new ArrayList<>();
    }

    static String readable(long bytes) {
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : bytes + " B";
    }
}

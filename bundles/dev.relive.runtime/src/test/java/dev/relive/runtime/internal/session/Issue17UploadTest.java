package dev.relive.runtime.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.LiveView;
import dev.relive.api.UploadHandler;
import dev.relive.api.UploadedFile;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.protocol.FileOffer;
import dev.relive.runtime.internal.upload.UploadSettings;

/** Uploads of a tab: limits checked before and during the transfer, handlers fed complete files, nothing left over. */
class Issue17UploadTest {

    public static class GalleryView extends LiveView {
        public final List<String> received = new ArrayList<>();
        public Path keep;

        @UploadHandler(value = "avatar", maxFileSize = 16, accept = { "image/png", ".txt" })
        public void avatar(UploadedFile file) throws IOException {
            received.add(file.name() + ":" + Files.readString(file.path(), StandardCharsets.ISO_8859_1));
            if (keep != null) {
                file.moveTo(keep);
            }
        }

        @UploadHandler(value = "docs", maxFiles = 2)
        public void docs(UploadedFile file) {
            received.add(file.name());
        }

        @Override
        public String template() {
            return "<p id=\"n\">{{ received.size() }}</p>";
        }
    }

    private static final byte[] PNG_START = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    @TempDir
    Path dir;

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> sent = new ArrayList<>();
    private final GalleryView view = new GalleryView();
    private final TabSession session = new TabSession("s1", new BrowserChannel(new Connection() {
        @Override
        public void send(String frame) {
            sent.add(frame);
        }

        @Override
        public void close(int status, String reason) {
        }
    }, false), new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
            new HandlerInvoker(json), new FieldBinder(json));
    private TabUploads uploads;

    @BeforeEach
    void mount() {
        session.mount(new dev.relive.runtime.internal.registry.RouteMatch(TabSessionTest.type(view), java.util.Map.of()), "/upload", java.util.Map.of());
        uploads = new TabUploads(session, new UploadSettings(1024, 3, dir));
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void filesOverTheLimitsAreRefusedBeforeAnyByteAndNothingIsWritten() throws Exception {
        uploads.offer(1, null, "avatar", List.of(new FileOffer("a", "big.png", 17, "image/png"),
                new FileOffer("b", "x.gif", 3, "image/gif"), new FileOffer("c", "ok.txt", 3, "text/plain"),
                new FileOffer("d", "second.txt", 3, "text/plain")));
        JsonNode answer = json.readTree(sent.get(0));
        assertThat(answer.path("type").asText()).isEqualTo("upload");
        assertThat(answer.path("files").get(0).path("error").asText()).isEqualTo("the file is larger than 16 bytes");
        assertThat(answer.path("files").get(1).path("error").asText()).startsWith("files of this type are not accepted");
        assertThat(answer.path("files").get(2).has("error")).isFalse();
        assertThat(answer.path("files").get(3).path("error").asText()).isEqualTo("at most 1 file");
        assertThat(uploads.inProgress()).isEqualTo(1);
        assertThat(files()).isEmpty();
    }

    @Test
    void aFileInChunksReachesItsHandlerAndIsDeletedAfterIt() throws Exception {
        uploads.offer(1, null, "avatar", List.of(new FileOffer("a", "C:\\photos\\me.png", 12, "image/png")));
        uploads.chunk(2, "a", 0, PNG_START);
        assertThat(json.readTree(sent.get(1)).path("received").asLong()).isEqualTo(8);
        assertThat(files()).hasSize(1);
        uploads.chunk(3, "a", 8, "rest".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(view.received).containsExactly("me.png:" + new String(PNG_START, StandardCharsets.ISO_8859_1)
                + "rest");
        assertThat(sent.get(2)).startsWith("{\"type\":\"patch\"");
        assertThat(sent.get(3)).isEqualTo("{\"type\":\"progress\",\"ref\":3,\"id\":\"a\",\"received\":12,\"done\":true}");
        assertThat(files()).isEmpty();
    }

    @Test
    void anUploadInProgressGoesToTheInstanceThatReplacedTheViewMeanwhile() throws Exception {
        uploads.offer(1, null, "docs", List.of(new FileOffer("a", "a.txt", 4, "text/plain")));
        uploads.chunk(2, "a", 0, "ab".getBytes(StandardCharsets.US_ASCII));
        GalleryView swapped = new GalleryView();
        session.tree().slot(null).view = swapped;
        uploads.chunk(3, "a", 2, "cd".getBytes(StandardCharsets.US_ASCII));
        assertThat(swapped.received).containsExactly("a.txt");
        assertThat(view.received).isEmpty();
    }

    @Test
    void aMovedFileStays() throws Exception {
        view.keep = dir.resolveSibling(dir.getFileName() + "-kept.txt");
        uploads.offer(1, null, "avatar", List.of(new FileOffer("a", "n.txt", 2, "text/plain")));
        uploads.chunk(2, "a", 0, "hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(view.keep)).isEqualTo("hi");
        Files.delete(view.keep);
    }

    @Test
    void duringTheTransferMoreBytesThanDeclaredOrAWrongSignatureAreRefusedAndThePartialFileDeleted() throws Exception {
        uploads.offer(1, null, "avatar", List.of(new FileOffer("a", "a.txt", 4, "text/plain")));
        uploads.chunk(2, "a", 0, "abc".getBytes(StandardCharsets.US_ASCII));
        uploads.chunk(3, "a", 3, "de".getBytes(StandardCharsets.US_ASCII));
        assertThat(json.readTree(sent.get(2)).path("error").asText()).startsWith("the file is larger than it said");
        uploads.offer(4, null, "avatar", List.of(new FileOffer("b", "b.png", 10, "image/png")));
        uploads.chunk(5, "b", 0, "GIF89a....".getBytes(StandardCharsets.US_ASCII));
        assertThat(json.readTree(sent.get(4)).path("error").asText()).isEqualTo("the content is not of the type image/png");
        assertThat(files()).isEmpty();
        assertThat(view.received).isEmpty();
        assertThat(uploads.inProgress()).isZero();
    }

    @Test
    void cancelAndADroppedConnectionDeletePartialFiles() throws Exception {
        uploads.offer(1, null, "docs", List.of(new FileOffer("a", "a.bin", 100, ""), new FileOffer("b", "b.bin", 100,
                "")));
        uploads.chunk(2, "a", 0, new byte[10]);
        uploads.chunk(3, "b", 0, new byte[10]);
        assertThat(files()).hasSize(2);
        uploads.cancel(4, "a");
        assertThat(json.readTree(sent.get(3)).path("error").asText()).isEqualTo("cancelled");
        assertThat(files()).hasSize(1);
        uploads.discardAll();
        assertThat(files()).isEmpty();
        assertThat(view.received).isEmpty();
    }

    @Test
    void anUnknownUploadNameIsAnErrorAndAnUnknownIdAProgressError() throws Exception {
        uploads.offer(1, null, "nope", List.of(new FileOffer("a", "a", 1, "")));
        assertThat(json.readTree(sent.get(0)).path("code").asText()).isEqualTo("unknown_handler");
        uploads.chunk(2, "zz", 0, new byte[1]);
        assertThat(json.readTree(sent.get(1)).path("error").asText()).isEqualTo("no upload in progress with this id");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}

package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The url frame and the flash a mount carries: only paths on this site, only short lower-case kinds. */
class Issue15UrlFrameTest {

    private final ClientFrameParser parser = new ClientFrameParser(ProtocolJson.newMapper(), 4096);

    @Test
    void aUrlFrameCarriesAPathOnThisSiteAndWhatHistoryDoes() throws Exception {
        assertThat(parser.parse("{\"type\":\"url\",\"ref\":4,\"url\":\"/tasks?filter=open\",\"history\":\"push\"}"))
                .isEqualTo(new ClientFrame.Url(4L, "/tasks?filter=open", "push"));
        assertThat(parser.parse("{\"type\":\"url\",\"ref\":5,\"url\":\"/tasks/3\",\"history\":\"none\"}"))
                .isEqualTo(new ClientFrame.Url(5L, "/tasks/3", "none"));
    }

    @Test
    void aUrlOffThisSiteOrAMalformedUrlFrameIsRefused() {
        List<String> urls = List.of("//evil.example/x", "https://evil.example/", "javascript:alert(1)", "tasks",
                "/\\\\evil.example", " /tasks", "/tasks\\u0000");
        for (String url : urls) {
            String frame = "{\"type\":\"url\",\"ref\":1,\"url\":\"" + url + "\",\"history\":\"push\"}";
            assertThatThrownBy(() -> parser.parse(frame)).as(frame).isInstanceOfSatisfying(
                    RefusedFrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
        }
        for (String frame : List.of("{\"type\":\"url\",\"url\":\"/a\",\"history\":\"push\"}",
                "{\"type\":\"url\",\"ref\":1,\"history\":\"push\"}", "{\"type\":\"url\",\"ref\":1,\"url\":\"/a\"}",
                "{\"type\":\"url\",\"ref\":1,\"url\":\"/a\",\"history\":\"go\"}")) {
            assertThatThrownBy(() -> parser.parse(frame)).as(frame).isInstanceOf(RefusedFrameException.class);
        }
    }

    @Test
    void aMountKeepsOnlyWellFormedFlashMessages() throws Exception {
        ClientFrame.Mount mount = (ClientFrame.Mount) parser.parse("{\"type\":\"mount\",\"protocol\":1,\"token\":\"t\","
                + "\"url\":\"/c\",\"flash\":{\"info\":\"Saved\",\"Bad Kind\":\"x\",\"error\":7}}");
        assertThat(mount.flash()).isEqualTo(Map.of("info", "Saved"));
    }

    @Test
    void theServerAsksForAUrlChangeAndARedirectCarriesTheFlash() {
        assertThat(ServerFrames.url("/tasks?filter=done", false))
                .isEqualTo("{\"type\":\"push-url\",\"url\":\"/tasks?filter=done\",\"replace\":false}");
        assertThat(ServerFrames.redirect("/a", Map.of("info", "Saved")))
                .isEqualTo("{\"type\":\"redirect\",\"url\":\"/a\",\"flash\":{\"info\":\"Saved\"}}");
    }

    @Test
    void sitePathsStartWithOneSlash() {
        assertThat(LocationUrl.sitePath("/tasks?filter=open")).isTrue();
        assertThat(LocationUrl.sitePath("//evil.example")).isFalse();
        assertThat(LocationUrl.sitePath("/\\evil.example")).isFalse();
        assertThat(LocationUrl.sitePath("http://localhost/tasks")).isFalse();
    }
}

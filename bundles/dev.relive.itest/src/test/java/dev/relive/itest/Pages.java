package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** What a browser does before it opens the socket: load the page and take its token. */
final class Pages {

    private Pages() {
    }

    /** The {@code mount} frame for the page at {@code path}, as the client would send it. */
    static Map<String, Object> mountFrame(Endpoint endpoint, String path) throws Exception {
        HttpResponse<String> page = endpoint.await(path, r -> r.statusCode() != 404);
        assertThat(page.statusCode()).as("status of %s", path).isEqualTo(200);
        Element root = Jsoup.parse(page.body()).selectFirst("[rl-token]");
        assertThat(root).as("an rl-token in %s", page.body()).isNotNull();
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("type", "mount");
        mount.put("protocol", 1);
        mount.put("token", root.attr("rl-token"));
        mount.put("url", endpoint.http(path).toString());
        return mount;
    }
}

package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ResourceDTO;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The runtime as the Servlet Whiteboard sees it, and as a plain HTTP client sees it on the random port. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ServletWhiteboardTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    Endpoint endpoint;

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @Test
    void servletsAndClientResourcesAreRegisteredAndNothingFailed() {
        // the client resources are a component of their own, registered independently of the servlets
        RuntimeDTO dto = Eventually.await("the runtime's client resources in the whiteboard",
                () -> http.getService().getRuntimeDTO(), d -> !runtimeResources(d).isEmpty());
        assertThat(Whiteboard.runtimeServlets(http.getService(), context)).containsKeys("/*", "/relive/socket");
        List<ResourceDTO> resources = runtimeResources(dto);
        assertThat(resources).as("the runtime's resources in %s", dto).singleElement()
                .satisfies(r -> assertThat(r.patterns).containsExactly("/relive/client/*"))
                .satisfies(r -> assertThat(r.prefix).isEqualTo("/relive/client"));
        assertThat(dto.failedServletDTOs).as("failed servlets").isEmpty();
        assertThat(dto.failedResourceDTOs).as("failed resources").isEmpty();
        assertThat(dto.failedServletContextDTOs).as("failed servlet contexts").isEmpty();
    }

    private List<ResourceDTO> runtimeResources(RuntimeDTO dto) {
        return Arrays.stream(dto.servletContextDTOs).flatMap(c -> Arrays.stream(c.resourceDTOs))
                .filter(r -> Whiteboard.fromRuntime(context, r.serviceId)).toList();
    }

    @Test
    void endpointIsOnLoopbackWithARealPort() {
        assertThat(endpoint.http("/").getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.http("/").getPort()).isPositive();
    }

    @Test
    void viewPageIsRenderedOnTheServerWithAToken() throws Exception {
        HttpResponse<String> response = endpoint.await("/test/echo", r -> r.statusCode() != 404);
        assertThat(response.statusCode()).as("status of /test/echo: %s", response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1#greeting").text()).isEqualTo("hello");
        Element root = page.selectFirst("[rl-root]");
        assertThat(root).as("the view's root element in %s", response.body()).isNotNull();
        assertThat(root.attr("rl-view")).isEqualTo("dev.relive.testviews.EchoView");
        assertThat(root.attr("rl-token")).isNotBlank();
        assertThat(page.select("meta[name=relive-dev]").attr("content")).as("dev mode").isEqualTo("true");
    }

    @Test
    void indexListsTheTestViews() throws Exception {
        HttpResponse<String> response = endpoint.await("/",
                r -> r.statusCode() != 200 || r.body().contains("/test/echo"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select("#views a").eachAttr("href")).contains("/test/echo");
    }

    @Test
    void clientScriptIsServed() throws Exception {
        HttpResponse<String> response = endpoint.get("/relive/client/index.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotBlank();
    }
}

package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.relive.api.ErrorPage;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.RouteParam;
import dev.relive.api.ViewSession;

/**
 * Issue 15 in a real Felix: views registered by this test serve a route with a parameter, the application's error
 * pages replace the built-in ones while they are registered, and a second view claiming a route is refused.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class Issue15RoutesTest {

    public static class ItemView extends LiveView {
        @RouteParam
        long id;

        @Override
        public String template() {
            return "<p id=\"item\">item {{ id }}</p>";
        }
    }

    public static class FailingView extends LiveView {
        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    public static class MissingPage extends LiveView {
        @Override
        public String template() {
            return "<h1 id=\"app-404\">Nothing at {{ view.path }}</h1>";
        }

        String path;

        @Override
        public void mount(Map<String, String> params, ViewSession session) {
            path = params.get("path") + " (" + params.get("status") + ")";
        }

        public String path() {
            return path;
        }
    }

    public static class BrokenPage extends LiveView {
        @Override
        public String template() {
            return "<h1 id=\"app-500\">Sorry</h1>";
        }
    }

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    Endpoint endpoint;
    final List<ServiceRegistration<LiveView>> registrations = new ArrayList<>();

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private ServiceRegistration<LiveView> register(Supplier<LiveView> views, String name, String key, Object value) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("component.name", name);
        properties.put(key, value);
        ServiceRegistration<LiveView> registration = context.registerService(LiveView.class,
                new PrototypeServiceFactory<LiveView>() {
                    @Override
                    public LiveView getService(Bundle bundle, ServiceRegistration<LiveView> reg) {
                        return views.get();
                    }

                    @Override
                    public void ungetService(Bundle bundle, ServiceRegistration<LiveView> reg, LiveView view) {
                    }
                }, properties);
        registrations.add(registration);
        return registration;
    }

    private HttpResponse<String> await(String path, int status) {
        return Eventually.await(path + " answers " + status, () -> {
            try {
                return endpoint.get(path);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, r -> r.statusCode() == status);
    }

    @Test
    void aRouteParameterIsTypedAndAValueThatDoesNotConvertIs404() throws Exception {
        register(ItemView::new, ItemView.class.getName(), LiveViewRoute.PROPERTY, "/test/items/{id}");
        assertThat(await("/test/items/42", 200).body()).contains("<p id=\"item\">item 42</p>");
        assertThat(endpoint.get("/test/items/forty-two").statusCode()).isEqualTo(404);
        assertThat(endpoint.get("/test/items/42/more").statusCode()).isEqualTo(404);
    }

    @Test
    void theApplicationsErrorPagesReplaceTheBuiltInOnesWhileRegistered() throws Exception {
        register(FailingView::new, FailingView.class.getName(), LiveViewRoute.PROPERTY, "/test/fails");
        await("/test/fails", 500);
        ServiceRegistration<LiveView> missing = register(MissingPage::new, MissingPage.class.getName(),
                ErrorPage.PROPERTY, 404);
        register(BrokenPage::new, BrokenPage.class.getName(), ErrorPage.PROPERTY, 500);

        HttpResponse<String> notFound = Eventually.await("the application's 404 page", () -> {
            try {
                return endpoint.get("/test/nothing-here");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, r -> r.body().contains("app-404"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("Nothing at /test/nothing-here (404)").doesNotContain("rl-token");
        HttpResponse<String> failed = endpoint.get("/test/fails");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("<h1 id=\"app-500\">Sorry</h1>");

        missing.unregister();
        registrations.remove(missing);
        HttpResponse<String> builtIn = endpoint.get("/test/nothing-here");
        assertThat(builtIn.statusCode()).isEqualTo(404);
        assertThat(builtIn.body()).contains("<h1>Not found</h1>");
    }

    @Test
    void aSecondViewClaimingARouteIsRefusedAndTheFirstKeepsServingIt() throws Exception {
        assertThat(await("/test/echo", 200).body()).contains("dev.relive.testviews.EchoView");
        register(ItemView::new, ItemView.class.getName(), LiveViewRoute.PROPERTY, "/test/echo");
        register(ItemView::new, "another.ItemView", LiveViewRoute.PROPERTY, "/test/items/{id}");
        await("/test/items/1", 200);
        assertThat(endpoint.get("/test/echo").body()).contains("dev.relive.testviews.EchoView")
                .doesNotContain("id=\"item\"");
    }
}

package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;

/** What SCR reports about the runtime's components and the test views. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ComponentsTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceComponentRuntime scr;

    @Test
    void everyRuntimeComponentIsSatisfied() {
        Bundle runtime = Framework.bundle(context, "dev.relive.runtime");
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(runtime);
        assertThat(descriptions).extracting(d -> d.name).contains(
                "dev.relive.runtime.internal.config.RuntimeSettings",
                "dev.relive.runtime.internal.registry.ViewRegistry",
                "dev.relive.runtime.internal.session.Sessions",
                "dev.relive.runtime.internal.session.SocketSessions",
                "dev.relive.runtime.internal.session.Workers",
                "dev.relive.runtime.internal.socket.SocketServlet",
                "dev.relive.runtime.internal.token.PageTokens",
                "dev.relive.runtime.internal.web.ClientResources",
                "dev.relive.runtime.internal.web.PageServlet");
        for (ComponentDescriptionDTO d : descriptions) {
            assertThat(scr.isComponentEnabled(d)).as("%s enabled", d.name).isTrue();
            if ("require".equals(d.configurationPolicy)) {
                continue; // one configuration per instance (a configured user): none here
            }
            // DTO.toString() shows the state and any unsatisfied references when this times out
            Eventually.await("only satisfied configurations of " + d.name, () -> scr.getComponentConfigurationDTOs(d),
                    configs -> !configs.isEmpty() && configs.stream().allMatch(ComponentsTest::satisfied));
        }
    }

    @Test
    void testViewsArePrototypeLiveViewServicesWithRoutes() throws Exception {
        Bundle views = Framework.bundle(context, "dev.relive.testviews");
        List<ServiceReference<LiveView>> routed = context.getServiceReferences(LiveView.class,
                "(" + LiveViewRoute.PROPERTY + "=*)").stream().filter(r -> views.equals(r.getBundle())).toList();
        assertThat(routed).extracting(r -> r.getProperty(LiveViewRoute.PROPERTY))
                .contains("/test/echo", "/test/broken");
        assertThat(routed).allSatisfy(r -> assertThat(r.getProperty(Constants.SERVICE_SCOPE))
                .as("scope of %s", r.getProperty(LiveViewRoute.PROPERTY)).isEqualTo(Constants.SCOPE_PROTOTYPE));

        ComponentDescriptionDTO echo = scr.getComponentDescriptionDTO(views, "dev.relive.testviews.EchoView");
        assertThat(echo).as("EchoView's component").isNotNull();
        assertThat(echo.scope).isEqualTo("prototype");
        assertThat(echo.serviceInterfaces).containsExactly(LiveView.class.getName());
        assertThat(echo.properties).containsEntry(LiveViewRoute.PROPERTY, "/test/echo");
    }

    private static boolean satisfied(ComponentConfigurationDTO c) {
        return c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED;
    }
}

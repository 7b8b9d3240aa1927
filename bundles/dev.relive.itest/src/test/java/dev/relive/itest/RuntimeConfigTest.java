package dev.relive.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Configuring PID {@code dev.relive.runtime} through ConfigAdmin reaches new connections. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class RuntimeConfigTest {

    private static final String PID = "dev.relive.runtime";
    private static final String SETTINGS = "dev.relive.runtime.internal.config.RuntimeSettings";
    private static final String SOCKET = "/relive/socket";
    /** RuntimeConfig's default, which SCR shows among the properties while nothing is configured. */
    private static final int DEFAULT_MAX_FRAME_BYTES = 65536;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> http;

    @InjectService(timeout = 30_000)
    ServiceComponentRuntime scr;

    @InjectService(timeout = 30_000)
    ConfigurationAdmin configAdmin;

    Endpoint endpoint;
    Configuration config;

    @BeforeEach
    void waitForServlets() {
        Whiteboard.awaitRuntimeServlets(http.getService(), context);
        endpoint = Endpoint.of(http.getServiceReference());
    }

    @AfterEach
    void deleteConfiguration() throws Exception {
        if (config != null) {
            long socketServlet = socketServletId();
            config.delete();
            config = null;
            awaitRuntimeReactivated(socketServlet, DEFAULT_MAX_FRAME_BYTES);
        }
    }

    @Test
    void maxFrameBytesRefusesLargerFramesOnNewConnections() throws Exception {
        String frame = frameOf(200);
        assertThat(reply(frame).path("type").asText()).as("a 200-byte ping under the default limit").isEqualTo("pong");

        long socketServlet = socketServletId();
        // "?": a multi-location binding, so that the runtime bundle (not this one) receives it
        config = configAdmin.getConfiguration(PID, "?");
        config.update(Dictionaries.dictionaryOf("max_frame_bytes", 100));
        awaitRuntimeReactivated(socketServlet, 100);

        JsonNode refused = reply(frame);
        assertThat(refused.path("type").asText()).as("reply %s", refused).isEqualTo("error");
        assertThat(refused.path("code").asText()).isEqualTo("too_large");
        assertThat(reply(frameOf(90)).path("type").asText()).as("a 90-byte ping").isEqualTo("pong");

        socketServlet = socketServletId();
        config.delete();
        config = null;
        awaitRuntimeReactivated(socketServlet, DEFAULT_MAX_FRAME_BYTES);
        assertThat(reply(frame).path("type").asText()).as("a 200-byte ping once the configuration is gone")
                .isEqualTo("pong");
    }

    /** A {@code ping} frame of exactly {@code bytes} bytes. */
    private static String frameOf(int bytes) {
        String head = "{\"type\":\"ping\",\"ref\":7,\"pad\":\"";
        String tail = "\"}";
        String frame = head + "x".repeat(bytes - head.length() - tail.length()) + tail;
        assertThat(frame).hasSize(bytes);
        return frame;
    }

    /** Sends {@code frame} on a new connection and returns the first reply. */
    private JsonNode reply(String frame) throws Exception {
        try (SocketClient socket = SocketClient.connect(endpoint.ws(SOCKET))) {
            socket.send(frame);
            return socket.next(f -> true, "a reply");
        }
    }

    private long socketServletId() {
        return Whiteboard.awaitRuntimeServlets(http.getService(), context).get(SOCKET);
    }

    /**
     * RuntimeSettings has no modified method: SCR reactivates it, and with it the components that hold it statically
     * (Sessions, then the servlets). Waits until SCR shows the settings active with {@code maxFrameBytes} and the
     * whiteboard has a socket servlet other than {@code oldSocketServlet}.
     */
    private void awaitRuntimeReactivated(long oldSocketServlet, int maxFrameBytes) {
        String expected = String.valueOf(maxFrameBytes);
        Eventually.await("RuntimeSettings active with max_frame_bytes=" + expected, this::settingsConfigurations,
                configs -> !configs.isEmpty() && configs.stream().allMatch(c -> activeWith(c, expected)));
        Eventually.await("a socket servlet other than service " + oldSocketServlet,
                () -> Whiteboard.runtimeServlets(http.getService(), context),
                s -> s.containsKey("/*") && s.containsKey(SOCKET) && s.get(SOCKET) != oldSocketServlet);
    }

    private static boolean activeWith(ComponentConfigurationDTO c, String maxFrameBytes) {
        return c.state == ComponentConfigurationDTO.ACTIVE
                && maxFrameBytes.equals(String.valueOf(c.properties.get("max_frame_bytes")));
    }

    private Collection<ComponentConfigurationDTO> settingsConfigurations() {
        Bundle runtime = Arrays.stream(context.getBundles())
                .filter(b -> Whiteboard.RUNTIME_BSN.equals(b.getSymbolicName())).findFirst().orElseThrow();
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(runtime, SETTINGS);
        return description == null ? List.of() : scr.getComponentConfigurationDTOs(description);
    }
}

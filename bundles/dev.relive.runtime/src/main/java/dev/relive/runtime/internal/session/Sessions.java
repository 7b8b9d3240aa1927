package dev.relive.runtime.internal.session;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.internal.token.TokenSigner;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.TemplateSource;

/**
 * Makes and tracks the sessions of connected tabs, and renders pages for plain HTTP requests through the same
 * path. Holds what sessions share: the template renderer, the handler invoker, the token signer, the threads.
 */
@Component(service = {Sessions.class, LiveSessions.class})
public class Sessions implements LiveSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BundleContext context;
    private final ViewRegistry registry;
    private final RuntimeSettings settings;
    private final Workers workers;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final Frames frames = new Frames(json);
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final HandlerInvoker invoker = new HandlerInvoker(json);
    private final FieldBinder binder = new FieldBinder(json);
    private final TokenSigner signer;
    private final Set<TabSession> live = ConcurrentHashMap.newKeySet();
    private final StoppedViewReload stoppedViews;

    @Activate
    public Sessions(BundleContext context, @Reference ViewRegistry registry, @Reference RuntimeSettings settings,
            @Reference Workers workers) {
        this.context = context;
        this.registry = registry;
        this.settings = settings;
        this.workers = workers;
        String state = context.getProperty("relive.state");
        this.signer = state == null ? TokenSigner.withRandomSecret()
                : TokenSigner.withSecretIn(java.nio.file.Path.of(state, "token.key"));
        this.stoppedViews = new StoppedViewReload(live, context);
        registry.addListener(stoppedViews);
    }

    @Deactivate
    void stop() {
        registry.removeListener(stoppedViews);
        live.forEach(TabSession::shutdown);
        live.clear();
    }

    /** A session for a new WebSocket connection; {@link #closed} must be called when it ends. */
    public TabSession open(Connection connection) {
        TabSession session = new TabSession(newId(), this, connection);
        live.add(session);
        return session;
    }

    public void closed(TabSession session) {
        live.remove(session);
        session.close();
    }

    /** Server-side render of {@code type} for a page request: mount, render, unmount. */
    public String renderPage(ViewType type, String route, Map<String, String> params, StringBuilder title) {
        TabSession session = new TabSession(newId(), this, null);
        try {
            String html = session.mount(type, route, params);
            title.append(session.title());
            return html;
        } finally {
            session.close();
        }
    }

    public String sign(ViewType type, String route, Map<String, String> params) {
        return signer.sign(route, type.className(), params, settings.tokenTtlSeconds());
    }

    @Override
    public List<LiveSession> sessions() {
        return new ArrayList<>(live);
    }

    public int count() {
        return live.size();
    }

    @Override
    public void setTemplateSource(TemplateSource source) {
        renderer.setOverride(source);
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    BundleContext context() {
        return context;
    }

    public ViewRegistry registry() {
        return registry;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    Workers workers() {
        return workers;
    }

    public ObjectMapper json() {
        return json;
    }

    public Frames frames() {
        return frames;
    }

    TemplateRenderer renderer() {
        return renderer;
    }

    HandlerInvoker invoker() {
        return invoker;
    }

    FieldBinder binder() {
        return binder;
    }

    public TokenSigner signer() {
        return signer;
    }
}

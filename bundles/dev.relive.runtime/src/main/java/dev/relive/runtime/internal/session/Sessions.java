package dev.relive.runtime.internal.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import dev.relive.api.User;
import dev.relive.runtime.internal.cluster.StateWriter;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.LazyMapper;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateLibraryTracker;
import dev.relive.runtime.internal.render.TemplateRenderer;
import dev.relive.runtime.spi.HvrError;
import dev.relive.runtime.spi.LiveSession;
import dev.relive.runtime.spi.LiveSessions;
import dev.relive.runtime.spi.MountListener;
import dev.relive.runtime.spi.TemplateSource;

/**
 * Makes and tracks the sessions of connected tabs, and renders pages for plain HTTP requests through the same
 * path. Owns what sessions share: the template renderer, the handler invoker and field binder.
 */
@Component(service = {Sessions.class, LiveSessions.class})
public class Sessions implements LiveSessions {

    private final BundleContext context;
    private final ViewRegistry registry;
    private final Workers workers;
    private final boolean dev;
    private final TemplateRenderer renderer;
    private final TemplateLibraryTracker libraries;
    private final HandlerInvoker invoker;
    private final FieldBinder binder;
    private final Map<TabSession, LiveSession> live = new ConcurrentHashMap<>();
    private final StoppedViewReload stoppedViews;
    private final ViewWorkerBudget budget;
    private final Messaging messaging;
    private final StateWriter stateWriter;
    private final int streamMemoryItems;
    private volatile MountListener mountListener;

    @Activate
    public Sessions(BundleContext context, @Reference ViewRegistry registry, @Reference RuntimeSettings settings,
            @Reference Workers workers, @Reference Messaging messaging, @Reference StateWriter stateWriter) {
        this.stateWriter = stateWriter;
        stateWriter.serve();
        this.context = context;
        this.registry = registry;
        this.workers = workers;
        this.dev = settings.dev();
        this.streamMemoryItems = settings.streamMemoryItems();
        this.libraries = new TemplateLibraryTracker(context);
        this.renderer = new TemplateRenderer(libraries.libraries());
        libraries.open();
        int perView = settings.maxWorkersPerView();
        this.budget = new ViewWorkerBudget(workers.pool(), perView > 0 ? perView : workers.threads() * 3 / 4);
        LazyMapper json = ProtocolJson.mapper();
        this.invoker = new HandlerInvoker(json);
        this.binder = new FieldBinder(json);
        this.messaging = messaging;
        this.stoppedViews = new StoppedViewReload(live.keySet(), context);
        registry.addListener(stoppedViews);
    }

    @Deactivate
    void stop() {
        stateWriter.retire(Duration.ofSeconds(5));
        registry.removeListener(stoppedViews);
        libraries.close();
        live.keySet().forEach(TabSession::shutdown);
        live.clear();
    }

    /** A session for a new WebSocket connection; {@link #closed} must be called when it ends. */
    TabSession open(Connection connection) {
        TabSession session = newSession(connection);
        session.joinCluster(new ClusterTab(session, stateWriter), SessionIds.next(24));
        live.put(session, new TabLiveSession(session, context));
        return session;
    }

    /** {@code session} has sent a mounted page to its tab. On the session's thread. */
    void mounted(TabSession session) {
        MountListener listener = mountListener;
        LiveSession live = this.live.get(session);
        if (listener != null && live != null) {
            listener.mounted(live);
        }
        session.cluster().changed();
    }

    void closed(TabSession session) {
        live.remove(session);
        session.cluster().closing();
        session.close();
        session.cluster().closed();
    }

    /** Starts making the template engine on a thread of its own, unless a render made it already. */
    public void prepareTemplates() {
        renderer.prepareInBackground();
    }

    /** A page's HTML and title, rendered without a socket. */
    public record Page(String html, String title, String head) {
    }

    /** Server-side render of the page at {@code url} served by {@code match}: mount, render, unmount. */
    public Page renderPage(RouteMatch match, String url, Map<String, String> query) {
        return renderPage(match, url, query, null, "");
    }

    /** The same, for the signed-in {@code user} ({@code null}: nobody) whose forms carry {@code csrfToken}. */
    public Page renderPage(RouteMatch match, String url, Map<String, String> query, User user, String csrfToken) {
        TabSession session = newSession(null);
        session.identify(user, csrfToken);
        try {
            String html = session.mount(match, url, query);
            return new Page(html, session.tree().title(), session.head());
        } finally {
            session.close();
        }
    }

    @Override
    public List<LiveSession> sessions() {
        return new ArrayList<>(live.values());
    }

    /**
     * Whether a held session shows a view of {@code bundle}: Hot View Replacement is swapping the bundle's sessions
     * (it holds every one that shows any of its views, whichever of them goes away first).
     */
    public boolean heldShowing(Bundle bundle) {
        return heldShowing(live.keySet(), bundle);
    }

    static boolean heldShowing(Collection<TabSession> sessions, Bundle bundle) {
        return sessions.stream().anyMatch(s -> s.held() && s.showsViewOf(bundle));
    }

    public int count() {
        return live.size();
    }

    @Override
    public void setTemplateSource(TemplateSource source) {
        renderer.setOverride(source);
    }

    @Override
    public Optional<HvrError> checkTemplate(String bundleSymbolicName, String path, String text) {
        return renderer.check(bundleSymbolicName, path, text)
                .map(e -> SavedRenderFailure.unparsed(bundleSymbolicName, path, e));
    }

    @Override
    public void setMountListener(MountListener listener) {
        this.mountListener = listener;
    }

    private TabSession newSession(Connection connection) {
        TabSession tab = new TabSession(SessionIds.next(), new BrowserChannel(connection, dev), budget,
                workers.timer(), renderer, registry, invoker, binder, messaging);
        tab.rememberStreamItems(streamMemoryItems);
        return tab;
    }

}

package dev.relive.runtime.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.User;
import dev.relive.runtime.internal.cluster.StateWriter;
import dev.relive.runtime.internal.cluster.StatefulTab;
import dev.relive.runtime.internal.cluster.StoredViews;
import dev.relive.runtime.internal.cluster.TabState;
import dev.relive.runtime.internal.cluster.UnstorableStateException;
import dev.relive.runtime.internal.cluster.ViewState;
import dev.relive.runtime.internal.registry.RouteMatch;
import dev.relive.runtime.internal.state.ClassShape;
import dev.relive.runtime.internal.state.StateSnapshot;

/**
 * A tab as the cluster sees it: its views' state captured for the {@link StateWriter} after its changes, and a
 * mount that resumes the state another member (or this one, before the socket dropped) stored for it.
 */
final class ClusterTab implements StatefulTab {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTab.class);
    private static final ClassValue<ClassShape> SHAPES = new ClassValue<>() {
        @Override
        protected ClassShape computeValue(Class<?> type) {
            return ClassShape.of(type);
        }
    };

    private final TabSession tab;
    private final StateWriter writer;
    /** The browser closed the tab (or it signed out), not just its connection: its stored state goes with it. */
    private volatile boolean left;

    ClusterTab(TabSession tab, StateWriter writer) {
        this.tab = tab;
        this.writer = writer;
    }

    @Override
    public String resumeKey() {
        return tab.resumeKey();
    }

    @Override
    public String viewClass() {
        return String.valueOf(tab.tree().rootClassName());
    }

    @Override
    public boolean isClosed() {
        return tab.isClosed();
    }

    @Override
    public void supersede() {
        writer.closed(this, false);
        tab.shutdown();
    }

    @Override
    public void submit(Runnable task) {
        tab.submit(task);
    }

    /** The tab's views changed: written within the delay, when there is a store. */
    void changed() {
        writer.changed(this);
    }

    /** The browser closed the tab for good, not just its connection. */
    void leave() {
        left = true;
    }

    /** The tab is about to end: if its connection dropped, its changes not written yet are written. */
    void closing() {
        if (!left) {
            writer.dropping(this);
        }
    }

    /** The tab ended: its entry goes too if the browser closed it. */
    void closed() {
        writer.closed(this, left);
    }

    /** Whether the tab's browser gets a resume key: there is a store to resume from. */
    boolean resumable() {
        return writer.active();
    }

    @Override
    public TabState capture(ObjectMapper mapper, Function<ServiceReference<?>, Set<String>> injected)
            throws UnstorableStateException {
        ViewTree tree = tab.tree();
        List<ViewState> views = new ArrayList<>();
        for (Slot slot : tree.slots()) {
            Class<?> type = slot.view.getClass();
            StateSnapshot snapshot = StateSnapshot.capture(slot.view, mapper, injected.apply(slot.reference));
            if (!snapshot.unserializable().isEmpty()) {
                throw new UnstorableStateException(type.getName(), "field " + snapshot.unserializable().iterator()
                        .next() + " does not serialize");
            }
            views.add(new ViewState(slot.childId, slot.sticky, type.getName(), SHAPES.get(type), snapshot.values(),
                    List.copyOf(slot.topics.subscribed()), slot.topics.tracked()));
        }
        User user = tab.user();
        return new TabState(TabState.FORMAT, tab.id(), tree.rootClassName(), tree.routePattern(), tree.url(),
                user == null ? null : user.id(), views);
    }

    /**
     * Mounts the page from the state stored under {@code resumeKey} when it is there and was stored for the same
     * view, route, URL and user as this mount's; returns the inner HTML, or empty (then mount afresh) with the
     * reason logged. The resumed tab takes the stored session id and key. On the tab's executor, before a mount.
     */
    Optional<String> resume(String resumeKey, RouteMatch match, String url, Map<String, String> query) {
        if (resumeKey == null || !writer.active()) {
            return Optional.empty();
        }
        Optional<TabState> found;
        try {
            found = writer.read(resumeKey);
        } catch (RuntimeException e) {
            LOG.info("Cluster state not resumed: the store failed: {}", e.toString());
            return Optional.empty();
        }
        if (found.isEmpty()) {
            LOG.debug("Cluster state not resumed: none stored for the tab (expired, removed or never written)");
            return Optional.empty();
        }
        TabState state = found.get();
        String mismatch = mismatch(state, match, url);
        if (mismatch != null) {
            LOG.info("Cluster state not resumed: {}: {}", state.view(), mismatch);
            return Optional.empty();
        }
        writer.liveTab(resumeKey).filter(old -> old != this).ifPresent(StatefulTab::supersede);
        String id = tab.id();
        String key = tab.resumeKey();
        tab.resumeAs(state.session(), resumeKey);
        try {
            return Optional.of(tab.mount(match, url, query, new StoredViews(state, writer)));
        } catch (RuntimeException e) {
            LOG.info("Cluster state not resumed: {}: {}", state.view(), e.getMessage());
            tab.tree().unmountAll();
            tab.resumeAs(id, key);
            return Optional.empty();
        }
    }

    private String mismatch(TabState state, RouteMatch match, String url) {
        User user = tab.user();
        if (!state.view().equals(match.type().className())) {
            return "stored for another view";
        }
        if (!state.route().equals(match.type().route()) || !state.url().equals(url)) {
            return "stored for another page";
        }
        if (!Objects.equals(state.user(), user == null ? null : user.id())) {
            return "stored for another user";
        }
        return null;
    }
}

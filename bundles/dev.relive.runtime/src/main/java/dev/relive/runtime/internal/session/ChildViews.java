package dev.relive.runtime.internal.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.relive.api.LiveView;
import dev.relive.api.ViewSession;
import dev.relive.runtime.internal.cluster.StoredViews;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.registry.ViewType;
import dev.relive.runtime.internal.render.ChildElement;
import dev.relive.runtime.internal.render.RenderException;
import dev.relive.runtime.internal.render.TemplateRenderer;

/**
 * The child views of a tab's page, by id: mounted when a template first embeds one, given the values its parent
 * passes, rendered inside the parent's HTML, unmounted when a render of the page no longer embeds it. A child's
 * messages go to its parent as the tab's next task. Only the session's tasks call it; {@link #all()} and
 * {@link #get} may be called from any thread.
 */
final class ChildViews {

    private static final int MAX_DEPTH = 8;

    private final TemplateRenderer renderer;
    private final ViewRegistry registry;
    private final String sessionId;
    private final BiFunction<Slot, Consumer<Object>, ViewSession> sessions;
    private final Consumer<Runnable> tasks;
    private final Supplier<Map<String, String>> params;
    private final Predicate<Slot> onPage;
    private final Map<String, Slot> children = new LinkedHashMap<>();
    private int depth;
    /** The stored states children are given instead of a mount, during a resume's first render; else null. */
    private StoredViews stored;
    /** The view whose template is being rendered: the parent of the children it embeds. */
    private Slot rendering;

    /**
     * {@code sessions}: makes a child slot's session (with its topics and its link to the parent); {@code tasks}:
     * queues a task of the tab and renders after it; {@code params}: what children are mounted with; {@code onPage}: whether a slot is still on
     * the page.
     */
    ChildViews(TemplateRenderer renderer, ViewRegistry registry, String sessionId,
            BiFunction<Slot, Consumer<Object>, ViewSession> sessions,
            Consumer<Runnable> tasks, Supplier<Map<String, String>> params, Predicate<Slot> onPage) {
        this.renderer = renderer;
        this.registry = registry;
        this.sessionId = sessionId;
        this.sessions = sessions;
        this.tasks = tasks;
        this.params = params;
        this.onPage = onPage;
    }

    Slot get(String childId) {
        synchronized (children) {
            return children.get(childId);
        }
    }

    List<Slot> all() {
        synchronized (children) {
            return new ArrayList<>(children.values());
        }
    }

    boolean contains(Slot slot) {
        synchronized (children) {
            return children.containsValue(slot);
        }
    }

    /** During the render that follows, new children take their {@code stored} state when they have one. */
    void resuming(StoredViews stored) {
        this.stored = stored;
    }

    /** Every child gets its values again at the next render ({@code update} runs even if they are equal). */
    void forgetProps() {
        synchronized (children) {
            children.values().forEach(c -> c.props = null);
        }
    }

    /** A render of the page by {@code root} begins: every child is gone unless the render embeds it again. */
    void beginRender(Slot root) {
        synchronized (children) {
            children.values().forEach(c -> c.rendered = false);
        }
        rendering = root;
    }

    /** The render has ended: children it did not embed are unmounted. */
    void endRender() {
        synchronized (children) {
            for (Iterator<Slot> it = children.values().iterator(); it.hasNext();) {
                Slot c = it.next();
                if (!c.rendered) {
                    c.unmount(sessionId);
                    it.remove();
                }
            }
        }
    }

    /** Live navigation: every child that is not sticky goes. */
    void removeNonSticky() {
        synchronized (children) {
            children.values().removeIf(c -> {
                if (!c.sticky) {
                    c.unmount(sessionId);
                    return true;
                }
                return false;
            });
        }
    }

    void unmountAll() {
        synchronized (children) {
            children.values().forEach(c -> c.unmount(sessionId));
            children.clear();
        }
    }

    /**
     * The child's HTML in its {@code <TAG rl-child rl-view>}, or as it when it is one such element (see
     * {@link ChildElement}), for {@code child(id, view, props, sticky, tag)}.
     */
    String render(String childId, String viewName, Map<String, Object> props, boolean sticky, String tag) {
        if (depth >= MAX_DEPTH) {
            throw new RenderException("child views nested deeper than " + MAX_DEPTH, null);
        }
        Slot parent = rendering;
        String viewClass = viewName.indexOf('.') < 0 && parent != null
                ? parent.view.getClass().getPackageName() + "." + viewName : viewName;
        Slot slot = childFor(childId, viewClass, sticky);
        if (slot.rendered) {
            // two places sharing one instance would show (and change) the same state without a word
            String where = slot.parent == parent ? "both times by " + simpleName(parent) + "'s template (in a loop?)"
                    : "by " + simpleName(slot.parent) + " and by " + simpleName(parent);
            throw new RenderException("child id '" + childId + "' is embedded twice on this page, " + where
                    + ": a child's id names one instance per page, so give each its own, e.g. child(\"" + childId
                    + "-\" + item.id, ...)", null);
        }
        slot.rendered = true;
        slot.parent = parent;
        update(slot, props);
        depth++;
        rendering = slot;
        try {
            String inner = renderer.render(slot.view, this::render);
            return ChildElement.of(inner, tag, childId, slot.view.getClass().getName());
        } finally {
            depth--;
            rendering = parent;
        }
    }

    private static String simpleName(Slot slot) {
        return slot == null ? "the layout" : slot.view.getClass().getSimpleName();
    }

    /** Gives the child the values its parent passes, when they are not those it was last given. */
    private void update(Slot slot, Map<String, Object> props) {
        if (props.equals(slot.props)) {
            return;
        }
        slot.props = props;
        try {
            slot.view.update(Collections.unmodifiableMap(props));
        } catch (RuntimeException e) {
            slot.props = null;
            throw new RenderException("child '" + slot.childId + "' (" + slot.view.getClass().getName()
                    + ") threw in update: " + e, e);
        }
    }

    /**
     * Runs the parent's {@code onChildMessage} for {@code child}, as the tab's next task; also when the child has
     * left the page since (a row that deleted its own item), as long as the parent is still there.
     */
    private void sendToParent(Slot child, Object message) {
        Slot parent = child.parent;
        if (parent == null) {
            return;
        }
        tasks.accept(() -> {
            if (onPage.test(parent)) {
                parent.view.onChildMessage(child.childId, message);
            }
        });
    }

    /** The child {@code childId} if it shows {@code viewClass}, else a newly mounted one in its place. */
    private Slot childFor(String childId, String viewClass, boolean sticky) {
        Slot slot = get(childId);
        if (slot != null && (slot.view.getClass().getName().equals(viewClass)
                || slot.reference.getProperty("component.name").equals(viewClass))) {
            return slot;
        }
        if (slot != null) {
            slot.unmount(sessionId);
            synchronized (children) {
                children.remove(childId);
            }
        }
        ViewType type = registry.byClassName(viewClass)
                .orElseThrow(() -> new RenderException("no view " + viewClass + " for child '" + childId + "'", null));
        LiveView view = type.objects().getService();
        Slot mounted = new Slot(childId, sticky, view, type.reference(), type.objects());
        mounted.session = sessions.apply(mounted, message -> sendToParent(mounted, message));
        try {
            if (stored == null || !stored.restore(childId, view, type.reference(), mounted.session)) {
                view.mount(params.get(), mounted.session);
            }
        } catch (RuntimeException e) {
            mounted.release();
            throw new RenderException("child '" + childId + "' (" + viewClass + ") failed to mount: " + e, e);
        }
        synchronized (children) {
            children.put(childId, mounted);
        }
        return mounted;
    }
}
